// Views and figures over the records: daily check-ins and streaks, record actions ("mark books
// as returned"), sorting, overdue lists, totals, groupings and charts. Each reads a phrase of the
// prompt, finds the entity and fields it is about, and adds a section tagged with its requirement.
import pluralize from "pluralize";
import type { TCondition, TValueExpr } from "~/server/plan/app-spec";
import { chartWords, checkinPatterns, groupingPurposes, overTimePatterns, oneEntryPerDayPatterns, searchPatterns, streakPatterns } from "../catalog/app-shapes";
import { contactPurposes } from "../catalog/care";
import { fieldConcepts } from "../catalog/fields";
import { bucketWords, closingOptions, measureWords, openQualifiers, percentPatterns, periodWords } from "../catalog/measures";
import { accentColours, highlightWords } from "../catalog/looks";
import { findAny, findPattern } from "../understand/match-pattern";
import { lemmaOf, type Token } from "../understand/tokens";
import { isNoun, quoteOf, sentenceOf } from "../understand/reading";
import { addSection, isClaimed, pageFor, requirement, tag, type Draft, type EntityDraft, type FieldInput, type SectionInput } from "./draft";
import { addField, conceptField, ensureEntity, labelOf, primaryField } from "./records";

const mainEntity = (draft: Draft): EntityDraft | undefined => [...draft.entities.values()].find((e) => !e.belongsTo.length && e.name !== "ContactMessage") ?? [...draft.entities.values()][0];

/** The entity a phrase is about: one named in it, else the one with the named field, else the main one. */
function entityIn(draft: Draft, tokens: Token[], from: number, to: number): EntityDraft | undefined {
  for (const entity of draft.entities.values()) {
    const words = [entity.name.toLowerCase(), labelOf(entity), ...entity.pluralLabel.toLowerCase().split(" ")];
    if (tokens.slice(from, to).some((t) => words.includes(t.lemma) || words.includes(t.word))) return entity;
  }
  return undefined;
}

function fieldIn(entity: EntityDraft, tokens: Token[], from: number, to: number, types?: string[]): FieldInput | undefined {
  const words = tokens.slice(from, to).map((t) => t.lemma);
  return entity.fields.find((f) => (!types || types.includes(String(f.type))) && String(f.label).toLowerCase().split(/\s+/).some((w) => (words.includes(w) || words.includes(lemmaOf(w))) && w.length > 2));
}

const dateField = (e: EntityDraft): FieldInput | undefined => e.fields.find((f) => f.type === "date");
const moneyField = (e: EntityDraft): FieldInput | undefined => e.fields.find((f) => f.type === "money") ?? e.fields.find((f) => f.type === "number");

export function recordsPage(draft: Draft, entity: EntityDraft) {
  // A page that already lists the records (a site's "/guests") is where their figures belong.
  const listing = draft.pages.find((p) => p.sections.some((s) => s.type === "records" && s.entity === entity.name && !s.where));
  if (listing) return listing;
  // Else the page that already shows the entity's figures: a chart and its totals sit together.
  const figures = draft.pages.find((p) => p.sections.some((s) => "entity" in s && s.entity === entity.name));
  if (figures) return figures;
  const index = [...draft.entities.keys()].indexOf(entity.name);
  return index === 0 && !draft.pages.some((p) => p.path === "/" && p.sections.some((s) => s.type !== "records")) ? pageFor(draft, "/", entity.pluralLabel, `Keep ${entity.pluralLabel.toLowerCase()}`) : pageFor(draft, `/${entity.name.toLowerCase()}`, entity.pluralLabel, `Keep ${entity.pluralLabel.toLowerCase()}`);
}

export function composeCheckins(draft: Draft): void {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, checkinPatterns);
  // The phrase may name the record ("tick off each habit"): only its verb must be free.
  if (!hit || isClaimed(draft, hit.from, hit.from + 1)) return;
  // "one entry per day" limits a journal to one record a day; it asks for no ticking.
  const onePerDay = findAny(tokens, oneEntryPerDayPatterns);
  if (onePerDay && onePerDay.from < hit.to && hit.from < onePerDay.to) return;
  const entity = entityIn(draft, tokens, Math.max(0, hit.from - 3), hit.to + 2) ?? mainEntity(draft);
  if (!entity) return;
  const id = requirement(draft, "interaction", `Tick off each ${labelOf(entity)} for the day; the ticks are kept`, hit.from, hit.to);
  const logName = `${entity.name}Checkin`.slice(0, 40);
  const log = ensureEntity(draft, logName, `${labelOf(entity)} check-ins`, id);
  addField(log, { name: "date", label: "Date", type: "date", required: true }, id);
  addField(log, { name: "count", label: "Count", type: "number", min: 0, defaultValue: 1 }, id);
  if (!log.belongsTo.includes(entity.name)) log.belongsTo.push(entity.name);
  const slots = entity.fields.find((f) => f.type === "enum" && f.multiple);
  // "morning and evening" doses are ticked apart: each tick keeps its time of day.
  if (slots) addField(log, { name: "slot", label: String(slots.label).replace(/^(\w+)(?= of )|(\w+)$/, (word) => pluralize.singular(word)), type: "enum", options: slots.options }, id);
  const section: SectionInput = { type: "checkins", title: "Today", entity: entity.name, logEntity: logName, mode: "tick", showDueToday: false, requirementIds: [id] };
  if (slots) section.slotsField = String(slots.name);
  const due = findAny(tokens, ["still|left due", "which ones|one are|is? still due|left", "due today", "not yet taken|done"]);
  if (due) {
    section.showDueToday = true;
    tag(section, requirement(draft, "view", "Lists what is still due today", due.from, due.to));
  }
  addSection(draft, pageFor(draft, "/", "Today", "Tick off today"), section);
  const streak = findAny(tokens, streakPatterns);
  if (streak) {
    const streakId = requirement(draft, "computed", `Shows the current streak of days in a row for each ${labelOf(entity)}`, Math.max(0, streak.from - (tokens[streak.from - 1]?.word === "current" ? 1 : 0)), streak.to);
    entity.computed.push({ name: "streak", label: "Current streak", expr: { agg: "streak", entity: logName, dateField: "date", unit: "day" }, format: "integer", requirementIds: [streakId] });
    tag(section, streakId);
  }
}

