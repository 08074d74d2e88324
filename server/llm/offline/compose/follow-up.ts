// Follow-ups edit the plan they are given: the draft starts from the previous plan (its
// requirements keep their ids and prompt index), the follow-up's words are composed on top, and
// asks the app already meets are answered in `changes.alreadyThere` without adding anything.
//
// Order matters: edits of what exists (a field on a named record, new board columns, a link
// between records) claim their words first; views, charts and figures over the existing records
// come next, so "a pie chart of spending" charts the expenses instead of keeping a list of "pies";
// the general composer reads what is left. Afterwards, records the follow-up only mentioned are
// not asked for again, and a list no words asked for (a "Form", a "Bar") is not added.
import type { TPlan } from "~/server/plan/plan-schema";
import type { Reading } from "../understand/reading";
import { composeInto } from "./compose-plan";
import { claim, createDraft, isClaimed, requirement, tag, type Draft, type EntityDraft, type SectionInput } from "./draft";
import { findAny, findPattern } from "../understand/match-pattern";
import { readFieldPhrase } from "../understand/field-phrase";
import { optionText, readList } from "../understand/lists";
import { addField, capitalizeOptions, fieldFromDraft, labelOf, withArticle } from "./records";
import { composeCharts, composeFigures, composeViews } from "./views";
import { composeSiteSections } from "./site";
import { streakPatterns } from "../catalog/app-shapes";

export function draftFromPlan(plan: TPlan, reading: Reading, promptIndex: number): Draft {
  const maxId = Math.max(0, ...(plan.requirements ?? []).map((r) => Number(r.id.slice(1)) || 0));
  const draft = createDraft(reading, promptIndex, maxId + 1);
  draft.requirements = structuredClone(plan.requirements ?? []);
  for (const e of plan.entities) draft.entities.set(e.name, { name: e.name, pluralLabel: e.pluralLabel, fields: structuredClone(e.fields), belongsTo: [...e.belongsTo], computed: structuredClone(e.computed ?? []), actions: structuredClone(e.actions ?? []), initialRecords: e.initialRecords, formerNames: e.formerNames, ...(e.addOnlyWhen ? { addOnlyWhen: structuredClone(e.addOnlyWhen) } : {}), ...(e.timer ? { timer: structuredClone(e.timer) } : {}), requirementIds: [...(e.requirementIds ?? [])] });
  draft.pages = plan.pages.map((p) => ({ path: p.path, title: p.title, purpose: p.purpose, sections: structuredClone(p.sections ?? []) as SectionInput[], requirementIds: [...(p.requirementIds ?? [])] }));
  const { requirementIds, ...theme } = plan.theme;
  draft.theme = { ...theme, requirementIds: [...(requirementIds ?? [])] };
  const nameReqs = (plan.requirements ?? []).filter((r) => r.kind === "name").map((r) => r.id);
  draft.appName = { name: plan.appName, requirementIds: nameReqs };
  draft.kind = plan.kind;
  if (plan.sharing) draft.sharing = { requirementIds: [...(plan.sharing.requirementIds ?? [])] };
  return draft;
}

const hasDelete = (draft: Draft): boolean => draft.pages.some((p) => p.sections.some((s) => s.type === "records" && s.delete !== false));

/** The entity a token names (its name, singular label or plural label). */
function entityNamed(draft: Draft, token: Draft["reading"]["tokens"][number] | undefined): EntityDraft | undefined {
  if (!token) return undefined;
  return [...draft.entities.values()].find((e) => token.lemma === e.name.toLowerCase() || token.lemma === labelOf(e) || token.word === e.pluralLabel.toLowerCase());
}

/** The app's main records: the first list that is not a child's log. */
const mainEntity = (draft: Draft): EntityDraft | undefined => [...draft.entities.values()].find((e) => !e.belongsTo.length) ?? [...draft.entities.values()][0];

const fieldWords = ["field", "fields", "column", "box", "option", "setting"];
const describe = (entity: EntityDraft, field: { type: string; label: string }) => `Each ${labelOf(entity)} has ${field.type === "boolean" ? `a yes/no ${field.label.toLowerCase()}` : withArticle(field.label.toLowerCase())}`;

