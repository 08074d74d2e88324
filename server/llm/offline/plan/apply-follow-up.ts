// Follow-up prompts edit the previous plan's core: add/remove fields and entities, change the
// theme, the name or the kind. Unrecognised follow-ups fall back to adding any new entities.
import type { TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { columnsIn } from "./core-from-prompt";
import { dashboardPattern, kanbanPattern, landingPattern } from "./detect-kind";
import { detectTheme } from "./detect-theme";
import { catalogEntityForNoun } from "./entity-catalog";
import { extractEntities, splitFieldPhrases } from "./extract-entities";
import { fieldFromPhrase, lookupField } from "./field-catalog";
import { singularize, splitIdentifier, titleOf, wordsOf } from "./naming";
import { requestedName } from "./normalize-prompt";
import type { PlanCore } from "./plan-core";
import { detectTool } from "./tool-catalog";
import { statusFieldOf } from "./ui-names";

const norm = (words: string[]): string => words.map(singularize).join(" ");

function findEntity(core: PlanCore, phrase: string): TPlanEntity | undefined {
  const target = norm(wordsOf(phrase).filter((w) => !["the", "a", "an", "each", "every", "all", "my"].includes(w)));
  if (!target) return undefined;
  return core.entities.find(
    (e) =>
      norm(splitIdentifier(e.name)) === target ||
      norm(wordsOf(e.pluralLabel)) === target ||
      catalogEntityForNoun(target)?.name === e.name ||
      norm(splitIdentifier(e.name)).endsWith(target),
  );
}

function findField(entity: TPlanEntity, phrase: string): TPlanField | undefined {
  const target = norm(wordsOf(phrase));
  const known = lookupField(phrase);
  return entity.fields.find((f) => norm(splitIdentifier(f.name)) === target || norm(wordsOf(f.label)) === target || (known !== undefined && f.name === known.name));
}

function newEntity(core: PlanCore, phrase: string): TPlanEntity | undefined {
  const extracted = extractEntities(`track ${phrase}`);
  const entity = extracted.entities.find((e) => !core.entities.some((x) => x.name === e.name));
  return entity;
}

const entityWords = /\b(entity|entities|table|tables|page|pages|model|models|section|sections|collection|list of|lists of)\b/;

function applyClause(core: PlanCore, clause: string): boolean {
  let changed = false;
  const name = requestedName(clause);
  if (name) {
    core.appName = titleOf(name);
    return true;
  }
  const theme = detectTheme(clause);
  if (theme.colorScheme) core.theme.colorScheme = theme.colorScheme;
  if (theme.accent) core.theme.accent = theme.accent;
  changed ||= theme.colorScheme !== undefined || theme.accent !== undefined;

  const asKind = /\b(?:make|turn|switch|convert|change) (?:it|this|the app)? ?(?:into|to|a|an|in)? ?(?:a |an )?(.+)|\b(?:add|show|include) (?:a |an |some )?(dashboard|charts?|graphs?|kanban|board)\b/.exec(clause);
  if (asKind) {
    const what = asKind[1] ?? asKind[2] ?? "";
    const kind = landingPattern.test(what) ? "landing" : kanbanPattern.test(what) ? "kanban" : dashboardPattern.test(what) ? "dashboard" : detectTool(what) ? "tool" : undefined;
    if (kind && kind !== core.kind) {
      core.kind = kind;
      if (kind === "tool") core.tool = detectTool(what)!.id;
      return true;
    }
  }
  const columns = core.kind === "kanban" ? columnsIn(clause) : undefined;
  if (columns && core.entities[0]) {
    const status = statusFieldOf(core.entities[0]);
    if (status) status.options = columns;
    return true;
  }

  const remove = /\b(?:remove|delete|drop|get rid of|without|no longer (?:need|track)|don'?t need|do not need|take out)\s+(?:the\s+)?(.+)/.exec(clause);
  if (remove) {
    const [, rest] = remove;
    const m = /^(.+?)\s+(?:from|in|on)\s+(?:the\s+)?(.+?)(?:\s+(?:entity|table|page|list))?$/.exec(rest!);
    const phrase = (m ? m[1]! : rest!).replace(/\b(field|fields|column|columns|property|attribute|entity|table|page|model)\b/g, " ").trim();
    const scope = m ? [findEntity(core, m[2]!)].filter((e): e is TPlanEntity => e !== undefined) : core.entities;
    for (const p of splitFieldPhrases(phrase).length ? splitFieldPhrases(phrase) : [phrase]) {
      let removed = false;
      for (const entity of scope) {
        const field = findField(entity, p);
        if (field && entity.fields.length > 1) {
          entity.fields = entity.fields.filter((f) => f !== field);
          removed = changed = true;
        }
      }
      const entity = !removed ? findEntity(core, p) : undefined;
      if (entity && core.entities.length > 1) {
        core.entities = core.entities.filter((e) => e !== entity).map((e) => ({ ...e, belongsTo: e.belongsTo.filter((b) => b !== entity.name) }));
        changed = true;
      }
    }
    return changed;
  }

  const makeRequired = /\bmake (?:the )?(.+?) (?:field )?(required|optional|mandatory)\b/.exec(clause);
  if (makeRequired) {
    for (const entity of core.entities) {
      const field = findField(entity, makeRequired[1]!);
      if (field) {
        field.required = makeRequired[2] !== "optional";
        changed = true;
      }
    }
    if (changed) return true;
  }

  const add = /\b(?:add|include|also track|track|also manage|manage|support|store|record|keep)\s+(?:a |an |the |some |new )?(.+)/.exec(clause);
  const should = /\b([a-z ]+?)\s+(?:should|must|need to|needs to)\s+(?:also\s+)?(?:have|has|include|store|get)\s+(?:a |an |the )?(.+)/.exec(clause);
  let phrase: string;
  let target: TPlanEntity | undefined;
  if (add) {
    phrase = add[1]!;
    const to = /^(.+?)\s+(?:to|for|on|in)\s+(?:the\s+|each\s+|every\s+|all\s+|my\s+)?([a-z ]+?)(?:\s+(?:entity|table|page|list|records?|form))?$/.exec(phrase);
    if (to && findEntity(core, to[2]!)) {
      target = findEntity(core, to[2]!);
      phrase = to[1]!;
    }
  } else if (should) {
    target = findEntity(core, should[1]!.split(" ").slice(-2).join(" "));
    phrase = should[2]!;
  } else return changed;
  const wantsEntity = !target && (entityWords.test(phrase) || /\b(?:also track|track|also manage|manage)\b/.test(clause));
  const cleaned = phrase.replace(/\b(field|fields|column|columns|property|attribute|entity|entities|table|tables|page|pages|model|models|section|sections|collection)\b/g, " ").replace(/\s+/g, " ").trim();
  const words = wordsOf(cleaned);
  const head = words[words.length - 1] ?? "";
  const looksLikeEntity = wantsEntity || (!target && !lookupField(cleaned) && words.length <= 2 && catalogEntityForNoun(singularize(head)) !== undefined);
  if (looksLikeEntity) {
    for (const p of splitFieldPhrases(cleaned).length ? splitFieldPhrases(cleaned) : [cleaned]) {
      if (findEntity(core, p)) continue;
      const entity = newEntity(core, p);
      if (entity && core.entities.length < 8) {
        core.entities.push(entity);
        changed = true;
      }
    }
    return changed;
  }
  const into = target ?? core.entities[0];
  if (!into) return changed;
  for (const p of splitFieldPhrases(cleaned)) {
    const parent = catalogEntityForNoun(singularize(wordsOf(p).pop() ?? ""));
    const parentEntity = parent ? findEntity(core, parent.name) : findEntity(core, p);
    if (parentEntity && parentEntity !== into && !lookupField(p)) {
      if (!into.belongsTo.includes(parentEntity.name)) into.belongsTo.push(parentEntity.name);
      changed = true;
      continue;
    }
    const field = fieldFromPhrase(p);
    if (field && !findField(into, p)) {
      into.fields.push(field);
      changed = true;
    }
  }
  return changed;
}

export function applyFollowUp(previous: PlanCore, text: string): PlanCore {
  const core: PlanCore = structuredClone(previous);
  const clauses = text
    .split(/[.!?;\n]+|,?\s+and (?=(?:then |also |please )?(?:make|add|remove|delete|drop|rename|call|change|switch|use|include|track|turn|give|set)\b)|,\s*(?=(?:make|add|remove|delete|drop|rename|call|change|switch|use|include|track|turn)\b)/)
    .map((c) => c.trim())
    .filter(Boolean);
  let changed = false;
  for (const clause of clauses) changed = applyClause(core, clause) || changed;
  if (!changed) {
    // Free-form follow-up ("I also need invoices"): add whatever new entities it mentions.
    for (const entity of extractEntities(text).entities) {
      if (!core.entities.some((e) => e.name === entity.name) && core.entities.length < 8) core.entities.push(entity);
    }
  }
  return core;
}