export function composeActions(draft: Draft): void {
  const { tokens } = draft.reading;
  // "mark books as returned", "mark invoices as paid", "mark a walk done and paid", "a button to say I watered it".
  for (const match of findPattern(tokens, "mark|marks|marking|tick|set … as? returned|paid|done|finished|complete|completed|read|watered|collected|delivered")) {
    // The phrase may name the record ("mark books as returned"): only its verb and state must be free.
    if (isClaimed(draft, match.from, match.from + 1) || isClaimed(draft, match.to - 1, match.to)) continue;
    const words = tokens.slice(match.from, match.to);
    const states = words.filter((t) => closingOptions.includes(t.word) || ["read", "watered", "collected", "delivered", "finished"].includes(t.word));
    let to = match.to;
    while (tokens[to] && ["and"].includes(tokens[to]!.word) && tokens[to + 1] && closingOptions.includes(tokens[to + 1]!.word)) {
      states.push(tokens[to + 1]!);
      to += 2;
    }
    // The record that already has the state ("returned" is a loan's, not a book's) wins over the word named.
    const entity = [...draft.entities.values()].find((e) => e.fields.some((f) => states.some((s) => String(f.name) === s.word))) ?? entityIn(draft, tokens, match.from, to) ?? mainEntity(draft);
    if (!entity) continue;
    // "mark a walk done and paid": one request for each state, each its own button.
    const id = requirement(draft, "interaction", `Mark a ${labelOf(entity)} as ${states.map((s) => s.word).join(", and separately as ")}`, match.from, to);
    for (const state of states) {
      const label = state.word[0]!.toUpperCase() + state.word.slice(1);
      const statusField = entity.fields.find((f) => f.type === "enum" && f.options?.some((o) => o.toLowerCase() === state.word));
      if (statusField) {
        const option = statusField.options!.find((o) => o.toLowerCase() === state.word)!;
        entity.actions.push({ label: `Mark ${state.word}`, set: { [String(statusField.name)]: option }, showWhen: [{ field: String(statusField.name), op: "neq", value: option }], requirementIds: [id] });
        continue;
      }
      const field = addField(entity, { name: state.word, label, type: "boolean", defaultValue: false }, id);
      if (!entity.actions.some((a) => a.label === `Mark ${state.word}`)) entity.actions.push({ label: `Mark ${state.word}`, set: { [String(field.name)]: true }, showWhen: [{ field: String(field.name), op: "isFalse" }], requirementIds: [id] });
    }
  }
}

/** Parents that are people: what "assigned to one person" filters by. */
const personLike = (entity: string): boolean => /(Member|Person|User|Employee|Staff|Worker|Assignee|Owner|Teacher|Coach|Volunteer|Walker|Cleaner|Driver)$/.test(entity);

/**
 * "overdue tasks highlighted in red": how many days each record is past its due date, in red
 * (the runtime's danger tone, with its word) when it is. Finished records past their date are
 * past due too, so the figure is named for what it measures.
 */
function composeOverdueHighlight(draft: Draft, entity: EntityDraft, due: FieldInput, near: number): void {
  const { tokens } = draft.reading;
  const sentence = sentenceOf(draft.reading, near);
  const at = tokens.findIndex((t, i) => i >= sentence.from && i < sentence.to && highlightWords.includes(t.word) && (t.word.startsWith("highlight") || (tokens[i + 1]?.word === "in" && tokens[i + 2]?.word === "red")));
  if (at < 0 || isClaimed(draft, at, at + 1)) return;
  const to = tokens[at + 1]?.word === "in" && accentColours[tokens[at + 2]?.word ?? ""] ? at + 3 : at + 1;
  const id = requirement(draft, "computed", `${entity.pluralLabel} past their due date show how many days, in red`, at, to);
  if (entity.computed.some((c) => c.name === "daysPastDue")) return;
  entity.computed.push({ name: "daysPastDue", label: "Days past due", expr: { fn: "daysSince", args: [{ field: String(due.name) }] }, format: "integer", highlight: { when: { op: "gt", value: 0 }, tone: "danger" }, requirementIds: [id] });
}