/** "with low, medium and high", ": to read, reading, done": the options that follow a field. */
function optionsAfter(draft: Draft, at: number): { options: string[]; to: number } | undefined {
  const { tokens } = draft.reading;
  if (!["with", ":", "of"].includes(tokens[at]?.text.toLowerCase() ?? "")) return undefined;
  const { items, end } = readList(tokens, at + 1, 20);
  // The words as written ("to read" stays "To read"), without the list's "and"/"or".
  const raw = (span: { from: number; to: number }) => tokens.slice(span.from, span.to).filter((t, i) => t.isWord && !(i === 0 && ["and", "or"].includes(t.word))).map((t) => t.text).join(" ");
  const options = items.map(raw).filter((o) => o && o.split(" ").length <= 3 && !/\b(tab|tabs|each|field)\b/i.test(o));
  return options.length >= 2 ? { options: capitalizeOptions(options), to: Math.min(end, items[options.length - 1]!.to) } : undefined;
}

/**
 * "add a notes field to each habit", "add dietary needs to each guest", "add a due date to cards",
 * "add a weight field", "add a priority field with low, medium and high": a field on that entity
 * (the named one, else the app's main records).
 */
function addFields(draft: Draft): void {
  const { tokens } = draft.reading;
  const asks = [
    ...findPattern(tokens, "add|include|put|want … to|on|for each|every|all|the|a|my"),
    ...findPattern(tokens, "add|include|put … to|on|for"),
  ].sort((a, b) => a.from - b.from || b.to - a.to);
  for (const match of asks) {
    if (isClaimed(draft, match.from, match.to)) continue;
    const target = entityNamed(draft, tokens[match.to]) ?? entityNamed(draft, tokens[match.to - 1]);
    if (!target) continue;
    const preposition = tokens.slice(match.from + 1, match.to + 1).findIndex((t) => ["to", "on", "for"].includes(t.word));
    const words = tokens.slice(match.from + 1, match.from + 1 + preposition).filter((t) => !fieldWords.includes(t.word));
    // "add deals linked to each lead": new records of their own, not a field.
    if (words.some((t) => ["linked", "belonging", "attached", "connected", "and"].includes(t.word))) continue;
    const field = readFieldPhrase(words);
    if (!field) continue;
    const end = tokens[match.to - 1] === undefined || entityNamed(draft, tokens[match.to - 1]) ? match.to : match.to + 1;
    const id = requirement(draft, "field", describe(target, field), match.from + 1, match.from + 1 + preposition);
    addField(target, fieldFromDraft(field), id);
    claim(draft, match.from, end);
  }
  // "add a weight field", "add a priority field with low, medium and high", "add a status: to read, reading, done".
  for (const match of findPattern(tokens, "add|include|want … field|column|status|priority|rating|category|tag|tags")) {
    if (isClaimed(draft, match.from, match.to)) continue;
    if (fieldWords.includes(tokens[match.to]?.word ?? "")) match.to += 1;
    const isFieldWord = fieldWords.includes(tokens[match.to - 1]!.word);
    const words = tokens.slice(match.from + 1, isFieldWord ? match.to - 1 : match.to);
    const field = readFieldPhrase(words);
    if (!field) continue;
    const named = tokens.slice(match.to, match.to + 4).map((t) => entityNamed(draft, t)).find(Boolean);
    const entity = named ?? mainEntity(draft);
    if (!entity) continue;
    const options = optionsAfter(draft, match.to);
    const input = fieldFromDraft(field, options?.options);
    if (options && !input.defaultValue) input.defaultValue = input.options![0];
    const id = requirement(draft, "field", `${describe(entity, input)}${options ? ` (${options.options.join(", ")})` : ""}`, match.from + 1, options?.to ?? match.to);
    addField(entity, input, id);
    claim(draft, match.from, options?.to ?? match.to);
    // "with a tab for each": the list gets one tab per option.
    const tabs = findAny(tokens, ["tab|tabs for each|every", "tab|tabs"], match.to);
    if (tabs && input.type === "enum" && !isClaimed(draft, tabs.from, tabs.to)) {
      const tabId = requirement(draft, "view", `The ${entity.pluralLabel.toLowerCase()} can be shown by ${input.label.toLowerCase()}`, tabs.from, tabs.to);
      for (const page of draft.pages) for (const section of page.sections) if (section.type === "records" && section.entity === entity.name && !section.where) tag(section, tabId);
      tag(input, tabId);
    }
  }
}

