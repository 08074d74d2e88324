// Acceptance checks for the figure sections — stats, groupTable and chart — written the way the
// prompt's author would try them: add two expenses this month in Food and one in Bills, and one
// from last month in Transport; the pie then shows Food 30.00 (75%) and Bills 10.00 (25%) and
// leaves Transport out. A total starts at 0, goes to 20 after one expense and to 30 after another,
// and an expense its conditions exclude changes nothing. A table per category has a row for every
// category, with 0 for those without expenses.
//
// Records are added through the records section's add form (add-record-steps.ts); what the figure
// must show is computed here from the values entered (figure-scenario.ts), and written with the
// app's own formatter, so a figure that ignores its period, its conditions or its grouping fails.
// Counts kept on a check-ins section (eggs per hen per day) are entered there, with + and the
// day's navigation. A figure whose records cannot be entered (ticks, a computed grouping, a
// condition on a parent) gets no check: its requirements stay unverified rather than pass.
import { formatValue } from "~/server/llm/offline/runtime/src/engine/expr.js";
import { singularLabel } from "~/server/llm/offline/runtime/src/engine/store.js";
import { addOneName } from "~/server/llm/offline/runtime/src/widgets/names.js";
import type { TCondition, TSection, TValueExpr } from "~/server/plan/app-spec";
import type { TCheckStep } from "~/server/plan/check-steps";
import type { TAcceptanceCheckInput, TPlan, TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import type { SectionCheckGenerator } from "../registry";
import { sectionTitleOf } from "../section-title";
import { addDaysIso, addRecordSteps, addTarget, type FieldValue, type NewRecord } from "./add-record-steps";
import { amountsFor, bucketLabel, bucketOffsets, expectedAggregate, inRange, outsideRange, passAndFail, type Agg, type TDateRange } from "./figure-scenario";

type Section<T extends TSection["type"]> = Extract<TSection, { type: T }>;
type Grouping = Section<"chart">["groupBy"];
type Measure = { agg: Agg; of?: TValueExpr; format?: string; label?: string };

/** The day a check that needs month and week names sets the page's clock to (a Wednesday). */
export const fixedToday = "2026-03-11";
const maxSteps = 60;

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "figure";

function check(id: string, description: string, requirementIds: string[] | undefined, steps: TCheckStep[]): TAcceptanceCheckInput | null {
  if (steps.length > maxSteps) return null;
  return { id, description: description.slice(0, 300), requirementIds: [...new Set(requirementIds ?? [])], steps };
}

/** The numeric field a measure adds up, or undefined for a count; null when it is not a plain number field. */
function measuredField(entity: TPlanEntity, agg: Agg, of: TValueExpr | undefined): TPlanField | undefined | null {
  if (agg === "count") return undefined;
  if (!of || !("field" in of)) return null;
  const field = entity.fields.find((f) => f.name === of.field);
  return field && ["number", "money", "rating"].includes(field.type) ? field : null;
}

/**
 * A measure "as a percentage" of the most each value can be — percent(value, whole), the whole
 * on the record itself or on a parent ("Assignment.maxScore") — or null for any other measure.
 */
type Scale = { value: TPlanField; whole: TPlanField; parent?: TPlanEntity };
function percentScale(plan: TPlan, entity: TPlanEntity, of: TValueExpr | undefined): Scale | null {
  if (!of || !("fn" in of) || of.fn !== "percent" || of.args.length !== 2) return null;
  const [part, whole] = of.args as [TValueExpr, TValueExpr];
  if (!("field" in part) || !("field" in whole)) return null;
  const value = entity.fields.find((f) => f.name === part.field && ["number", "money"].includes(f.type));
  const [head, tail] = whole.field.split(".") as [string, string | undefined];
  const parent = tail !== undefined && entity.belongsTo.includes(head) ? plan.entities.find((e) => e.name === head) : undefined;
  const wholeField = (parent ?? entity).fields.find((f) => f.name === (parent ? tail : head) && ["number", "money"].includes(f.type));
  if (!value || !wholeField || (tail !== undefined && !parent)) return null;
  return { value, whole: wholeField, ...(parent ? { parent } : {}) };
}

/**
 * What each record of a percentage scenario enters, by the percent it stands for: two maxima (50
 * and 10) and values whose percentages differ from their plain average and from the total over
 * the total (40 of 50 and 10 of 10 average 90 %, not 25, nor 50 of 60 = 83 %).
 */
const scaledEntries: Record<number, { value: number; whole: number }> = { 80: { value: 40, whole: 50 }, 100: { value: 10, whole: 10 }, 50: { value: 25, whole: 50 }, 60: { value: 6, whole: 10 } };
const scaledAmounts = { big: 80, small: 100, other: 50, outside: 60 };
const wholeTitle = (scale: Scale, whole: number): string => `${singularLabel(scale.parent!.name)} ${whole === 50 ? "X" : "Y"}`;

function fitsScale(scale: Scale): boolean {
  const within = (f: TPlanField, x: number) => (f.min === undefined || x >= f.min) && (f.max === undefined || x <= f.max);
  return Object.values(scaledEntries).every((e) => within(scale.value, e.value) && within(scale.whole, e.whole));
}

const show = (value: number | null, format: string | undefined, field: TPlanField | undefined | null) => formatValue(value, format ?? "number", field?.unit ? { unit: field.unit } : {});

/** Follows a scenario through pages: a goto only when the page changes. */
class Walk {
  steps: TCheckStep[] = [];
  private at: string | null = null;
  constructor(clockAt?: string) {
    if (clockAt) this.steps.push({ action: "clock", at: clockAt });
  }
  goto(path: string): this {
    if (this.at !== path) this.steps.push({ action: "goto", path });
    this.at = path;
    return this;
  }
  add(...steps: TCheckStep[]): this {
    this.steps.push(...steps);
    return this;
  }
}

/** Adds records of `entity` on its form page; false when there is no form or a field cannot be entered. */
function addRecords(walk: Walk, plan: TPlan, entity: TPlanEntity, records: NewRecord[], today?: string, counter = { n: 1 }): boolean {
  const target = addTarget(plan, entity.name);
  if (!target) return false;
  walk.goto(target.page.path);
  for (const record of records) {
    const steps = addRecordSteps(entity, record, counter.n++, today, target);
    if (!steps) return false;
    walk.add(...steps);
  }
  return true;
}

// ─── Grouped scenarios (chart, groupTable) ─────────────────────────────────────

type Planned = { values: Record<string, FieldValue>; parents?: Record<string, string>; group: string; counted: boolean; amount: number };
type Scenario = {
  records: Planned[];
  /** Parents to add first (entity → titles). */
  newParents: { entity: TPlanEntity; titles: string[] } | null;
  /** For a percentage: the parents that hold each maximum, added first too. */
  scaleParents: { entity: TPlanEntity; records: NewRecord[] } | null;
  scale: Scale | null;
  /** Records entered some other way than an add form (counts on a check-ins section), after the parents. */
  enter?: (walk: Walk) => boolean;
  /** What the records are, in words, when they are not an add form's. */
  story?: string;
  /** Every group the grouping has before any record is added, in order (options, parents). */
  fixedGroups: string[] | null;
  /** Orders the groups records create (date buckets, plain values). */
  order: (labels: string[]) => string[];
  today?: string;
  field: TPlanField | undefined;
  what: string;
};

/** How records fall into groups: labels to use, and how to put a record in one. */
function groupingPlan(plan: TPlan, entity: TPlanEntity, grouping: Grouping) {
  if ("dateField" in grouping) {
    const field = entity.fields.find((f) => f.name === grouping.dateField && f.type === "date");
    return field ? { kind: "date" as const, field, bucket: grouping.bucket } : null;
  }
  const [head, tail] = grouping.field.split(".") as [string, string | undefined];
  const parentName = entity.belongsTo.find((p) => p === head || `${p[0]!.toLowerCase()}${p.slice(1)}Id` === head);
  if (parentName) {
    const parent = plan.entities.find((e) => e.name === parentName);
    if (!parent || (tail !== undefined && parent.fields[0]?.name !== tail)) return null;
    const titleField = parent.fields[0]!;
    const existing = (parent.initialRecords ?? []).map((r) => String(r[titleField.name] ?? "")).filter(Boolean);
    const letters = ["A", "B", "C"];
    const created = letters.slice(0, Math.max(0, 3 - existing.length)).map((l) => `${singularLabel(parent.name)} ${l}`);
    return { kind: "parent" as const, parent, titles: [...existing, ...created], created };
  }
  if (tail !== undefined) return null;
  const field = entity.fields.find((f) => f.name === head);
  if (!field) return null;
  if (field.type === "enum" && !field.multiple && field.options?.length) return { kind: "enum" as const, field, options: field.options };
  if (field.type === "boolean") return { kind: "boolean" as const, field };
  if (field.type === "string" || field.type === "text") return { kind: "text" as const, field };
  return null;
}

/**
 * Four records for a grouped figure: two in a first group, one in a second (all passing the
 * figure's period and conditions) and, when something can exclude it, one that fails them, in a
 * third group (or the first, `failInFirst`, so a figure that counts it shows a wrong value).
 */
function groupedScenario(plan: TPlan, entity: TPlanEntity, grouping: Grouping, measure: Measure, where: TCondition[], period: (TDateRange & { dateField: string }) | undefined, failInFirst: boolean): Scenario | null {
  if (entity.initialRecords?.length) return null;
  const scale = percentScale(plan, entity, measure.of);
  if (scale && (!fitsScale(scale) || measure.agg === "count" || measure.agg === "sum")) return null;
  const field = scale ? scale.value : measuredField(entity, measure.agg, measure.of);
  if (field === null) return null;
  const amounts = scale ? scaledAmounts : amountsFor(field);
  if (!amounts) return null;
  const how = groupingPlan(plan, entity, grouping);
  if (!how || (scale?.parent && how.kind === "parent" && how.parent === scale.parent)) return null;
  const conditions: TCondition[] = [...where, ...(period ? [{ field: period.dateField, op: "inRange" as const, period: { range: period.range, ...(period.n ? { n: period.n } : {}) } }] : [])];
  const groupFieldName = how.kind === "parent" ? null : how.field.name;
  if (groupFieldName && conditions.some((c) => c.field === groupFieldName && !(how.kind === "date" && c.op === "inRange"))) return null;
  const sides = passAndFail(conditions, entity);
  if (!sides) return null;
  // A percentage's record enters its value and its maximum (on itself, or by picking the parent that holds it).
  const amountOf = (n: number): Record<string, FieldValue> => (scale ? { [scale.value.name]: scaledEntries[n]!.value, ...(scale.parent ? {} : { [scale.whole.name]: scaledEntries[n]!.whole }) } : field ? { [field.name]: n } : {});
  const scaleParentOf = (n: number): Record<string, string> | undefined => (scale?.parent ? { [scale.parent.name]: wholeTitle(scale, scaledEntries[n]!.whole) } : undefined);
  const base = (values: Record<string, FieldValue>, amount: number, group: string, counted: boolean, groupParents?: Record<string, string>): Planned => {
    const parents = groupParents || scaleParentOf(amount) ? { ...groupParents, ...scaleParentOf(amount) } : undefined;
    return { values: { ...values, ...amountOf(amount) }, ...(parents ? { parents } : {}), group, counted, amount };
  };

  const records: Planned[] = [];
  let fixedGroups: string[] | null = null;
  let order = (labels: string[]) => labels;
  let today: string | undefined;
  let newParents: Scenario["newParents"] = null;
  let what = "";
  const fail = sides.fail;

  switch (how.kind) {
    case "enum":
    case "text":
    case "boolean": {
      const labels = how.kind === "enum" ? how.options : how.kind === "boolean" ? ["Yes", "No"] : ["Alpha", "Beta", "Gamma"];
      const valueOf = (label: string): FieldValue => (how.kind === "boolean" ? label === "Yes" : label);
      const [g1, g2 = null, g3 = g1] = labels as [string, string?, string?];
      const put = (label: string) => ({ [how.field.name]: valueOf(label) });
      records.push(base({ ...sides.pass, ...put(g1) }, amounts.big, g1, true), base({ ...sides.pass, ...put(g1) }, amounts.small, g1, true));
      if (g2) records.push(base({ ...sides.pass, ...put(g2) }, amounts.other, g2, true));
      if (fail) {
        const g = failInFirst ? g1 : g3!;
        records.push(base({ ...fail, ...put(g) }, amounts.outside, g, false));
      }
      if (how.kind === "text") order = (found) => [...found].sort((a, b) => a.localeCompare(b));
      else fixedGroups = labels;
      what = how.field.label.toLowerCase();
      break;
    }
    case "parent": {
      const [p1, p2, p3] = how.titles as [string, string, string];
      const link = (title: string) => ({ [how.parent.name]: title });
      records.push(base(sides.pass, amounts.big, p1, true, link(p1)), base(sides.pass, amounts.small, p1, true, link(p1)), base(sides.pass, amounts.other, p2, true, link(p2)));
      if (fail) records.push(base(fail, amounts.outside, failInFirst ? p1 : p3, false, link(failInFirst ? p1 : p3)));
      if (how.created.length) newParents = { entity: how.parent, titles: how.created };
      fixedGroups = how.titles;
      what = singularLabel(how.parent.name).toLowerCase();
      break;
    }
    case "date": {
      today = fixedToday;
      const offsets = bucketOffsets(how.bucket, today);
      const dated = (days: number, amount: number, values: Record<string, FieldValue>, counts: boolean): Planned => {
        const iso = addDaysIso(today!, days);
        const inPeriod = !period || period.dateField !== how.field.name || inRange(iso, period, today!);
        return base({ ...values, [how.field.name]: { daysFromToday: days } }, amount, bucketLabel(iso, how.bucket), counts && inPeriod);
      };
      records.push(dated(offsets.current[0], amounts.big, sides.pass, true), dated(offsets.current[1], amounts.small, sides.pass, true), dated(offsets.previous, amounts.other, sides.pass, true));
      if (fail) {
        const failDate = fail[how.field.name];
        const days = typeof failDate === "object" ? failDate.daysFromToday : offsets.current[0];
        records.push(dated(days, amounts.outside, fail, false));
      }
      // Buckets sort by date: labels of the counted records in the order their dates fall.
      const dateOf = new Map(records.map((r) => [r.group, (r.values[how.field.name] as { daysFromToday: number }).daysFromToday]));
      order = (found) => [...found].sort((a, b) => dateOf.get(a)! - dateOf.get(b)!);
      what = how.bucket;
      break;
    }
  }
  const scaleParents = scale?.parent ? { entity: scale.parent, records: [50, 10].map((whole) => ({ values: { [scale.parent!.fields[0]!.name]: wholeTitle(scale, whole), [scale.whole.name]: whole } })) } : null;
  return { records, newParents, scaleParents, scale, fixedGroups, order, today, field, what };
}

/**
 * Counts kept on a check-ins section ("eggs per hen this week" over the hens' daily egg counts):
 * with the clock on a Wednesday, the check adds three records, counts the first 2 today, the
 * second 1 today, 1 yesterday, 1 the day before and 1 a week back, the third 1 a week back, on the
 * section's + buttons and its Previous day. A figure that ignores its period, or mixes the records
 * up, shows other numbers; the most is not the first record's, so a ranking must be sorted.
 */
function countsScenario(plan: TPlan, entity: TPlanEntity, grouping: Grouping, measure: Measure, where: TCondition[]): Scenario | null {
  const counter = plan.pages.flatMap((p) => (p.sections ?? []).map((section) => ({ page: p, section }))).find(({ section }) => section.type === "checkins" && section.mode === "count" && section.logEntity === entity.name && !section.slotsField);
  if (!counter || counter.section.type !== "checkins" || entity.initialRecords?.length) return null;
  const checkins = counter.section;
  const how = groupingPlan(plan, entity, grouping);
  const dateField = entity.fields.find((f) => f.type === "date");
  const countField = entity.fields.find((f) => f.name === "count" && f.type === "number") ?? entity.fields.find((f) => f.type === "number");
  if (!how || how.kind !== "parent" || how.parent.name !== checkins.entity || how.parent.initialRecords?.length || !dateField || !countField) return null;
  if (measure.agg !== "count" && !(measure.of && "field" in measure.of && measure.of.field === countField.name)) return null;
  // Only a period on the log's date can be met by the days counted.
  const period = where.find((c) => c.field === dateField.name && c.op === "inRange")?.period;
  if (where.some((c) => !(c.field === dateField.name && c.op === "inRange"))) return null;
  const today = fixedToday;
  const [a, b, c] = how.titles as [string, string, string];
  const back = period ? (outsideRange(period) ?? -7) : -7;
  const counts: Array<{ title: string; day: number; n: number }> = [
    { title: a, day: 0, n: 2 }, { title: b, day: 0, n: 1 }, { title: b, day: -1, n: 1 }, { title: b, day: -2, n: 1 }, { title: b, day: back, n: 1 }, { title: c, day: back, n: 1 },
  ];
  const records: Planned[] = counts.map(({ title, day, n }) => ({ values: {}, group: title, counted: !period || inRange(addDaysIso(today, day), period, today), amount: n }));
  const within = sectionTitleOf(checkins, plan);
  const enter = (walk: Walk): boolean => {
    walk.goto(counter.page.path);
    let shown = 0;
    for (const { title, day, n } of counts) {
      for (; shown > day; shown--) walk.add({ action: "click", role: "button", name: "Previous day", within });
      for (let i = 0; i < n; i++) walk.add({ action: "click", role: "button", name: addOneName(title), within });
    }
    // Back to today, as a user leaves it.
    if (shown !== 0) walk.add({ action: "click", role: "button", name: "Today", within });
    return true;
  };
  const when = (day: number) => (day === 0 ? "today" : `on ${bucketLabel(addDaysIso(today, day), "day")}`);
  const story = `On "${within}", count ${counts.map(({ title, day, n }) => `${title} ${n} ${when(day)}`).join(", ")}`;
  return { records, newParents: how.created.length ? { entity: how.parent, titles: how.created } : null, scaleParents: null, scale: null, enter, story, fixedGroups: how.titles, order: (labels) => labels, today, field: countField, what: singularLabel(how.parent.name).toLowerCase() };
}

/** The groups a figure shows after the scenario, in order, with their aggregate. */
function expectedGroups(scenario: Scenario, agg: Agg, includeEmpty: boolean): { label: string; value: number | null; count: number }[] {
  const counted = scenario.records.filter((r) => r.counted);
  const found = [...new Set(counted.map((r) => r.group))];
  const labels = includeEmpty && scenario.fixedGroups ? scenario.fixedGroups : scenario.fixedGroups ? scenario.fixedGroups.filter((g) => found.includes(g)) : scenario.order(found);
  return labels.map((label) => {
    const mine = counted.filter((r) => r.group === label);
    return { label, value: expectedAggregate(agg, mine.map((r) => r.amount)), count: mine.length };
  });
}

/** The steps that enter the scenario's records (parents first); null when the forms cannot take them. */
function enterScenario(walk: Walk, plan: TPlan, entity: TPlanEntity, scenario: Scenario): boolean {
  if (scenario.scaleParents && !addRecords(walk, plan, scenario.scaleParents.entity, scenario.scaleParents.records, scenario.today)) return false;
  if (scenario.newParents) {
    const { entity: parent, titles } = scenario.newParents;
    const titleField = parent.fields[0]!;
    if (!addRecords(walk, plan, parent, titles.map((t) => ({ values: { [titleField.name]: t } })), scenario.today)) return false;
  }
  if (scenario.enter) return scenario.enter(walk);
  return addRecords(walk, plan, entity, scenario.records.map((r) => ({ values: r.values, ...(r.parents ? { parents: r.parents } : {}) })), scenario.today);
}

const clockAt = (today: string | undefined) => (today ? `${today}T10:00` : undefined);

function describeRecords(entity: TPlanEntity, scenario: Scenario, format: string | undefined): string {
  if (scenario.story) return scenario.story;
  const scaled = (r: Planned) => `${scaledEntries[r.amount]!.value} of ${scaledEntries[r.amount]!.whole} (${show(r.amount, format, scenario.field)})`;
  const shown = (r: Planned) => `${r.group}${scenario.scale ? ` ${scaled(r)}` : scenario.field ? ` ${show(r.amount, format, scenario.field)}` : ""}`;
  const inside = scenario.records.filter((r) => r.counted).map(shown);
  const outside = scenario.records.filter((r) => !r.counted).map(shown);
  return `Add ${entity.pluralLabel.toLowerCase()} ${inside.join(", ")}${outside.length ? ` and one it must leave out (${outside.join(", ")})` : ""}`;
}

// ─── Chart ─────────────────────────────────────────────────────────────────────

export const chartChecks: SectionCheckGenerator<"chart"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const entity = plan.entities.find((e) => e.name === section.entity);
  if (!entity) return [];
  const measure: Measure = { agg: section.measure.agg, of: section.measure.of, format: section.measure.format };
  const isRound = section.chartType === "pie" || section.chartType === "donut";
  const scenario = groupedScenario(plan, entity, section.groupBy, measure, section.where ?? [], section.period, !isRound);
  if (!scenario) return [];
  const walk = new Walk(clockAt(scenario.today));
  const name = sectionTitleOf(section, plan);
  // Before any record: a pie has no slices (an empty state, not a 0 % slice).
  if (isRound) walk.goto(page.path).add({ action: "expectChart", name, segmentCount: 0 });
  if (!enterScenario(walk, plan, entity, scenario)) return [];
  const groups = expectedGroups(scenario, measure.agg, !isRound).filter((g) => !isRound || (g.value ?? 0) > 0);
  const total = groups.reduce((sum, g) => sum + Math.max(0, g.value ?? 0), 0);
  const withShare = measure.agg === "count" || measure.agg === "sum";
  const segments = groups
    .filter((g) => g.count > 0)
    .map((g) => ({ label: g.label, value: show(g.value, measure.format, scenario.field), ...(withShare && total > 0 ? { share: `${Math.round((100 * Math.max(0, g.value ?? 0)) / total)}%` } : {}) }));
  walk.goto(page.path).add({ action: "expectChart", name, chartType: section.chartType, segments, ...(isRound ? { segmentCount: groups.length } : {}) });
  const reads = segments.map((s) => `${s.label}: ${s.value}${s.share ? ` (${s.share})` : ""}`).join(", ");
  const description = `${describeRecords(entity, scenario, measure.format)}: the ${section.chartType} chart "${name}" shows ${reads}${isRound ? " and nothing else" : ""}`;
  const made = check(`chart-${slug(name)}`, description, section.requirementIds, walk.steps);
  return made ? [made] : [];
};