export function composeViews(draft: Draft): void {
  const { tokens } = draft.reading;
  // Overdue: due date before today and not finished.
  for (const match of findPattern(tokens, "overdue|late")) {
    if (isClaimed(draft, match.from, match.to)) continue;
    let to = match.to;
    while (tokens[to] && (tokens[to]!.tags.has("Noun") || ["list", "one", "ones"].includes(tokens[to]!.word)) && to - match.to < 2) to++;
    const entity = [...draft.entities.values()].find((e) => e.fields.some((f) => f.type === "date" && /due/i.test(String(f.label)))) ?? entityIn(draft, tokens, match.from, to);
    if (!entity) continue;
    const due = entity.fields.find((f) => f.type === "date" && /due/i.test(String(f.label))) ?? dateField(entity);
    if (!due) continue;
    const done = entity.fields.find((f) => f.type === "boolean" && closingOptions.includes(String(f.name)));
    const status = entity.fields.find((f) => f.type === "enum" && f.options?.some((o) => closingOptions.includes(o.toLowerCase())));
    // "overdue unpaid invoices", "unpaid overdue invoices": the qualifier is the open state the list already keeps to.
    const covers = (word: string | undefined) => word !== undefined && openQualifiers[word] !== undefined && !!(openQualifiers[word] ? done?.name === openQualifiers[word] || status?.options?.some((o) => o.toLowerCase() === openQualifiers[word]) : done || status);
    let from = match.from;
    if (covers(tokens[from - 1]?.word)) from--;
    if (covers(tokens[to]?.word)) {
      to++;
      while (tokens[to] && tokens[to]!.tags.has("Noun") && to - match.to < 4 && entityIn(draft, tokens, to, to + 1) === entity) to++;
    }
    const id = requirement(draft, "view", `Lists ${entity.pluralLabel.toLowerCase()} past their due date that are not ${done ? String(done.name) : "finished"}`, from, to);
    const where: TCondition[] = [{ field: String(due.name), op: "beforeToday" }];
    if (done) where.push({ field: String(done.name), op: "isFalse" });
    if (status) where.push({ field: String(status.name), op: "notIn", value: status.options!.filter((o) => closingOptions.includes(o.toLowerCase())) });
    addSection(draft, recordsPage(draft, entity), { type: "records", title: `Overdue ${entity.pluralLabel.toLowerCase()}`, entity: entity.name, where, sort: { field: String(due.name), direction: "asc" }, create: false, requirementIds: [id] });
    composeOverdueHighlight(draft, entity, due, match.from);
  }
  // Sorting: "sort by pickup date", "newest first".
  for (const match of findPattern(tokens, "sort|sorted|order|ordered|sorting by … date|time|name|amount|price|rating|priority|day")) {
    if (isClaimed(draft, match.from, match.to)) continue;
    const entity = entityIn(draft, tokens, match.from, match.to) ?? mainEntity(draft);
    const field = entity && (fieldIn(entity, tokens, match.from + 1, match.to) ?? dateField(entity));
    if (!entity || !field) continue;
    const id = requirement(draft, "view", `${entity.pluralLabel} are sorted by ${String(field.label).toLowerCase()}`, match.from, match.to);
    addSection(draft, recordsPage(draft, entity), { type: "records", title: entity.pluralLabel, entity: entity.name, sort: { field: String(field.name), direction: "asc" }, requirementIds: [id] });
  }
  // "a view of everything assigned to one person", "filter tasks by client": a filter select
  // over the records' parent (or field), so one person's (or one client's) records show alone.
  for (const match of findPattern(tokens, "everything|anything|all|whatever|work|tasks|jobs … assigned|belonging|given to|for one|a|each|any|single person|member|user|employee|staff|worker|someone")) {
    if (isClaimed(draft, match.from, match.from + 1)) continue;
    const child = [...draft.entities.values()].find((e) => e.belongsTo.some((p) => personLike(p)));
    const parent = child?.belongsTo.find((p) => personLike(p));
    if (!child || !parent) continue;
    let from = match.from;
    if (["of", "see", "show"].includes(tokens[from - 1]?.word ?? "")) from--;
    if (tokens[from - 1]?.lemma === "view" || tokens[from - 1]?.lemma === "page") from -= ["a", "one"].includes(tokens[from - 2]?.word ?? "") ? 2 : 1;
    const parentLabel = draft.entities.get(parent)?.name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() ?? parent.toLowerCase();
    const id = requirement(draft, "view", `Filter the ${child.pluralLabel.toLowerCase()} by ${parentLabel} to see everything assigned to one person`, from, match.to);
    addSection(draft, recordsPage(draft, child), { type: "records", title: child.pluralLabel, entity: child.name, filters: [parent], requirementIds: [id] });
  }
  // Grouping: "a list per table", "grouped by category", "list them by room".
  for (const match of findPattern(tokens, "list|lists|grouped|group|organised|organized … per|by|under each?")) {
    if (isClaimed(draft, match.from, match.from + 1)) continue;
    const sentence = sentenceOf(draft.reading, match.from);
    let entity = entityIn(draft, tokens, match.from, match.to + 3) ?? mainEntity(draft);
    // "products … grouped by supplier": the record named after "by" heads the groups of its
    // children, the ones the sentence lists.
    if (entity && !entityIn(draft, tokens, match.from, match.to)) {
      const heading = entity;
      const children = [...draft.entities.values()].filter((e) => e.belongsTo.includes(heading.name));
      const named = children.find((c) => tokens.slice(sentence.from, match.from).some((t) => [labelOf(c), c.pluralLabel.toLowerCase()].includes(t.lemma)));
      entity = named ?? (children.length === 1 ? children[0] : entity);
    }
    if (!entity) continue;
    const field = fieldIn(entity, tokens, match.to, Math.min(tokens.length, match.to + 3), ["enum", "string", "boolean"]);
    const parent = field ? undefined : [...draft.entities.values()].find((e) => e !== entity && entity.belongsTo.includes(e.name) && tokens.slice(match.to, match.to + 3).some((t) => t.lemma === labelOf(e)));
    if (!field && !parent) continue;
    const fieldAt = tokens.findIndex((t, i) => i >= match.to && i < match.to + 3 && (field ? fieldIn(entity, tokens, i, i + 1, ["enum", "string", "boolean"]) === field : t.lemma === labelOf(parent!)));
    const label = String(field?.label ?? parent!.pluralLabel).toLowerCase();
    const id = requirement(draft, "view", `${entity.pluralLabel} are listed under a heading per ${label}`, match.from, fieldAt + 1);
    const groupBy = { field: field ? String(field.name) : `${parent!.name}.${primaryField(parent!)?.name ?? "name"}` };
    // "a list of products below their reorder level, grouped by supplier": that list is grouped.
    const sentenceText = quoteOf(draft.reading, sentence.from, sentence.to);
    const filtered = recordsPage(draft, entity).sections.find((s) => s.type === "records" && s.entity === entity.name && s.where?.length && !s.groupBy && s.requirementIds?.some((r) => {
      const quote = draft.requirements.find((q) => q.id === r)?.quote;
      return !!quote && sentenceText.includes(quote);
    }));
    const section = filtered ? tag(filtered, id) : addSection(draft, recordsPage(draft, entity), { type: "records", title: `${entity.pluralLabel} by ${label}`, entity: entity.name, create: false, requirementIds: [id] });
    if (section.type === "records") section.groupBy = groupBy;
    if (parent && section.type === "records") composeGroupContact(draft, entity, parent, section, fieldAt + 1, sentence.to);
  }
  // "with aisles so we can shop faster": the purpose is served by a heading per aisle on the list.
  for (const purpose of groupingPurposes) {
    for (const match of purpose.patterns.flatMap((pattern) => findPattern(tokens, pattern))) {
      const entity = mainEntity(draft);
      if (!entity || isClaimed(draft, match.from, match.to)) continue;
      const field = entity.fields.find((f) => ["enum", "string"].includes(String(f.type)) && purpose.fieldWords.some((w) => String(f.label).toLowerCase().split(/\s+/).includes(w)));
      if (!field) continue;
      const id = requirement(draft, "view", `${entity.pluralLabel} are listed under a heading per ${String(field.label).toLowerCase()}`, match.from, match.to);
      const page = recordsPage(draft, entity);
      // The list where they are kept (finish.ts would add it later): grouped there, not in a second list.
      const listed = page.sections.find((s) => s.type === "records" && s.entity === entity.name && !s.where?.length && !s.groupBy);
      const section = listed ? tag(listed, id) : addSection(draft, page, { type: "records", title: entity.pluralLabel, entity: entity.name, requirementIds: [...entity.requirementIds, id].slice(0, 20) });
      if (section.type === "records") section.groupBy = { field: String(field.name) };
    }
  }
  // One entry per day; searchable.
  const perDay = findAny(tokens, oneEntryPerDayPatterns);
  const entity0 = mainEntity(draft);
  // The phrase names the record ("one entry per day"), which its mention already claimed.
  if (perDay && entity0 && !isClaimed(draft, perDay.to - 1, perDay.to)) {
    const id = requirement(draft, "interaction", `One ${labelOf(entity0)} per day: writing again the same day edits it`, perDay.from, perDay.to);
    const date = dateField(entity0) ?? addField(entity0, { name: "date", label: "Date", type: "date", required: true }, id);
    // One record per day needs its day: a missing date would make every entry today's.
    date.required = true;
    addSection(draft, recordsPage(draft, entity0), { type: "records", title: entity0.pluralLabel, entity: entity0.name, onePerDate: String(date.name), sort: { field: String(date.name), direction: "desc" }, requirementIds: [id] });
  }
  const search = findAny(tokens, searchPatterns);
  if (search && entity0 && !isClaimed(draft, search.from, search.to)) {
    const id = requirement(draft, "interaction", `Search the ${entity0.pluralLabel.toLowerCase()}`, search.from, search.to);
    addSection(draft, recordsPage(draft, entity0), { type: "records", title: entity0.pluralLabel, entity: entity0.name, search: true, requirementIds: [id] });
  }
}