/** "change the columns to Ideas, Drafting, Editing, Published": the board's columns, cards moving along. */
function changeBoardColumns(draft: Draft): void {
  const { tokens } = draft.reading;
  const match = findAny(tokens, ["change|rename|make|set|replace … column|columns|lane|lanes to|:|with|be", "column|columns|lane|lanes should be|are|to|:"]);
  if (!match || isClaimed(draft, match.from, match.to)) return;
  const board = draft.pages.flatMap((p) => p.sections).find((s) => s.type === "board");
  if (!board || board.type !== "board") return;
  const entity = draft.entities.get(board.entity);
  const field = entity?.fields.find((f) => f.name === board.columnField);
  if (!entity || !field || field.type !== "enum") return;
  const { items, end } = readList(tokens, match.to, 30);
  const columns = capitalizeOptions(items.map((span) => optionText(tokens, span)).filter((o) => o && o.split(" ").length <= 3));
  if (columns.length < 2) return;
  const id = requirement(draft, "content", `The columns are ${columns.join(", ")}`, match.from, end);
  // Cards keep their place: the n-th old column's cards move to the n-th new one (the last one takes the rest).
  const renames: Record<string, string> = { ...(field.optionRenames ?? {}) };
  (field.options ?? []).forEach((old, i) => {
    const next = columns[Math.min(i, columns.length - 1)]!;
    if (old !== next && !columns.includes(old)) renames[old] = next;
  });
  field.options = columns;
  field.defaultValue = columns[0];
  if (Object.keys(renames).length) field.optionRenames = renames;
  // The earlier "the columns are …" requirement is replaced: it no longer describes the app.
  // The earlier "the columns are …" requirement no longer describes the app: the new one replaces it.
  for (const r of draft.requirements.filter((q) => q.kind === "content" && q.promptIndex < draft.promptIndex && /^The columns are /.test(q.text) && field.requirementIds?.includes(q.id))) {
    dropRequirementId(draft, r.id);
    draft.changes.changed.push(`${r.text} → ${columns.join(", ")}`.slice(0, 200));
  }
  tag(field, id);
  tag(board, id);
  claim(draft, match.from, end);
}

type LinkAsk = { from: number; to: number; child: string; parent: string };

/** "link each product to a supplier", "assign guests to a table": read now, made once the records exist. */
function readLinks(draft: Draft): LinkAsk[] {
  const { tokens } = draft.reading;
  const asks: LinkAsk[] = [];
  for (const match of findPattern(tokens, "link|connect|assign|attach|tie … to|with")) {
    if (isClaimed(draft, match.from, match.to)) continue;
    const child = tokens.slice(match.from + 1, match.to - 1).filter((t) => t.isWord && !["each", "every", "all", "the", "a", "an", "my"].includes(t.word)).at(-1);
    let at = match.to;
    while (tokens[at] && ["a", "an", "the", "one", "their", "its"].includes(tokens[at]!.word)) at++;
    const parent = tokens[at];
    if (!child || !parent?.isWord) continue;
    asks.push({ from: match.from, to: at + 1, child: child.lemma, parent: parent.lemma });
    claim(draft, match.from, at + 1);
  }
  return asks;
}

function makeLinks(draft: Draft, asks: LinkAsk[]): void {
  for (const ask of asks) {
    const byWord = (word: string) => [...draft.entities.values()].find((e) => word === e.name.toLowerCase() || word === labelOf(e));
    const child = byWord(ask.child);
    const parent = byWord(ask.parent);
    if (!child || !parent || child === parent) {
      requirement(draft, "relation", `Link each ${ask.child} to a ${ask.parent}`, ask.from, ask.to, { reason: "The app keeps no such records to link; ask for them first (\"add suppliers\")." });
      continue;
    }
    const id = requirement(draft, "relation", `Each ${labelOf(child)} belongs to a ${labelOf(parent)}`, ask.from, ask.to);
    if (!child.belongsTo.includes(parent.name) && !parent.belongsTo.includes(child.name) && child.belongsTo.length < 5) child.belongsTo.push(parent.name);
    tag(child, id);
    tag(parent, id);
  }
}

