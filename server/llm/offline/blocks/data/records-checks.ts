// Acceptance checks for the records and form sections and for entities (their fields, required
// fields, computed values and actions), written the way the person who asked would try them: add
// "Zephyr" and see it listed (and still there after a reload); rename it in "Edit book loan" and
// delete it; search for it; filter by a stage; add a loan due yesterday and one due today and see
// only the first under "Overdue loans"; press "Mark returned Zephyr" and see it leave; send the
// contact form and find the message on the page that lists them. Every check asserts specific
// records and values, so a runtime that drops, misfilters or misnames them fails.
//
// Names and texts are the data runtime's conventions (/work/coord/DATA.md; record-samples.ts).
import type { TCondition } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlan, TPlanEntity, TPlanField, TPlanPage, TRequirement } from "~/server/plan/plan-schema";
import type { CheckContext, EntityCheckGenerator, SectionCheckGenerator } from "../registry";
import { sectionTitleOf } from "../section-title";
import { computedConditionHolds, conditionInputs, conditionValues, viewValues } from "./conditions";
import { computedChecks } from "./computed-checks";
import { invoiceChecks } from "./invoices-checks";
import { timerChecks } from "./timer-checks";
import { balanceChecks } from "./points-checks";
import {
  addFormName, addParentsSteps, addRecordSteps, editDialogName, fillField, homeOf, photoSteps, pluralOf, recordRole, requiredMessage, sampleFor, sampleRecord, shownText,
  singularOf, titleFieldOf, titleText, Words, type RecordsSection, type Sample, type Step, type Values,
} from "./record-samples";

type Check = TAcceptanceCheckInput;
type RecordAction = RecordsSection["actions"][number];

/** A check stays within the step limit (60); one that would not is dropped, never cut short. */
const maxSteps = 58;
export const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 36) || "records";

function makeCheck(id: string, description: string, requirementIds: string[], steps: Step[]): Check[] {
  if (steps.length > maxSteps || steps.length < 2) return [];
  return [{ id, description: description.slice(0, 300), requirementIds: [...new Set(requirementIds)], steps }];
}

/** The planned requirements among `ids` (a plan without a requirements list counts every id). */
export function plannedRequirements(ids: string[] | undefined, ctx: CheckContext): TRequirement[] {
  const all = ctx.plan.requirements ?? [];
  return (ids ?? []).flatMap((id) => {
    const found = all.find((r) => r.id === id);
    if (!found) return all.length ? [] : [{ id, kind: "entity", text: "", quote: "", promptIndex: 0, status: "planned" } as TRequirement];
    return found.status === "planned" ? [found] : [];
  });
}

/** Titles the checks can name records by: typed text, not a date token or an option. */
export const hasTextTitle = (entity: TPlanEntity): boolean => ["string", "text", "email", "url", "phone"].includes(titleFieldOf(entity).type);

/** What the checks of one records section share. */
type View = {
  plan: TPlan;
  entity: TPlanEntity;
  page: TPlanPage;
  section: RecordsSection;
  region: string;
  role: "row" | "listitem";
  /** Values every record added for this view has, so that it passes the view's conditions. */
  base: Values;
};

function viewOf(section: RecordsSection, page: TPlanPage, plan: TPlan): View | null {
  const entity = plan.entities.find((e) => e.name === section.entity);
  if (!entity) return null;
  const values = viewValues(section.where, entity);
  if (!values) return null;
  return { plan, entity, page, section, region: sectionTitleOf(section, plan), role: recordRole(section), base: values.match };
}

/** A record for the view: the required fields sampled, the view's values, then `extra`. */
function recordFor(view: View, word: string, index: number, extra: Values = {}, full = false): Values {
  const values = { ...sampleRecord(view.entity, word, index, { onlyRequired: !full }), ...view.base, ...extra };
  values[titleFieldOf(view.entity).name] = extra[titleFieldOf(view.entity).name] ?? sampleFor(titleFieldOf(view.entity), word, index);
  return values;
}

/** Adds each record at the entity's home, then opens the view's page. Null when the app has nowhere to add them. */
function addThenOpen(view: View, records: Array<{ values: Values; parents?: Record<string, string> }>): Step[] | null {
  const steps: Step[] = [];
  for (const record of records) {
    const add = addRecordSteps(view.entity, record.values, view.plan, record.parents ?? {});
    if (!add) return null;
    steps.push(...add);
  }
  steps.push({ action: "goto", path: view.page.path });
  return steps;
}

const shows = (view: View, title: string): Step => ({ action: "expectElement", role: view.role, name: title, within: view.region });
const hides = (view: View, title: string): Step => ({ action: "expectNoText", text: title, within: view.region });

// ─── Requirements → checks ───────────────────────────────────────────────────

type Claim = { key: string; test: (words: string, requirement: TRequirement) => boolean };

/** Which check verifies which of the section's requirements: by kind and words, the rest to the main check. */
function distribute(requirements: TRequirement[], claims: Claim[], present: Set<string>, mainKey: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const add = (key: string, id: string) => result.set(key, [...(result.get(key) ?? []), id]);
  for (const requirement of requirements) {
    const words = `${requirement.text} ${requirement.quote}`.toLowerCase();
    const claim = claims.find((c) => present.has(c.key) && c.test(words, requirement));
    add(claim ? claim.key : mainKey, requirement.id);
  }
  return result;
}