/**
 * "grouped by supplier so I know who to call": the way to reach each group's parent (its phone
 * or email) shown beside its records. The parent gets that field if it has none.
 */
function composeGroupContact(draft: Draft, entity: EntityDraft, parent: EntityDraft, section: Extract<SectionInput, { type: "records" }>, from: number, to: number): void {
  const { tokens } = draft.reading;
  const purpose = contactPurposes.map((c) => ({ ...c, hit: findAny(tokens, [c.pattern], from, Math.min(to, from + 8)) })).find((c) => c.hit && !isClaimed(draft, c.hit.from, c.hit.to));
  if (!purpose?.hit) return;
  const shown = parent.fields.find((f) => f.type === purpose.field);
  const id = requirement(draft, "view", `Each group shows its ${labelOf(parent)}'s ${purpose.field === "phone" ? "phone number" : "email address"} beside its ${entity.pluralLabel.toLowerCase()}, so you know whom to contact`, purpose.hit.from, purpose.hit.to);
  const field = shown ? tag(shown, id) : addField(parent, conceptField(purpose.field) ?? { name: purpose.field, label: purpose.field, type: purpose.field }, id);
  // Each record shows what it shows by default (its fields, parents, computed values), then the parent's contact.
  const own = [...entity.fields.map((f) => String(f.name)), ...entity.belongsTo, ...entity.computed.map((c) => c.name)];
  section.columns = [...(section.columns ?? own), `${parent.name}.${String(field.name)}`].slice(0, 20);
  tag(section, id);
}

/** Charts: "a pie chart of my spending by category for this month", "bar chart of workouts per week for the last 8 weeks". */
/**
 * "chart of weight over time", "graph my weight", "line chart of reps by date", "track my weight
 * over time with a graph": a line chart of one number field of the records against their date,
 * one point per day (the day's highest), in date order.
 */