/**
 * "rename habits to routines", "call the tasks chores": the records get the new name and keep
 * their data (formerNames: the app's store moves what it kept under the old name on load).
 */
function renameEntities(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const match of findPattern(tokens, "rename|call|change … to|as|into")) {
    if (isClaimed(draft, match.from, match.to)) continue;
    const named = tokens.slice(match.from + 1, match.to - 1).map((t) => entityNamed(draft, t)).find(Boolean);
    let at = match.to;
    while (tokens[at] && ["a", "an", "the", "my"].includes(tokens[at]!.word)) at++;
    const word = tokens[at];
    if (!named || !word?.isWord || entityNamed(draft, word) || fieldWords.includes(word.word)) continue;
    const singular = word.lemma.replace(/[^a-z]/g, "");
    if (singular.length < 3) continue;
    const name = singular[0]!.toUpperCase() + singular.slice(1);
    if (draft.entities.has(name)) continue;
    const plural = word.word === word.lemma ? `${word.text[0]!.toUpperCase()}${word.text.slice(1)}s` : `${word.text[0]!.toUpperCase()}${word.text.slice(1)}`;
    const id = requirement(draft, "entity", `${named.pluralLabel} are now called ${plural.toLowerCase()}; their records are kept`, match.from, at + 1);
    const former = named.name;
    const renamed = { ...named, name, pluralLabel: plural, formerNames: [...new Set([...(named.formerNames ?? []), former])].slice(-5) };
    tag(renamed, id);
    draft.entities = new Map([...draft.entities].map(([key, e]) => (key === former ? [name, renamed] : [key, e])));
    // Everything that names the records by their old name follows: sections, parents, computed values.
    const rename = (value: unknown): unknown => {
      if (value === former) return name;
      if (typeof value === "string" && value.startsWith(`${former}.`)) return `${name}${value.slice(former.length)}`;
      if (Array.isArray(value)) return value.map(rename);
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "requirementIds" ? v : rename(v)]));
      return value;
    };
    for (const e of draft.entities.values()) {
      e.belongsTo = e.belongsTo.map((p) => (p === former ? name : p));
      e.computed = rename(e.computed) as typeof e.computed;
      e.actions = rename(e.actions) as typeof e.actions;
    }
    for (const page of draft.pages) {
      page.sections = rename(page.sections) as SectionInput[];
      if (page.title === named.pluralLabel) page.title = plural;
      page.sections.forEach((section) => {
        if ("title" in section && section.title === named.pluralLabel) section.title = plural;
      });
    }
    claim(draft, match.from, at + 1);
  }
}

/** Asks the app already meets: said in the conversation, nothing built. */
function answerAlreadyThere(draft: Draft): void {
  const { tokens } = draft.reading;
  const deleteAsk = findAny(tokens, ["delete|remove button|buttons|option", "way to delete|remove", "delete|remove … task|tasks|item|items|record|records|entry|entries"]);
  if (deleteAsk && hasDelete(draft)) {
    draft.changes.alreadyThere.push("Every item already has a Delete button in its row.");
    claim(draft, deleteAsk.from, deleteAsk.to);
  }
  for (const entity of draft.entities.values()) {
    for (const field of entity.fields) {
      const finished = field.type === "enum" ? field.options?.find((o) => /^(done|finished|complete|completed|read|returned)$/i.test(o)) : field.type === "boolean" && /^(done|finished|complete|completed|read|returned)$/i.test(field.name) ? field.label : undefined;
      if (!finished) continue;
      const hit = findAny(tokens, [`mark|set|move|tick … as? ${finished.toLowerCase().split(" ").join(" ")}`, "mark|set|tick … as? finished|done|complete|completed"]);
      if (!hit || isClaimed(draft, hit.from, hit.to)) continue;
      draft.changes.alreadyThere.push(field.type === "enum" ? `A ${labelOf(entity)} can already be set to "${finished}" with its ${field.label.toLowerCase()}.` : `A ${labelOf(entity)} can already be ticked as ${field.label.toLowerCase()}.`);
      claim(draft, hit.from, hit.to);
    }
  }
}