// ─── Records section ─────────────────────────────────────────────────────────

export const recordsChecks: SectionCheckGenerator<"records"> = (section, page, ctx) => {
  const view = viewOf(section, page, ctx.plan);
  if (!view) return [];
  const drafts = new Map<string, { id: string; description: string; steps: Step[] | null }>();
  const key = slug(view.region);
  const put = (name: string, description: string, steps: Step[] | null) => drafts.set(name, { id: `records-${key}-${name}`, description, steps });
  // Records added only when a rule holds (enough points) are tried by that rule's own check
  // (points-checks.ts), with the records that make it hold; sample records here would be refused.
  if (view.entity.addOnlyWhen) return [];
  const textTitle = hasTextTitle(view.entity);
  const many = !section.limit || section.limit > 1;

  if (section.create || !section.where?.length) put("add", `Adding a ${singularOf(view.entity).toLowerCase()} lists it under "${view.region}" and it is still there after a reload`, addCheck(view));
  if (textTitle && (section.edit || section.delete)) put("edit-delete", `A ${singularOf(view.entity).toLowerCase()} can be ${[section.edit && "renamed", section.delete && "deleted"].filter(Boolean).join(" and ")} in "${view.region}"`, editDeleteCheck(view));
  if (textTitle && section.search && many) put("search", `Searching "${view.region}" shows only the matching ${pluralOf(view.entity)}`, searchCheck(view));
  if (textTitle && many) section.filters.slice(0, 3).forEach((name) => put(`filter-${slug(name)}`, `Filtering "${view.region}" by ${name} shows only the matching ${pluralOf(view.entity)}`, filterCheck(view, name)));
  if (textTitle && section.where?.length) put("view", `"${view.region}" shows the ${pluralOf(view.entity)} it is for, and not the others`, whereCheck(view));
  if (textTitle && section.sort && many) put("sort", `"${view.region}" is sorted by ${section.sort.field} ${section.sort.direction === "desc" ? "descending" : "ascending"}`, sortCheck(view));
  if (textTitle && section.groupBy && many) put("group", `"${view.region}" groups ${pluralOf(view.entity)} under sub-headings`, groupCheck(view));
  if (textTitle && section.onePerDate && many) put("one-per-date", `Adding again on the same day in "${view.region}" updates that day's ${singularOf(view.entity).toLowerCase()}`, onePerDateCheck(view));
  section.actions.slice(0, 4).forEach((action) => {
    if (textTitle) put(`action-${slug(action.label)}`, `"${action.label}" on a ${singularOf(view.entity).toLowerCase()} in "${view.region}" does what it says`, actionCheck(view, action));
  });

  const present = new Set([...drafts].filter(([, d]) => d.steps && d.steps.length <= maxSteps).map(([name]) => name));
  const has = (pattern: RegExp) => (words: string) => pattern.test(words);
  const claims: Claim[] = [
    { key: "search", test: has(/\bsearch/) },
    ...section.filters.map((name): Claim => ({ key: `filter-${slug(name)}`, test: has(/\bfilter/) })),
    { key: "sort", test: (words, r) => (r.kind === "view" || r.kind === "interaction") && /\b(sort|order|newest|oldest|earliest|latest)/.test(words) },
    { key: "group", test: (words, r) => r.kind === "view" && /\b(group|per |by )/.test(words) },
    { key: "one-per-date", test: has(/\b(per day|each day|one entry|a day)\b/) },
    { key: "view", test: (words, r) => r.kind === "view" },
    { key: "edit-delete", test: has(/\b(edit|delete|remove|change|rename)/) },
  ];
  const ids = distribute(plannedRequirements(section.requirementIds, ctx), claims, present, present.has("add") ? "add" : present.has("view") ? "view" : "add");
  // Keeping a list means managing it: the entity's own requirement is also verified by edit and delete.
  const listIds = plannedRequirements(section.requirementIds, ctx).filter((r) => r.kind === "entity").map((r) => r.id);

  const checks: Check[] = [];
  for (const [name, draft] of drafts) {
    if (!draft.steps) continue;
    const action = name.startsWith("action-") ? section.actions.find((a) => `action-${slug(a.label)}` === name) : undefined;
    const requirementIds = action ? (action.requirementIds?.length ? plannedRequirements(action.requirementIds, ctx).map((r) => r.id) : ids.get("add") ?? []) : [...(ids.get(name) ?? []), ...(name === "edit-delete" ? listIds : [])];
    checks.push(...makeCheck(draft.id, draft.description, requirementIds, draft.steps));
  }
  return checks;
};

function addCheck(view: View): Step[] | null {
  const { section, entity, plan } = view;
  const words = new Words();
  const steps: Step[] = [];
  if (section.emptyText && !entity.initialRecords?.length && !section.where?.length) {
    steps.push({ action: "goto", path: view.page.path }, { action: "expectText", text: section.emptyText.slice(0, 300), within: view.region });
  }
  const parents = addParentsSteps(entity, plan, () => words.take());
  const values = recordFor(view, words.take(), 0, {}, true);
  const add = addThenOpen(view, [{ values, parents: parents?.parents }]);
  if (!add) return null;
  steps.push(...(parents?.steps ?? []), ...add);
  const title = titleText(entity, values);
  const found: Step = hasTextTitle(entity) ? shows(view, title) : { action: "expectText", text: title, within: view.region };
  steps.push(found);
  if (hasTextTitle(entity)) for (const parentTitle of Object.values(parents?.parents ?? {})) steps.push({ action: "expectText", text: parentTitle, within: title });
  steps.push({ action: "reload" }, found);
  return steps;
}