function composeFieldOverTime(draft: Draft): void {
  const { tokens } = draft.reading;
  for (let at = 0; at < tokens.length; at++) {
    if (!chartWords.includes(tokens[at]!.lemma) || draft.claimed.has(at)) continue;
    const sentence = sentenceOf(draft.reading, at);
    const over = findAny(tokens, overTimePatterns, sentence.from, sentence.to);
    // The field: named near the chart word ("chart of weight", "graph my weight", "weight chart").
    let found: { entity: EntityDraft; field: FieldInput; at: number } | undefined;
    for (let i = Math.max(sentence.from, at - 6); i < Math.min(sentence.to, at + 5) && !found; i++) {
      const t = tokens[i]!;
      if (!t.isWord || i === at) continue;
      for (const entity of draft.entities.values()) {
        const field = entity.fields.find((f) => ["number", "money"].includes(String(f.type)) && (String(f.name).toLowerCase() === t.lemma || String(f.label).toLowerCase().split(/\s+/).includes(t.lemma) || String(f.label).toLowerCase().split(/\s+/).includes(t.word)));
        if (field) {
          found = { entity, field, at: i };
          break;
        }
      }
    }
    // Without "over time" only "graph my weight" (the chart word before the field) asks for this.
    if (!found || (!over && !(found.at > at && found.at - at <= 2))) continue;
    const { entity, field } = found;
    const spans = [at, at + 1, found.at, found.at + 1, ...(over ? [over.from, over.to] : [])];
    let from = Math.min(...spans);
    const to = Math.max(...spans);
    // "a line chart", "track my weight …": the words that say so belong to it.
    while (from > sentence.from && ["line", "a", "an", "the", "my", "track", "show", "see"].includes(tokens[from - 1]!.word) && !draft.claimed.has(from - 1)) from--;
    if (isClaimed(draft, at, at + 1)) continue;
    // Named as the prompt names it ("weight"), whatever the field's label grew into.
    const named = tokens[found.at]!.word;
    const id = requirement(draft, "chart", `A line chart of ${named} by date: one point per day (the day's highest), in date order`, from, to);
    const date = dateField(entity) ?? addField(entity, { name: "date", label: "Date", type: "date", required: true }, id);
    addSection(draft, recordsPage(draft, entity), { type: "chart", title: `${named[0]!.toUpperCase()}${named.slice(1)} over time`.slice(0, 80), chartType: "line", entity: entity.name, groupBy: { dateField: String(date.name), bucket: "day" }, measure: { agg: "max", of: { field: String(field.name) }, format: field.type === "money" ? "money" : "number" }, requirementIds: [id] });
    draft.kind = draft.kind ?? "dashboard";
  }
}

export function composeCharts(draft: Draft): void {
  composeFieldOverTime(draft);
  const { tokens } = draft.reading;
  for (const match of findPattern(tokens, "pie|bar|line|donut|doughnut chart|graph")) {
    if (isClaimed(draft, match.from, match.to)) continue;
    const chartType = tokens[match.from]!.word === "doughnut" ? "donut" : (tokens[match.from]!.word as "pie" | "bar" | "line" | "donut");
    const sentenceEnd = tokens.findIndex((t, i) => i >= match.to && /^[.;!?]$/.test(t.text));
    const end = sentenceEnd < 0 ? tokens.length : sentenceEnd;
    const sentenceStart = tokens.findLastIndex((t, i) => i < match.from && /^[.;!?]$/.test(t.text)) + 1;
    const entity = entityIn(draft, tokens, sentenceStart, end) ?? mainEntity(draft);
    if (!entity) continue;
    const id = requirement(draft, "chart", `A ${chartType} chart`, match.from, match.to);
    const bucketAt = tokens.findIndex((t, i) => i >= sentenceStart && i < end && ["per", "by", "each", "a"].includes(tokens[i - 1]?.word ?? "") && bucketWords[t.lemma]);
    const groupAt = tokens.findIndex((t, i) => i >= sentenceStart && i < end && ["by", "per", "of"].includes(tokens[i - 1]?.word ?? "") && entity.fields.some((f) => f.type === "enum" && String(f.label).toLowerCase().startsWith(t.lemma)));
    const date = dateField(entity) ?? addField(entity, { name: "date", label: "Date", type: "date", required: true }, id);
    let groupBy: { field: string } | { dateField: string; bucket: "day" | "week" | "month" | "year" };
    if (bucketAt >= 0) groupBy = { dateField: String(date.name), bucket: bucketWords[tokens[bucketAt]!.lemma]! };
    else {
      const field = groupAt >= 0 ? entity.fields.find((f) => f.type === "enum" && String(f.label).toLowerCase().startsWith(tokens[groupAt]!.lemma)) : entity.fields.find((f) => f.type === "enum");
      groupBy = { field: String(field?.name ?? primaryField(entity)?.name ?? "name") };
    }
    const groupFrom = bucketAt >= 0 ? bucketAt - 1 : groupAt >= 0 ? groupAt - 1 : -1;
    const ids = [id];
    // "total spent per month as a bar chart", "a line chart of the average price per week": what
    // is measured is said right before the grouping, and is part of what the chart answers.
    const said = groupFrom >= 0 ? chartMeasure(draft, entity, Math.max(sentenceStart, groupFrom - 4), groupFrom) : undefined;
    const groupedBy = bucketAt >= 0 ? `${tokens[bucketAt]!.lemma}` : `${tokens[groupAt]?.word}`;
    // The grouping phrase may come before the chart words ("by category as a pie chart") or after them.
    if (groupFrom >= 0) ids.push(requirement(draft, "computed", said ? `${said.label} per ${groupedBy}` : `Grouped by ${groupedBy}`, said?.from ?? groupFrom, groupFrom + 2));
    // Counting workouts vs summing money: "workouts per week" counts, "spending"/"sales" sums.
    const money = moneyField(entity);
    const counts = said ? said.agg === "count" : !money || tokens.slice(match.to, end).some((t) => t.lemma === labelOf(entity) || t.lemma === entity.name.toLowerCase());
    const valued = said?.field ?? money;
    const measure = counts || !valued ? { agg: "count" as const, format: "integer" as const } : { agg: (said?.agg ?? "sum") as "sum" | "avg" | "min" | "max", of: { field: String(valued.name) }, format: valued.type === "money" ? ("money" as const) : ("number" as const) };
    const period = findPeriod(draft, sentenceStart, end);
    const section: SectionInput = { type: "chart", title: chartTitle(entity, groupBy, counts), chartType, entity: entity.name, groupBy, measure, requirementIds: ids };
    if (period) {
      section.period = { dateField: String(date.name), range: period.range, ...(period.n ? { n: period.n } : {}) };
      ids.push(requirement(draft, "view", `Only ${period.label}`, period.from, period.to));
    }
    addSection(draft, recordsPage(draft, entity), section);
    draft.kind = draft.kind ?? "dashboard";
  }
}