// Words that only say "change the app": what changes is read from the rest of the follow-up.
const editWords = new Set(["switch", "change", "changes", "call", "rename", "make", "look", "looks", "let", "please", "add", "show", "put", "give", "turn", "set", "use", "now", "instead", "also", "bottom", "top", "able", "want", "like", "it", "app", "update", "edit", "next", "beside"]);

/** A list the follow-up's words did not ask to keep: chart or form words, a field of a record, or no word at all. */
const uiWords = new Set(["pie", "bar", "line", "donut", "chart", "graph", "form", "button", "tab", "field", "column", "filter", "page", "screen", "section", "contact"]);

function dropRequirementId(draft: Draft, id: string): void {
  const strip = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (value && typeof value === "object") {
      const node = value as { requirementIds?: string[] };
      if (Array.isArray(node.requirementIds)) node.requirementIds = node.requirementIds.filter((r) => r !== id);
      for (const child of Object.values(node)) if (child && typeof child === "object") strip(child);
    }
  };
  strip([...draft.entities.values()]);
  strip(draft.pages);
  strip(draft.theme);
  strip(draft.notices);
  if (draft.appName) draft.appName.requirementIds = draft.appName.requirementIds.filter((r) => r !== id);
  draft.requirements = draft.requirements.filter((r) => r.id !== id);
}

/** After composing: no second "keep a list of habits" for habits the app keeps, no list of "pies". */
function tidyEntities(draft: Draft, before: Set<string>, requirementsBefore: number): void {
  const { tokens } = draft.reading;
  const fresh = draft.requirements.slice(requirementsBefore);
  for (const r of fresh.filter((q) => q.kind === "entity")) {
    const owner = [...draft.entities.values()].find((e) => e.requirementIds.includes(r.id));
    if (owner && before.has(owner.name)) dropRequirementId(draft, r.id);
  }
  for (const entity of [...draft.entities.values()]) {
    if (before.has(entity.name)) continue;
    const asks = draft.requirements.filter((r) => entity.requirementIds.includes(r.id));
    const quoteWords = asks.map((r) => r.quote.toLowerCase().split(/\s+/));
    const isFieldOfExisting = [...draft.entities.values()].some((e) => before.has(e.name) && e.fields.some((f) => f.name.toLowerCase() === entity.name.toLowerCase() || f.label.toLowerCase() === labelOf(entity)));
    const phantom = isFieldOfExisting || !/^[A-Za-z]{3,}/.test(entity.name) || asks.every((r) => r.kind === "entity") && quoteWords.every((words) => {
      const at = tokens.findIndex((t) => t.text.toLowerCase() === words.at(-1));
      return words.some((w) => uiWords.has(w)) || uiWords.has(tokens[at + 1]?.lemma ?? "");
    });
    if (!phantom) continue;
    draft.entities.delete(entity.name);
    for (const page of draft.pages) page.sections = page.sections.filter((s) => !("entity" in s) || s.entity !== entity.name);
    draft.pages = draft.pages.filter((p) => p.sections.length || before.has(p.path));
    // Its words stay traced: said plainly as not understood rather than silently dropped.
    for (const r of asks) {
      if (r.kind !== "entity") continue;
      dropRequirementId(draft, r.id);
      if (!draft.requirements.some((q) => q.promptIndex === draft.promptIndex && q.quote.includes(r.quote))) draft.requirements.push({ ...r, kind: "content", status: "unsupported", text: `Did not understand "${r.quote}"`, reason: "A follow-up changes the app it is given; these words did not name a part of it the offline compiler can add." });
    }
  }
  // "link each loan to a member" is a link, not a field called "link each loan to".
  for (const entity of draft.entities.values()) {
    for (const field of entity.fields.filter((f) => /^(link|connect|assign|attach)[A-Z]/.test(f.name) && !before.has(`${entity.name}.${f.name}`))) {
      entity.fields = entity.fields.filter((f2) => f2 !== field);
      for (const id of field.requirementIds ?? []) if (draft.requirements.some((r) => r.id === id && r.kind === "field" && r.promptIndex === draft.promptIndex)) dropRequirementId(draft, id);
    }
  }
  // Asked again in other words ("loan" → "Record which book each member has on loan"): the earlier requirement stands.
  for (const r of draft.requirements.slice(requirementsBefore)) {
    if (r.status === "planned" && draft.requirements.slice(0, requirementsBefore).some((q) => q.kind === r.kind && q.text === r.text && q.status === "planned")) dropRequirementId(draft, r.id);
  }
}