/** The text fields besides the title whose sample carries the record's word, with the renamed record's values. */
function renamedCompanions(entity: View["entity"], titleField: ReturnType<typeof titleFieldOf>, before: Values, after: Values, word: string): [ReturnType<typeof titleFieldOf>, string][] {
  return entity.fields
    .filter((f) => f !== titleField && (f.type === "string" || f.type === "text") && typeof before[f.name] === "string" && String(before[f.name]).includes(word) && typeof after[f.name] === "string")
    .map((f) => [f, String(after[f.name])]);
}

function editDeleteCheck(view: View): Step[] | null {
  const { section, entity } = view;
  const words = new Words();
  const [a, b, renamed] = [words.take(), words.take(), words.take()];
  const steps = addThenOpen(view, [{ values: recordFor(view, a, 0) }, { values: recordFor(view, b, 1) }]);
  if (!steps) return null;
  const titleField = titleFieldOf(entity);
  const newTitle = String(sampleFor(titleField, renamed, 2));
  const aTitle = titleText(entity, recordFor(view, a, 0));
  const bTitle = titleText(entity, recordFor(view, b, 1));
  let current = aTitle;
  steps.push(shows(view, aTitle), shows(view, bTitle));
  if (section.edit) {
    const dialog = editDialogName(entity);
    steps.push(
      { action: "click", role: "button", name: `Edit ${aTitle}`, within: view.region },
      { action: "expectValue", label: titleField.label, value: aTitle, within: dialog },
      ...fillField(titleField, newTitle, dialog),
      // Other words fields sampled from the old name ("Zephyr English meaning") are renamed too,
      // or the old name would rightly still show on the record.
      ...renamedCompanions(entity, titleField, recordFor(view, a, 0), recordFor(view, renamed, 0), a).flatMap(([field, value]) => fillField(field, value, dialog)),
      { action: "click", role: "button", name: "Save", within: dialog },
      shows(view, newTitle),
      hides(view, aTitle),
    );
    current = newTitle;
  }
  if (section.delete) {
    steps.push({ action: "click", role: "button", name: `Delete ${current}`, within: view.region }, hides(view, current), shows(view, bTitle), { action: "reload" }, shows(view, bTitle), hides(view, current));
  } else {
    steps.push({ action: "reload" }, shows(view, current));
  }
  return steps;
}

function searchCheck(view: View): Step[] | null {
  const words = new Words();
  const [a, b] = [recordFor(view, words.take(), 0), recordFor(view, words.take(), 1)];
  const steps = addThenOpen(view, [{ values: a }, { values: b }]);
  if (!steps) return null;
  const [aTitle, bTitle] = [titleText(view.entity, a), titleText(view.entity, b)];
  const label = `Search ${pluralOf(view.entity)}`;
  // Part of the title, in other letter case: people type a few letters.
  steps.push(shows(view, bTitle), { action: "fill", label, value: aTitle.slice(0, 5).toLowerCase(), within: view.region }, shows(view, aTitle), hides(view, bTitle), { action: "fill", label, value: "", within: view.region }, shows(view, bTitle));
  return steps;
}

function filterCheck(view: View, name: string): Step[] | null {
  const { entity, plan } = view;
  const words = new Words();
  const field = entity.fields.find((f) => f.name === name);
  const label = `Filter by ${(field?.label ?? singularOf(plan.entities.find((e) => e.name === name || `${e.name.charAt(0).toLowerCase()}${e.name.slice(1)}Id` === name) ?? { name })).toLowerCase()}`;
  if (field && field.name in view.base) return null;
  const records: Array<{ values: Values; parents?: Record<string, string> }> = [];
  let chosen: string;
  const pre: Step[] = [];
  if (field?.type === "enum" && !field.multiple && (field.options?.length ?? 0) >= 2) {
    records.push({ values: recordFor(view, words.take(), 0, { [field.name]: field.options![0]! }) }, { values: recordFor(view, words.take(), 1, { [field.name]: field.options![1]! }) });
    chosen = field.options![0]!;
  } else if (field?.type === "boolean") {
    records.push({ values: recordFor(view, words.take(), 0, { [field.name]: true }) }, { values: recordFor(view, words.take(), 1, { [field.name]: false }) });
    chosen = "Yes";
  } else if (!field) {
    const parent = plan.entities.find((e) => (e.name === name || `${e.name.charAt(0).toLowerCase()}${e.name.slice(1)}Id` === name) && entity.belongsTo.includes(e.name));
    if (!parent || !hasTextTitle(parent)) return null;
    const [p1, p2] = [sampleRecord(parent, words.take(), 0, { onlyRequired: true }), sampleRecord(parent, words.take(), 1, { onlyRequired: true })];
    for (const p of [p1, p2]) {
      const add = addRecordSteps(parent, p, plan);
      if (!add) return null;
      pre.push(...add);
    }
    records.push({ values: recordFor(view, words.take(), 0), parents: { [parent.name]: titleText(parent, p1) } }, { values: recordFor(view, words.take(), 1), parents: { [parent.name]: titleText(parent, p2) } });
    chosen = titleText(parent, p1);
  } else {
    return null;
  }
  const steps = addThenOpen(view, records);
  if (!steps) return null;
  const [aTitle, bTitle] = records.map((r) => titleText(entity, r.values));
  return [...pre, ...steps, shows(view, bTitle!), { action: "select", label, value: chosen, within: view.region }, shows(view, aTitle!), hides(view, bTitle!)];
}

