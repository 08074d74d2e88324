// Follow-ups edit the plan they are given: the draft starts from the previous plan (its
// requirements keep their ids and prompt index), the follow-up's words are composed on top, and
// asks the app already meets are answered in `changes.alreadyThere` without adding anything.
import type { TPlan } from "~/server/plan/plan-schema";
import type { Reading } from "../understand/reading";
import { composeInto } from "./compose-plan";
import { claim, createDraft, isClaimed, requirement, type Draft, type SectionInput } from "./draft";
import { findAny, findPattern } from "../understand/match-pattern";
import { readFieldPhrase } from "../understand/field-phrase";
import { addField, fieldFromDraft, labelOf } from "./records";

export function draftFromPlan(plan: TPlan, reading: Reading, promptIndex: number): Draft {
  const maxId = Math.max(0, ...(plan.requirements ?? []).map((r) => Number(r.id.slice(1)) || 0));
  const draft = createDraft(reading, promptIndex, maxId + 1);
  draft.requirements = structuredClone(plan.requirements ?? []);
  for (const e of plan.entities) draft.entities.set(e.name, { name: e.name, pluralLabel: e.pluralLabel, fields: structuredClone(e.fields), belongsTo: [...e.belongsTo], computed: structuredClone(e.computed ?? []), actions: structuredClone(e.actions ?? []), initialRecords: e.initialRecords, formerNames: e.formerNames, requirementIds: [...(e.requirementIds ?? [])] });
  draft.pages = plan.pages.map((p) => ({ path: p.path, title: p.title, purpose: p.purpose, sections: structuredClone(p.sections ?? []) as SectionInput[], requirementIds: [...(p.requirementIds ?? [])] }));
  const { requirementIds, ...theme } = plan.theme;
  draft.theme = { ...theme, requirementIds: [...(requirementIds ?? [])] };
  const nameReqs = (plan.requirements ?? []).filter((r) => r.kind === "name").map((r) => r.id);
  draft.appName = { name: plan.appName, requirementIds: nameReqs };
  draft.kind = plan.kind;
  return draft;
}

const hasDelete = (draft: Draft): boolean => draft.pages.some((p) => p.sections.some((s) => s.type === "records" && s.delete !== false));

/** "add a notes field to each habit", "add dietary needs to each guest": a field on that entity. */
function addFieldsToNamedEntity(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const match of findPattern(tokens, "add|include|put … to|on|for each|every|all|the|a|my")) {
    if (isClaimed(draft, match.from, match.to)) continue;
    const target = tokens[match.to];
    const entity = [...draft.entities.values()].find((e) => target && (target.lemma === e.name.toLowerCase() || target.lemma === labelOf(e)));
    if (!entity || !target) continue;
    const words = tokens.slice(match.from + 1, match.to - 2).filter((t) => !["field", "fields", "column", "columns", "box"].includes(t.word));
    const field = readFieldPhrase(words);
    if (!field) continue;
    const id = requirement(draft, "field", `Each ${labelOf(entity)} has ${field.type === "boolean" ? "a yes/no" : "a"} ${field.label.toLowerCase()}`, match.from + 1, match.to - 2);
    addField(entity, fieldFromDraft(field), id);
    claim(draft, match.from, match.to + 1);
  }
}

export function applyFollowUp(draft: Draft): void {
  const { tokens } = draft.reading;
  const before = JSON.stringify([...draft.entities.values()].map((e) => [e.name, e.fields.length]));
  const pagesBefore = draft.pages.length;
  const requirementsBefore = draft.requirements.length;
  // Asks the app already meets.
  const deleteAsk = findAny(tokens, ["delete|remove button|buttons|option", "way to delete|remove", "delete|remove … task|tasks|item|items|record|records|entry|entries"]);
  if (deleteAsk && hasDelete(draft)) {
    draft.changes.alreadyThere.push("Every item already has a Delete button in its row.");
    for (let i = deleteAsk.from; i < deleteAsk.to; i++) draft.claimed.add(i);
  }
  for (const entity of draft.entities.values()) {
    for (const field of entity.fields) {
      if (field.type !== "enum") continue;
      for (const option of field.options ?? []) {
        const hit = findAny(tokens, [`mark|set|move … as? ${option.toLowerCase().split(" ").join(" ")}`, "mark|set … as? finished|done|complete|completed"]);
        const done = option.toLowerCase().match(/^(done|finished|complete|completed|read)$/);
        if (hit && done) {
          draft.changes.alreadyThere.push(`A ${entity.name.toLowerCase()} can already be set to "${option}" with its ${field.label.toLowerCase()}.`);
          for (let i = hit.from; i < hit.to; i++) draft.claimed.add(i);
        }
      }
    }
  }
  addFieldsToNamedEntity(draft);
  composeInto(draft);
  const after = JSON.stringify([...draft.entities.values()].map((e) => [e.name, e.fields.length]));
  for (const r of draft.requirements.slice(requirementsBefore)) (r.status === "planned" ? draft.changes.added : draft.changes.changed).push(r.text);
  if (before !== after && !draft.changes.added.length) draft.changes.changed.push("Records changed");
  if (draft.pages.length > pagesBefore) draft.changes.changed.push(`${draft.pages.length - pagesBefore} new page(s)`);
}