// ─── Group table ───────────────────────────────────────────────────────────────

export const groupTableChecks: SectionCheckGenerator<"groupTable"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const entity = plan.entities.find((e) => e.name === section.entity);
  if (!entity || !section.measures.length) return [];
  // The records carry amounts of the field the measures add up (one field for all of them), or
  // one percentage of the most each can be.
  const scaled = section.measures.length === 1 ? percentScale(plan, entity, section.measures[0]!.of) : null;
  const fields = section.measures.map((m) => (scaled ? scaled.value : measuredField(entity, m.agg, m.of)));
  const valued = section.measures.find((_, i) => fields[i]) ?? section.measures[0]!;
  if (fields.some((f) => f === null) || new Set(fields.filter(Boolean)).size > 1) return [];
  const measure = { agg: valued.agg, of: valued.of, format: valued.format };
  // A log without an add form may be counted on a check-ins section.
  const scenario = addTarget(plan, entity.name) ? groupedScenario(plan, entity, section.groupBy, measure, section.where ?? [], undefined, false) : countsScenario(plan, entity, section.groupBy, measure, section.where ?? []);
  if (!scenario) return [];
  const walk = new Walk(clockAt(scenario.today));
  if (!enterScenario(walk, plan, entity, scenario)) return [];
  const includeEmpty = section.includeEmptyGroups !== false;
  let rows = expectedGroups(scenario, "count", includeEmpty).map((g) => {
    const amounts = scenario.records.filter((r) => r.counted && r.group === g.label).map((r) => r.amount);
    const values = section.measures.map((m) => expectedAggregate(m.agg, m.agg === "count" ? amounts.map(() => 1) : amounts));
    return { label: g.label, values, cells: [g.label, ...values.map((v, i) => show(v, section.measures[i]!.format, fields[i]))] };
  });
  if (section.sort) {
    const at = section.sort.measure;
    const direction = section.sort.direction === "desc" ? -1 : 1;
    rows = rows.map((row, index) => ({ row, index })).sort((a, b) => {
      const x = a.row.values[at] ?? null;
      const y = b.row.values[at] ?? null;
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.index - b.index;
      return direction * (x - y) || a.index - b.index;
    }).map((entry) => entry.row);
  }
  if (section.limit) rows = rows.slice(0, section.limit);
  const within = sectionTitleOf(section, plan);
  walk.goto(page.path);
  for (const row of rows) walk.add({ action: "expectCount", role: "row", name: row.cells.join(" "), within, count: 1 });
  // One header row and one row per group: no group missing, none extra.
  walk.add({ action: "expectCount", role: "row", within, count: rows.length + 1 });
  if (section.sort && rows.length > 1) walk.add({ action: "expectOrder", texts: rows.map((r) => r.label), within });
  const empty = rows.filter((r) => !scenario.records.some((rec) => rec.counted && rec.group === r.label)).map((r) => r.label);
  const description = `${describeRecords(entity, scenario, valued.format)}: "${within}" has a row per ${scenario.what} — ${rows.map((r) => r.cells.join(" ")).join("; ")}${empty.length ? ` (${empty.join(", ")} with none)` : ""}`;
  const made = check(`group-table-${slug(within)}`, description, section.requirementIds, walk.steps);
  return made ? [made] : [];
};