function whereCheck(view: View): Step[] | null {
  const values = viewValues(view.section.where, view.entity);
  if (!values) return null;
  const words = new Words();
  const match = recordFor(view, words.take(), 0);
  const misses = values.misses.slice(0, 3).map((miss, i) => ({ ...recordFor(view, words.take(), i + 1), ...miss, [titleFieldOf(view.entity).name]: words.take() }));
  const steps = addThenOpen(view, [{ values: match }, ...misses.map((m) => ({ values: m }))]);
  if (!steps) return null;
  steps.push(shows(view, titleText(view.entity, match)), ...misses.map((m) => hides(view, titleText(view.entity, m))));
  return steps;
}

/** Offsets (days from today) for sorting on a date the view also filters on, kept inside the view. */
function dateOffsets(view: View, fieldName: string): number[] | null {
  const conditions = (view.section.where ?? []).filter((c) => c.field === fieldName);
  if (!conditions.length) return [2, 0, 1];
  const past = conditions.every((c) => c.op === "beforeToday" || c.op === "onOrBeforeToday" || (c.op === "olderThanDays" && (c.days ?? 0) <= 3));
  const future = conditions.every((c) => c.op === "afterToday" || (c.op === "withinNextDays" && (c.days ?? 0) >= 3));
  return past ? [-4, -8, -6] : future ? [3, 1, 2] : null;
}

function sortCheck(view: View): Step[] | null {
  const { section, entity } = view;
  const sort = section.sort!;
  const field = entity.fields.find((f) => f.name === sort.field);
  if (!field) return null;
  const words = new Words();
  const titles = [words.take(), words.take(), words.take()];
  let keys: Array<number | string>;
  let values: Sample[];
  if (field.type === "date") {
    const offsets = dateOffsets(view, field.name);
    if (!offsets) return null;
    keys = offsets;
    values = offsets.map((d) => (d === 0 ? "{{today}}" : d > 0 ? `{{today+${d}}}` : `{{today${d}}}`));
  } else if ((field.type === "number" || field.type === "money") && !(field.name in view.base)) {
    keys = [30, 10, 20].map((n) => Math.min(field.max ?? Infinity, Math.max(field.min ?? -Infinity, n)));
    if (new Set(keys).size < 3) return null;
    values = keys;
  } else if (field.type === "time" && !(field.name in view.base)) {
    // Times of day: the afternoon first, so an app that keeps the order of adding fails.
    keys = ["14:00", "09:00", "11:30"];
    values = keys;
  } else if (field === titleFieldOf(entity) && field.type === "string") {
    keys = titles;
    values = titles;
  } else {
    return null;
  }
  const records = titles.map((title, i) => recordFor(view, title, i, { [field.name]: values[i]! }));
  const steps = addThenOpen(view, records.map((values) => ({ values })));
  if (!steps) return null;
  const order = records.map((r, i) => ({ title: titleText(entity, r), key: keys[i]! }))
    .sort((x, y) => (typeof x.key === "number" && typeof y.key === "number" ? x.key - y.key : String(x.key).localeCompare(String(y.key))) * (sort.direction === "desc" ? -1 : 1));
  steps.push({ action: "expectOrder", texts: order.map((o) => o.title), within: view.region });
  return steps;
}

function groupCheck(view: View): Step[] | null {
  const grouping = view.section.groupBy!;
  if (!("field" in grouping)) return null;
  const parent = view.plan.entities.find((e) => view.entity.belongsTo.includes(e.name) && [e.name, `${e.name}.${titleFieldOf(e).name}`].includes(grouping.field));
  if (parent) return parentGroupCheck(view, parent);
  const field = view.entity.fields.find((f) => f.name === grouping.field);
  if (!field || field.name in view.base) return null;
  const words = new Words();
  let first: string;
  let second: string;
  if (field.type === "enum" && !field.multiple && (field.options?.length ?? 0) >= 2) [first, second] = [field.options![0]!, field.options![1]!];
  else if (field.type === "string" && field !== titleFieldOf(view.entity)) {
    // Typed values head their groups in ascending order (engine/expr.js groupRecords).
    [first, second] = [String(sampleFor(field, words.take(), 0)), String(sampleFor(field, words.take(), 1))].sort((x, y) => x.localeCompare(y)) as [string, string];
  } else return null;
  const a = recordFor(view, words.take(), 0, { [field.name]: first });
  const b = recordFor(view, words.take(), 1, { [field.name]: second });
  const steps = addThenOpen(view, [{ values: b }, { values: a }]);
  if (!steps) return null;
  steps.push(
    { action: "expectElement", role: "heading", name: first, within: view.region },
    { action: "expectElement", role: "heading", name: second, within: view.region },
    { action: "expectOrder", texts: [first, titleText(view.entity, a), second, titleText(view.entity, b)], within: view.region },
  );
  return steps;
}