/** "show my current streak next to each habit": a streak beside each record the app already ticks off. */
function addStreak(draft: Draft): void {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, streakPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return;
  for (const page of draft.pages) {
    for (const section of page.sections) {
      if (section.type !== "checkins") continue;
      const entity = draft.entities.get(section.entity);
      if (!entity || entity.computed.some((c) => c.name === "streak")) continue;
      const from = Math.max(0, hit.from - (tokens[hit.from - 1]?.word === "current" ? 1 : 0));
      const id = requirement(draft, "computed", `Shows the current streak of days in a row for each ${labelOf(entity)}`, from, hit.to);
      entity.computed.push({ name: "streak", label: "Current streak", expr: { agg: "streak", entity: section.logEntity, dateField: "date", unit: "day" }, format: "integer", requirementIds: [id] });
      tag(section, id);
      tag(entity, id);
      return;
    }
  }
}

/** "add a contact form at the bottom", "add an FAQ": more sections on a site. */
function addSiteSections(draft: Draft): void {
  if (draft.kind !== "landing") return;
  const home = draft.pages.find((p) => p.path === "/");
  if (!home) return;
  const hero = home.sections.find((s) => s.type === "hero");
  const tagline = hero && "tagline" in hero ? String(hero.tagline ?? "") : "";
  const place = / in (.+)$/.exec(tagline)?.[1];
  const kind = tagline.replace(/ in .+$/, "").toLowerCase() || undefined;
  const had = new Set(home.sections.map((s) => s.type));
  const count = home.sections.length;
  composeSiteSections(draft, home, { name: draft.appName?.name ?? "Welcome", kind, business: kind ? { word: kind } : undefined, place: place ? { place, requirementId: hero?.requirementIds?.[0] ?? "" } : undefined });
  // A section the site already has is not added twice ("change opening hours: …" names it to change it).
  for (const section of home.sections.slice(count).filter((s) => had.has(s.type))) {
    home.sections = home.sections.filter((s) => s !== section);
    for (const id of section.requirementIds ?? []) if (draft.requirements.some((r) => r.id === id && r.promptIndex === draft.promptIndex)) dropRequirementId(draft, id);
  }
}

export function applyFollowUp(draft: Draft): void {
  const { tokens } = draft.reading;
  const shape = () => JSON.stringify([...draft.entities.values()].map((e) => [e.name, e.fields.map((f) => [f.name, f.options]), e.belongsTo]));
  const before = shape();
  const entitiesBefore = new Set(draft.entities.keys());
  const fieldsBefore = [...draft.entities.values()].flatMap((e) => e.fields.map((f) => `${e.name}.${f.name}`));
  const pagesBefore = draft.pages.length;
  const requirementsBefore = draft.requirements.length;
  answerAlreadyThere(draft);
  changeBoardColumns(draft);
  renameEntities(draft);
  const links = readLinks(draft);
  addFields(draft);
  addStreak(draft);
  addSiteSections(draft);
  // Views, charts and figures over the records the app already keeps read their words first.
  if (draft.entities.size) {
    composeCharts(draft);
    composeViews(draft);
    composeFigures(draft);
  }
  composeInto(draft);
  makeLinks(draft, links);
  tidyEntities(draft, new Set([...entitiesBefore, ...draft.pages.slice(0, pagesBefore).map((p) => p.path), ...fieldsBefore]), requirementsBefore);
  for (const t of tokens) if (editWords.has(t.word)) draft.claimed.add(t.index);
  const after = shape();
  for (const r of draft.requirements.slice(requirementsBefore)) (r.status === "planned" ? draft.changes.added : draft.changes.changed).push(r.text);
  if (before !== after && !draft.changes.added.length) draft.changes.changed.push("Records changed");
  if (draft.pages.length > pagesBefore) draft.changes.changed.push(`${draft.pages.length - pagesBefore} new page(s)`);
}