// ─── Stats ─────────────────────────────────────────────────────────────────────

/** A check per figure that totals records the user adds: it starts empty, and follows each record that counts (and only those). */
export const statsChecks: SectionCheckGenerator<"stats"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const within = sectionTitleOf(section, plan);
  const checks: TAcceptanceCheckInput[] = [];
  for (const item of section.items) {
    const value = item.value;
    if (!("agg" in value) || value.agg === "streak") continue;
    const entity = plan.entities.find((e) => e.name === value.entity);
    if (!entity || entity.initialRecords?.length) continue;
    const agg = value.agg;
    const field = measuredField(entity, agg, value.of);
    const amounts = amountsFor(field ?? undefined);
    const sides = passAndFail(value.where ?? [], entity);
    if (field === null || !amounts || !sides) continue;
    const record = (values: Record<string, FieldValue>, amount: number): NewRecord => ({ values: { ...values, ...(field ? { [field.name]: amount } : {}) } });
    const expect = (amountsIn: number[]): TCheckStep => ({ action: "expectValue", label: item.label, value: show(expectedAggregate(agg, amountsIn), item.format, field), within });
    const walk = new Walk();
    const counter = { n: 1 };
    walk.goto(page.path).add(expect([]));
    const firstBatch = [record(sides.pass, amounts.big), ...(sides.fail ? [record(sides.fail, amounts.outside)] : [])];
    if (!addRecords(walk, plan, entity, firstBatch, undefined, counter)) continue;
    walk.goto(page.path).add(expect([amounts.big]));
    if (!addRecords(walk, plan, entity, [record(sides.pass, amounts.small)], undefined, counter)) continue;
    walk.goto(page.path).add(expect([amounts.big, amounts.small]));
    const after = (list: number[]) => show(expectedAggregate(agg, list), item.format, field);
    const description = `"${item.label}" reads ${after([])} with no ${entity.pluralLabel.toLowerCase()}, ${after([amounts.big])} after adding one${sides.fail ? " (and one it must not count)" : ""}, ${after([amounts.big, amounts.small])} after another`;
    const made = check(`stats-${slug(item.label)}`, description, item.requirementIds?.length ? item.requirementIds : section.requirementIds, walk.steps);
    if (made) checks.push(made);
  }
  return checks;
};

export const figuresCheckGenerators = {
  stats: statsChecks,
  groupTable: groupTableChecks,
  chart: chartChecks,
} satisfies { [T in TSection["type"]]?: SectionCheckGenerator<T> };