/**
 * Records under two parents (added in the order of their titles, so the groups' order is both the
 * parents' order and their titles'): each parent's title heads its group, each record sits under
 * its own parent, and the parent's fields the section shows (a supplier's phone) are shown with
 * each record, the right parent's beside the right record.
 */
function parentGroupCheck(view: View, parent: TPlanEntity): Step[] | null {
  const { entity, plan } = view;
  if (!hasTextTitle(parent)) return null;
  const words = new Words();
  const [first, second] = [words.take(), words.take()].sort((x, y) => x.localeCompare(y));
  const parents = [sampleRecord(parent, first!, 0), sampleRecord(parent, second!, 1)];
  const steps: Step[] = [];
  for (const values of parents) {
    const add = addRecordSteps(parent, values, plan);
    if (!add) return null;
    steps.push(...add);
  }
  const [p1, p2] = parents.map((values) => titleText(parent, values)) as [string, string];
  const a = recordFor(view, words.take(), 0);
  const b = recordFor(view, words.take(), 1);
  const add = addThenOpen(view, [{ values: b, parents: { [parent.name]: p2 } }, { values: a, parents: { [parent.name]: p1 } }]);
  if (!add) return null;
  const [aTitle, bTitle] = [titleText(entity, a), titleText(entity, b)];
  // The parent's values each record shows, read in the view's order: the first parent's after the
  // first record and before the second heading. (A record's name alone may also match its row in
  // another list on the page, so the view's own text is read.)
  const shownFields = (view.section.columns ?? []).flatMap((column) => {
    const [owner, name] = column.split(".");
    const field = owner === parent.name ? parent.fields.find((f) => f.name === name) : undefined;
    return field ? [field] : [];
  });
  const [aShown, bShown] = parents.map((values) => shownFields.map((field) => shownText(field, values[field.name])).filter(Boolean));
  const order: Step = { action: "expectOrder", texts: [p1, aTitle, ...aShown!, p2, bTitle, ...bShown!], within: view.region };
  steps.push(...add, { action: "expectElement", role: "heading", name: p1, within: view.region }, { action: "expectElement", role: "heading", name: p2, within: view.region }, order, { action: "reload" }, order);
  return steps;
}

function onePerDateCheck(view: View): Step[] | null {
  const fieldName = view.section.onePerDate!;
  const field = view.entity.fields.find((f) => f.name === fieldName);
  if (!field || field.type !== "date" || field === titleFieldOf(view.entity) || fieldName in view.base) return null;
  const words = new Words();
  const first = recordFor(view, words.take(), 0, { [fieldName]: "{{today}}" });
  const second = recordFor(view, words.take(), 1, { [fieldName]: "{{today}}" });
  const other = recordFor(view, words.take(), 2, { [fieldName]: "{{today-1}}" });
  const steps = addThenOpen(view, [{ values: first }, { values: second }, { values: other }]);
  if (!steps) return null;
  steps.push(shows(view, titleText(view.entity, second)), hides(view, titleText(view.entity, first)), shows(view, titleText(view.entity, other)));
  return steps;
}

// ─── Record actions ──────────────────────────────────────────────────────────

/** A sample's value after an action sets it. */
function afterAction(how: RecordAction["set"][string], before: Sample | undefined): Sample | null {
  if (how && typeof how === "object") {
    if ("today" in how) return "{{today}}";
    if ("toggle" in how) return !before;
    if ("increment" in how) return (Number(before) || 0) + how.increment;
  }
  if (how === null) return null;
  return how as Sample;
}

/** Whether a condition holds for a sample value (the cases conditionValues can produce). */
function holds(condition: TCondition, value: Sample | null | undefined, entity: TPlanEntity): boolean | null {
  const pair = conditionValues(condition, entity);
  if (!pair) return null;
  const same = (x: Sample | null | undefined, y: Sample) => (typeof y === "boolean" ? (x === true) === y : String(x ?? "") === String(y));
  if (same(value, pair.match)) return true;
  if (same(value, pair.miss)) return false;
  // Dates set to today by an action against the date ops.
  if (value === "{{today}}") return ["onOrBeforeToday", "isToday", "withinNextDays"].includes(condition.op) ? true : ["beforeToday", "afterToday", "olderThanDays"].includes(condition.op) ? false : null;
  return null;
}