/** The measure said between `from` and the grouping at `to` ("total spent", "average price", "number of"), with the field it is of. */
function chartMeasure(draft: Draft, entity: EntityDraft, from: number, to: number): { agg: "sum" | "avg" | "min" | "max" | "count"; label: string; field?: FieldInput; from: number } | undefined {
  const { tokens } = draft.reading;
  let best: { agg: "sum" | "avg" | "min" | "max" | "count"; label: string; from: number; to: number } | undefined;
  for (const measure of measureWords) {
    if (measure.agg === "headcount" || measure.agg === "left" || measure.agg === "top") continue;
    const hit = findAny(tokens, measure.patterns, from, to);
    if (!hit || isClaimed(draft, hit.from, hit.to) || tokens.slice(hit.from, to).some((t) => !t.isWord)) continue;
    if (!best || hit.from < best.from) best = { agg: measure.agg, label: measure.label, from: hit.from, to: hit.to };
  }
  if (!best) return undefined;
  const field = best.agg === "count" ? undefined : (fieldIn(entity, tokens, best.to, to, ["money", "number", "rating"]) ?? moneyField(entity));
  if (best.agg !== "count" && !field) return undefined;
  return { agg: best.agg, label: field ? `${best.label} ${String(field.label).toLowerCase()}` : best.label, ...(field ? { field } : {}), from: best.from };
}

function chartTitle(entity: EntityDraft, groupBy: { field: string } | { dateField: string; bucket: string }, counts: boolean): string {
  const what = counts ? entity.pluralLabel : entity.name === "Expense" ? "Spending" : `${entity.pluralLabel} total`;
  const by = "bucket" in groupBy ? `per ${groupBy.bucket}` : `by ${entity.fields.find((f) => f.name === groupBy.field)?.label.toLowerCase() ?? groupBy.field}`;
  return `${what} ${by}`.slice(0, 80);
}

export function findPeriod(draft: Draft, from: number, to: number) {
  const { tokens } = draft.reading;
  for (const period of periodWords) {
    const hit = findAny(tokens, period.patterns, from, to);
    if (!hit) continue;
    const n = Number(tokens.slice(hit.from, hit.to).find((t) => t.isNumber)?.text ?? NaN);
    return { range: period.range, n: Number.isFinite(n) ? n : undefined, label: period.label.replace("{n}", String(n)), from: hit.from, to: hit.to };
  }
  return undefined;
}

/** "of everyone who said yes", "guests marked attending": a figure over records with one option chosen. */
function chosenOption(entity: EntityDraft, tokens: Draft["reading"]["tokens"], from: number, to: number) {
  const verbs = ["said", "say", "says", "answered", "chose", "picked", "marked", "replied", "is", "are", "with"];
  for (let i = from + 1; i < to; i++) {
    if (!verbs.includes(tokens[i - 1]!.word)) continue;
    for (const field of entity.fields) {
      const option = field.type === "enum" ? field.options?.find((o) => o.toLowerCase() === tokens[i]!.word) : undefined;
      if (option) return { field, option, to: i + 1 };
    }
  }
  return undefined;
}

/**
 * The most a value of `entity` can be, for "as a percentage": an out-of field of the record
 * ("score out of"), else of a record it belongs to other than the grouping one ("assignments
 * with a max score") — a path for the percent expression.
 */
function outOfPath(draft: Draft, entity: EntityDraft, value: FieldInput, except?: string): { path: string; label: string } | undefined {
  const isOutOf = (f: FieldInput) => f !== value && ["number", "money"].includes(String(f.type)) && fieldConcepts.some((c) => c.outOf && c.name === f.name);
  const own = entity.fields.find(isOutOf);
  if (own) return { path: String(own.name), label: `its ${String(own.label).toLowerCase()}` };
  for (const parentName of entity.belongsTo) {
    const parent = parentName === except ? undefined : draft.entities.get(parentName);
    const field = parent?.fields.find(isOutOf);
    if (parent && field) return { path: `${parentName}.${String(field.name)}`, label: `the ${labelOf(parent)}'s ${String(field.label).toLowerCase()}` };
  }
  return undefined;
}