export function actionCheck(view: View, action: RecordAction): Step[] | null {
  const { entity, section } = view;
  const words = new Words();
  const shown = viewValues(action.showWhen, entity);
  if (!shown) return null;
  const a = recordFor(view, words.take(), 0, shown.match);
  // A record the action is not offered on (it fails showWhen), when it still shows in the view.
  const missValues = shown.misses.find((m) => Object.entries(m).every(([name]) => !(name in view.base)));
  const b = missValues ? { ...recordFor(view, words.take(), 1), ...missValues } : null;
  if (b) b[titleFieldOf(entity).name] = sampleFor(titleFieldOf(entity), words.take(), 1);
  const steps = addThenOpen(view, [{ values: a }, ...(b ? [{ values: b }] : [])]);
  if (!steps) return null;
  const aTitle = titleText(entity, a);
  const buttonName = `${action.label} ${aTitle}`;
  steps.push(shows(view, aTitle));
  if (b) steps.push(shows(view, titleText(entity, b)), { action: "expectCount", role: "button", name: `${action.label} ${titleText(entity, b)}`, within: view.region, count: 0 });
  steps.push({ action: "click", role: "button", name: buttonName, within: view.region });

  const after: Values = { ...a };
  for (const [name, how] of Object.entries(action.set)) {
    const value = afterAction(how, a[name]);
    if (value === null) delete after[name];
    else after[name] = value;
  }
  // A condition on a computed value ("next watering") reads the fields the action sets.
  const leaves = (section.where ?? []).some((c) => conditionInputs(c, entity).some((name) => name in action.set) && (computedConditionHolds(c, after, entity) ?? holds(c, after[c.field], entity)) === false);
  if (leaves) {
    steps.push(hides(view, aTitle), { action: "reload" }, hides(view, aTitle));
    return steps;
  }
  const stillOffered = (action.showWhen ?? []).every((c) => holds(c, after[c.field], entity) !== false);
  if (!stillOffered) steps.push({ action: "expectCount", role: "button", name: buttonName, within: view.region, count: 0 });
  // What the button set is kept: it is read back after a reload.
  steps.push({ action: "reload" }, shows(view, aTitle));
  const fields = Object.keys(action.set).map((name) => entity.fields.find((f) => f.name === name)).filter((f): f is TPlanField => !!f);
  // The other buttons' yes/no fields ("Mark paid" beside "Mark done") are left as they were.
  const others = [...section.actions, ...(entity.actions ?? [])].flatMap((other) => Object.keys(other.set)).filter((name) => !(name in action.set));
  const untouched = [...new Set(others)].map((name) => entity.fields.find((f) => f.name === name && f.type === "boolean")).filter((f): f is TPlanField => !!f);
  if (section.edit) {
    const dialog = editDialogName(entity);
    steps.push({ action: "click", role: "button", name: `Edit ${aTitle}`, within: view.region });
    for (const field of fields) steps.push(...expectInForm(field, after[field.name], dialog));
    for (const field of untouched) steps.push(...expectInForm(field, after[field.name] ?? field.defaultValue ?? false, dialog));
    steps.push({ action: "click", role: "button", name: "Cancel", within: dialog });
  } else {
    for (const field of fields) {
      const text = shownText(field, after[field.name]);
      if (text) steps.push({ action: "expectText", text, within: aTitle });
    }
  }
  return steps;
}

/** What a form control shows for a value: a box ticked or not, an option chosen, a value typed. */
function expectInForm(field: TPlanField, value: Sample | undefined, within: string): Step[] {
  if (field.type === "boolean") return [{ action: "expectElement", role: "checkbox", name: field.label, within, state: value ? "checked" : "unchecked" }];
  if ((field.type === "enum" && field.multiple) || field.type === "image") return [];
  if (value === undefined || value === "") return [];
  return [{ action: "expectValue", label: field.label, value: field.type === "rating" ? `${value} star` : String(value), within }];
}

// ─── Form section ────────────────────────────────────────────────────────────

export const formChecks: SectionCheckGenerator<"form"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const entity = plan.entities.find((e) => e.name === section.entity);
  if (!entity) return [];
  const region = sectionTitleOf(section, plan);
  const fields = (section.fields?.length ? section.fields.map((n) => entity.fields.find((f) => f.name === n)) : entity.fields).filter((f): f is TPlanField => !!f);
  const words = new Words();
  const values: Values = {};
  fields.forEach((field, i) => (values[field.name] = sampleFor(field, i === 0 ? words.take() : `${words.take()}`, i)));
  const steps: Step[] = [{ action: "goto", path: page.path }];
  const required = fields.filter((f) => f.required && f.type !== "boolean" && f.defaultValue === undefined && !(f.type === "date" && f.name === "date"));
  if (required.length) {
    steps.push({ action: "click", role: "button", name: section.submitLabel, within: region });
    for (const field of required) steps.push({ action: "expectText", text: requiredMessage(field), within: region });
    steps.push({ action: "expectNoText", text: section.thanks.slice(0, 300), within: region });
  }
  for (const field of fields) steps.push(...fillField(field, values[field.name]!, region));
  steps.push({ action: "click", role: "button", name: section.submitLabel, within: region }, { action: "expectText", text: section.thanks.slice(0, 300), within: region });
  if (required.length) steps.push({ action: "expectNoText", text: requiredMessage(required[0]!), within: region });
  // The message is kept: the page that lists them shows it, with what was entered.
  const listing = listingOf(entity.name, plan);
  const first = fields[0];
  if (listing && first === titleFieldOf(entity) && hasTextTitle(entity)) {
    const title = titleText(entity, values);
    steps.push({ action: "goto", path: listing.page.path }, { action: "expectElement", role: recordRole(listing.section), name: title, within: listing.title });
    for (const field of fields.slice(1, 6)) {
      const text = shownText(field, values[field.name]);
      if (text && (!listing.section.columns || listing.section.columns.includes(field.name))) steps.push({ action: "expectText", text, within: title });
    }
  }
  const description = `Sending "${region}" shows "${section.thanks.slice(0, 80)}"${listing ? ` and the ${singularOf(entity).toLowerCase()} appears under "${listing.title}"` : ""}${required.length ? "; empty required fields are refused" : ""}`;
  return makeCheck(`form-${slug(region)}`, description, plannedRequirements(section.requirementIds, ctx).map((r) => r.id), steps);
};

/** A records section that lists every record of the entity (no conditions). */
function listingOf(entityName: string, plan: TPlan): { page: TPlanPage; section: RecordsSection; title: string } | null {
  for (const page of plan.pages) {
    for (const section of page.sections ?? []) {
      if (section.type === "records" && section.entity === entityName && !section.where?.length) return { page, section, title: sectionTitleOf(section, plan) };
    }
  }
  return null;
}

// ─── Entities ────────────────────────────────────────────────────────────────

export const entityChecks: EntityCheckGenerator = (entity, ctx) => {
  const plan = ctx.plan;
  // Where its records are added and seen: its records section, else the page listing what a form sent.
  const home = homeOf(entity.name, plan);
  const shown = home ?? listingOf(entity.name, plan);
  if (!shown || !hasTextTitle(entity) || entity.addOnlyWhen) return [];
  const view = viewOf(shown.section, shown.page, plan);
  if (!view) return [];
  const key = slug(entity.name);
  const checks: Check[] = [];
  const picks = entity.fields.filter((f) => f.ref && f.type === "enum" && f.multiple);
  const fieldIds = entity.fields.filter((f) => !picks.includes(f)).flatMap((f) => plannedRequirements(f.requirementIds, ctx).map((r) => r.id));
  const entityIds = plannedRequirements(entity.requirementIds, ctx).map((r) => r.id);
  // An entity of one field and no parents is exercised by its records section's add check, unless
  // that field answers a requirement of its own.
  if (entity.fields.length > 1 || entity.belongsTo.length || fieldIds.some((id) => !entityIds.includes(id))) checks.push(...makeCheck(`entity-${key}-fields`, `Each ${singularOf(entity).toLowerCase()} keeps ${entity.fields.map((f) => f.label.toLowerCase()).join(", ")}${entity.belongsTo.length ? ` and its ${entity.belongsTo.join(", ").toLowerCase()}` : ""}`, [...fieldIds, ...entityIds], fieldsCheck(view) ?? []));
  const required = entity.fields.filter((f) => f.required);
  if (required.length && home) checks.push(...makeCheck(`entity-${key}-required`, `A ${singularOf(entity).toLowerCase()} without ${required.map((f) => f.label.toLowerCase()).join(" or ")} is refused with a message`, required.flatMap((f) => plannedRequirements(f.requirementIds, ctx).map((r) => r.id)), requiredCheck(view) ?? []));
  for (const action of (entity.actions ?? []).slice(0, 4)) {
    checks.push(...makeCheck(`entity-${key}-action-${slug(action.label)}`, `"${action.label}" on a ${singularOf(entity).toLowerCase()} does what it says`, plannedRequirements(action.requirementIds, ctx).map((r) => r.id), actionCheck(view, action) ?? []));
  }
  for (const field of picks) {
    const source = plan.entities.find((e) => e.name === field.ref);
    const what = source ? pluralOf(source) : "records";
    checks.push(...makeCheck(`entity-${key}-${slug(field.name)}`, `Each ${singularOf(entity).toLowerCase()} keeps its own ${field.label.toLowerCase()}${field.maxChoices ? `, at most ${field.maxChoices} ${what}` : ""}, after a reload too`, plannedRequirements(field.requirementIds, ctx).map((r) => r.id), pickCheck(view, field) ?? []));
  }
  checks.push(...computedChecks(entity, ctx, { home: view, key }));
  checks.push(...balanceChecks(entity, ctx, key));
  checks.push(...invoiceChecks(entity, ctx, key));
  checks.push(...timerChecks(entity, ctx, key));
  return checks;
};

/** Occasions a pick check adds: no record title (the Words) contains one. */
const occasionWords = ["Rovers", "Albion"];

/**
 * Records of another kind picked for each record (players for a match): adds one more of them
 * than may be picked, picks the most for the first record ("Rovers") and sees the last one can
 * no longer be ticked, then picks that last one alone for a second record ("Albion"); each lists
 * its own, with how many, after a reload too.
 */