/**
 * "from sold items", "of paid invoices", "items marked sold", "unpaid orders", "not yet returned":
 * a figure over the records whose yes/no field is ticked (or not), to the end of the words saying so.
 */
function flagFilter(entity: EntityDraft, tokens: Token[], from: number, to: number): { field: FieldInput; isTrue: boolean; to: number } | undefined {
  const names = [entity.name.toLowerCase(), labelOf(entity), entity.pluralLabel.toLowerCase(), "one", "ones", "record", "records"];
  for (let i = from; i < to; i++) {
    const word = tokens[i]!.word;
    const plain = /^un[a-z]{3,}/.test(word) && !entity.fields.some((f) => f.type === "boolean" && String(f.label).toLowerCase() === word) ? word.slice(2) : word;
    const field = entity.fields.find((f) => f.type === "boolean" && (String(f.name).toLowerCase() === plain || String(f.label).toLowerCase() === plain));
    if (!field) continue;
    const negated = plain !== word || tokens[i - 1]?.word === "not" || (tokens[i - 1]?.word === "yet" && tokens[i - 2]?.word === "not");
    let end = i + 1;
    if (names.includes(tokens[end]?.lemma ?? "") || names.includes(tokens[end]?.word ?? "")) end++;
    return { field, isTrue: !negated, to: end };
  }
  return undefined;
}

/** A record kept under `parent` that has a number to total or average ("marks" of a student). */
function numericChildOf(draft: Draft, parent: EntityDraft): EntityDraft | undefined {
  return [...draft.entities.values()].find((e) => e !== parent && e.belongsTo.includes(parent.name) && e.fields.some((f) => ["number", "money", "rating"].includes(String(f.type))));
}

/** Totals and groupings: "total value of open deals", "by category", "best lift for each exercise", "counts of each dietary need". */
export function composeFigures(draft: Draft): void {
  const { tokens } = draft.reading;
  for (const measure of measureWords) {
    for (const pattern of measure.patterns) {
      for (const match of findPattern(tokens, pattern)) {
        if (isClaimed(draft, match.from, match.to)) continue;
        // "each student's average": a figure per record of the possessor, over its records' numbers.
        const possessor = /'s$|s'$/.test(tokens[match.from - 1]?.text ?? "") ? entityIn(draft, tokens, match.from - 1, match.from) : undefined;
        const possessorChild = possessor && numericChildOf(draft, possessor);
        const end = tokens.findIndex((t, i) => i >= match.to && (/^[.;!?,]$/.test(t.text) || (possessorChild !== undefined && t.word === "and")));
        const to = Math.min(end < 0 ? tokens.length : end, match.to + 10);
        let entity = possessorChild ?? entityIn(draft, tokens, match.from, to) ?? mainEntity(draft);
        if (!entity) continue;
        // "counts of each dietary need": the grouping word may end the measure's own phrase.
        const per = possessorChild ? -1 : tokens[match.to - 1]?.word === "each" ? match.to - 1 : tokens.findIndex((t, i) => i >= match.to && i < to && ["per", "each", "by"].includes(t.word));
        // "the class average for each assignment": the figure is over the assignment's records.
        const perChild = per >= 0 && tokens.slice(per + 1, Math.min(to, per + 4)).some((t) => t.lemma === labelOf(entity!) || t.lemma === entity!.name.toLowerCase()) ? numericChildOf(draft, entity) : undefined;
        if (perChild) entity = perChild;
        // "top selling products": the ranked thing follows the measure itself.
        const rankedField = measure.agg === "top" && per < 0 ? fieldIn(entity, tokens, match.from, Math.min(to, match.to + 2), ["enum", "string"]) : undefined;
        const groupField = per >= 0 ? (fieldIn(entity, tokens, per + 1, Math.min(to, per + 4), ["enum", "string"]) ?? undefined) : (rankedField ?? undefined);
        // "average as a percentage": each value over the most it can be, found below.
        const percentHit = findAny(tokens, percentPatterns, match.to, Math.min(tokens.length, match.to + 4));
        const asPercent = percentHit && percentHit.from === match.to && !isClaimed(draft, percentHit.from, percentHit.to) ? percentHit : undefined;
        // "a table of …", "a list of …": the words that ask for the view belong to the figure's quote.
        // "the class average": the figure over everyone, which is what a per-group figure shows.
        const overallFrom = ["class", "overall", "group", "team", "whole"].includes(tokens[match.from - 1]?.lemma ?? "") && !possessorChild ? match.from - 1 : match.from;
        const viewFrom = possessorChild ? match.from - (tokens[match.from - 2]?.word === "each" ? 2 : 1) : tokens[match.from - 1]?.word === "of" && ["table", "list", "ranking", "leaderboard"].includes(tokens[match.from - 2]?.lemma ?? "") ? match.from - 2 : overallFrom;
        // The grouping's words run to the end of the field's label ("each dietary need"), then
        // perhaps whom the figure is for ("for the caterer"), which asks for nothing more.
        let groupTo = per >= 0 ? per + 2 : 0;
        if (per >= 0 && groupField) while (groupTo < to && fieldIn(entity, tokens, groupTo, groupTo + 1, ["enum", "string"]) === groupField) groupTo++;
        if (groupTo && tokens[groupTo]?.word === "for" && ["the", "my", "our"].includes(tokens[groupTo + 1]?.word ?? "") && isNoun(tokens[groupTo + 2]) && /^[.,;!?]?$/.test(tokens[groupTo + 3]?.text ?? "") && !entityIn(draft, tokens, groupTo + 2, groupTo + 3)) groupTo += 3;
        const rankedTo = rankedField ? tokens.findIndex((t, i) => i >= match.from && i < to && fieldIn(entity, tokens, i, i + 1, ["enum", "string"]) === rankedField) + 1 : 0;
        const parent = possessorChild ? possessor : per >= 0 ? [...draft.entities.values()].find((e) => e !== entity && tokens.slice(per + 1, Math.min(to, per + 4)).some((t) => t.lemma === labelOf(e) || t.lemma === e.name.toLowerCase())) : undefined;
        const valueField = fieldIn(entity, tokens, match.to, per >= 0 ? per : to, ["money", "number", "rating"]) ?? (measure.agg === "max" || measure.agg === "min" ? entity.fields.find((f) => f.type === "number" && /weight|score|time/i.test(String(f.name))) : undefined) ?? moneyField(entity);
        const agg = measure.agg === "headcount" || measure.agg === "left" || measure.agg === "top" ? (measure.agg === "top" ? "count" : "sum") : measure.agg;
        if (agg !== "count" && !valueField) continue;
        const whole = asPercent && valueField && (agg === "avg" || agg === "min" || agg === "max") ? outOfPath(draft, entity, valueField, parent?.name) : undefined;
        // Without a maximum to divide by, "as a percentage" is said, not dropped.
        if (asPercent && !whole) requirement(draft, "computed", `${measure.label} as a percentage`, asPercent.from, asPercent.to, { reason: "The offline compiler divides by the most each value can be (a max score on the record or on a record it belongs to), and the prompt names none; the plain figure is shown instead." });
        const period = findPeriod(draft, match.from, to);
        const choice = chosenOption(entity, tokens, match.to, to);
        // "total value of open deals": the qualifier is part of what the figure answers.
        const openAt = tokens.findIndex((t, i) => i >= match.to && i < to && ["open", "unpaid", "outstanding", "active"].includes(t.word));
        const open = openAt >= 0;
        const status = entity.fields.find((f) => f.type === "enum" && f.options?.some((o) => closingOptions.includes(o.toLowerCase())));
        // "total money made from sold items", "total of unpaid orders": only records whose yes/no is (not) ticked.
        const flag = open && status ? undefined : flagFilter(entity, tokens, match.to, to);
        const id = requirement(draft, "computed", `${measure.label} of ${entity.pluralLabel.toLowerCase()}${open && status ? " still open" : ""}${flag ? ` ${flag.isTrue ? "marked" : "not marked"} ${String(flag.field.label).toLowerCase()}` : ""}${choice ? ` whose ${String(choice.field.label).toLowerCase()} is ${choice.option}` : ""}${valueField && agg !== "count" ? ` (${String(valueField.label).toLowerCase()})` : ""}${whole ? ` as a percentage of ${whole.label}` : ""}${groupField || parent ? ` per ${String(groupField?.label ?? parent?.name).toLowerCase()}` : ""}${period ? `, ${period.label}` : ""}`, viewFrom, Math.max(match.to, whole ? asPercent!.to : 0, period?.to ?? 0, per >= 0 ? per + 2 : 0, choice?.to ?? 0, rankedTo, groupTo, open && status ? openAt + 1 : 0, flag?.to ?? 0));
        const of: TValueExpr | undefined = valueField && agg !== "count" ? (whole ? { fn: "percent", args: [{ field: String(valueField.name) }, { field: whole.path }] } : { field: String(valueField.name) }) : undefined;
        const format = agg === "count" ? "integer" : whole ? "percent" : valueField?.type === "money" ? "money" : "number";
        const where: TCondition[] = [];
        if (period && dateField(entity)) where.push({ field: String(dateField(entity)!.name), op: "inRange", period: { range: period.range, ...(period.n ? { n: period.n } : {}) } });
        if (choice) where.push({ field: String(choice.field.name), op: "eq", value: choice.option });
        if (open && status) where.push({ field: String(status.name), op: "notIn", value: status.options!.filter((o) => closingOptions.includes(o.toLowerCase())) });
        if (flag) where.push({ field: String(flag.field.name), op: flag.isTrue ? "isTrue" : "isFalse" });
        const groupBy = groupField ? { field: String(groupField.name) } : parent ? { field: `${parent.name}.${primaryField(parent)?.name ?? "name"}` } : undefined;
        const page = recordsPage(draft, entity);
        if (groupBy) {
          addSection(draft, page, { type: "groupTable", title: `${measure.label} per ${String(groupField?.label ?? parent?.name).toLowerCase()}`.replace(/^./, (c) => c.toUpperCase()), entity: entity.name, groupBy, measures: [{ label: measure.label, agg, ...(of ? { of } : {}), format }], ...(where.length ? { where } : {}), ...(measure.agg === "max" || measure.agg === "top" ? { sort: { measure: 0, direction: "desc" as const } } : {}), requirementIds: [id] });
        } else {
          addSection(draft, page, { type: "stats", title: "Totals", items: [{ label: `${measure.label}${open && !flag ? " open" : ""} ${valueField && agg !== "count" ? String(valueField.label).toLowerCase() : entity.pluralLabel.toLowerCase()}${flag ? ` (${flag.isTrue ? "" : "not "}${String(flag.field.label).toLowerCase()})` : ""}`.slice(0, 80), value: { agg, entity: entity.name, ...(of ? { of } : {}), ...(where.length ? { where } : {}) }, format, requirementIds: [id] }], requirementIds: [id] });
        }
      }
    }
  }
}