function pickCheck(view: View, field: TPlanField): Step[] | null {
  const { plan, entity } = view;
  const source = plan.entities.find((e) => e.name === field.ref);
  if (!source || source.belongsTo.length || !hasTextTitle(source) || view.section.create === false) return null;
  const max = field.maxChoices;
  // Distinct titles run out past 12 (then "Zephyr 2" contains "Zephyr"): larger picks are not checked here.
  const count = max ? max + 1 : 3;
  if (count > 12) return null;
  const words = new Words();
  const titles: string[] = [];
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    const values = sampleRecord(source, words.take(), i, { onlyRequired: true });
    const add = addRecordSteps(source, values, plan, {}, { goto: i === 0 });
    if (!add) return null;
    steps.push(...add);
    titles.push(titleText(source, values));
  }
  const picked = max ? titles.slice(0, max) : titles.slice(0, 2);
  const left = titles.at(-1)!;
  const form = addFormName(entity);
  const plural = source.pluralLabel.toLowerCase();
  const shown = (n: number, first: string) => `${field.label} ${n} ${n === 1 ? singularOf(source).toLowerCase() : plural}: ${first}`;
  const occasion = (word: string, ticks: string[], extra: Step[] = []): Step[] | null => {
    const values = { ...sampleRecord(entity, word, 0, { onlyRequired: true }), [titleFieldOf(entity).name]: word };
    const add = addRecordSteps(entity, values, plan, {}, { goto: false });
    if (!add) return null;
    return [...add.slice(0, -1), ...ticks.map((title): Step => ({ action: "check", label: title, within: form })), ...extra, add.at(-1)!];
  };
  const first = occasion(occasionWords[0]!, picked, max ? [{ action: "expectElement", role: "checkbox", name: left, within: form, state: "disabled" }] : []);
  const second = occasion(occasionWords[1]!, [left]);
  if (!first || !second) return null;
  const [a, b] = occasionWords as [string, string];
  steps.push(
    { action: "goto", path: view.page.path },
    ...first,
    shows(view, a),
    { action: "expectText", text: shown(picked.length, picked[0]!), within: a },
    { action: "expectText", text: picked.at(-1)!, within: a },
    { action: "expectNoText", text: left, within: a },
    ...second,
    shows(view, b),
    { action: "expectText", text: shown(1, left), within: b },
    { action: "expectNoText", text: picked[0]!, within: b },
    { action: "reload" },
    { action: "expectText", text: shown(picked.length, picked[0]!), within: a },
    { action: "expectText", text: shown(1, left), within: b },
  );
  return steps;
}

function fieldsCheck(view: View): Step[] | null {
  const { entity, plan, section } = view;
  const words = new Words();
  const parents = addParentsSteps(entity, plan, () => words.take());
  const values = recordFor(view, words.take(), 0, {}, true);
  const form = addFormName(entity);
  const hasAddForm = view.section.create !== false;
  const steps: Step[] = [...(parents?.steps ?? []), ...(hasAddForm ? [{ action: "goto" as const, path: view.page.path }] : [])];
  // Every option of a choice is offered: choose each in turn, ending on the sample.
  if (hasAddForm) for (const field of entity.fields) {
    if (field.type === "enum" && !field.multiple && (field.options?.length ?? 0) > 1 && !(field.name in view.base)) {
      for (const option of field.options!.slice(0, 8)) if (option !== values[field.name]) steps.push({ action: "select", label: field.label, value: option, within: form });
    }
  }
  const add = addRecordSteps(entity, values, plan, parents?.parents ?? {}, { goto: !hasAddForm });
  if (!add) return null;
  steps.push(...add, { action: "goto", path: view.page.path });
  const title = titleText(entity, values);
  steps.push(shows(view, title));
  const shownColumns = section.columns?.length ? section.columns : null;
  const photos = entity.fields.slice(1).filter((f) => f.type === "image" && values[f.name] !== undefined && (!shownColumns || shownColumns.includes(f.name)));
  for (const field of entity.fields.slice(1)) {
    if (shownColumns && !shownColumns.includes(field.name)) continue;
    const text = shownText(field, values[field.name]);
    if (text) steps.push({ action: "expectText", text: view.role === "listitem" ? `${field.label} ${text}` : text, within: title });
  }
  for (const field of photos) steps.push(...photoSteps(field, title, title));
  for (const parentTitle of Object.values(parents?.parents ?? {})) steps.push({ action: "expectText", text: parentTitle, within: title });
  steps.push({ action: "reload" }, shows(view, title));
  // The photo was kept with the record, not only shown from the file just picked.
  for (const field of photos) steps.push(...photoSteps(field, title, title));
  return steps;
}

function requiredCheck(view: View): Step[] | null {
  const { entity } = view;
  const form = addFormName(entity);
  // Fields the form fills in by itself (a default, today's date) cannot be left empty by a person.
  const required = entity.fields.filter((f) => f.required && f.type !== "boolean" && f.defaultValue === undefined && !(f.type === "date" && f.name === "date") && !(f.name in view.base));
  if (!required.length) return null;
  const words = new Words();
  const values = recordFor(view, words.take(), 0);
  const steps: Step[] = [{ action: "goto", path: view.page.path }, { action: "click", role: "button", name: form, within: form }];
  for (const field of required) steps.push({ action: "expectText", text: requiredMessage(field), within: form });
  const countable = !entity.initialRecords?.length && view.role === "listitem";
  if (countable) steps.push({ action: "expectCount", role: "listitem", within: view.region, count: 0 });
  const add = addRecordSteps(entity, values, view.plan, {}, { goto: false });
  if (!add) return null;
  // Once filled in, the same form is accepted and its messages go.
  steps.push(...add, shows(view, titleText(entity, values)));
  for (const field of required) steps.push({ action: "expectNoText", text: requiredMessage(field), within: form });
  return steps;
}
