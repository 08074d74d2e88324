// Values that pass and fail a section's conditions (app-spec.ts conditionOps), for checks that
// add one record a filtered view must show and one it must not: "due yesterday, not returned"
// shows under "Overdue loans", "due today" does not. Miss values sit just across the boundary,
// so an off-by-one in the app fails the check. A condition on a computed "date + every N days"
// (a plant's next watering) gets whole records: one due exactly today, and misses due tomorrow
// or far off with a long interval; one on a next birthday gets a birthday today, yesterday and
// past the period; one comparing two numbers of the record gets records on both sides of it and
// on its boundary. Conditions on parents, other computed values or plain anniversary ops get no
// values (null): those views are left to other checks.
import type { TCondition, TValueExpr } from "~/server/plan/app-spec";
import type { TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import type { Sample, Values } from "./record-samples";

export type ConditionValues = { field: TPlanField; match: Sample; miss: Sample };

const day = (offset: number): string => (offset === 0 ? "{{today}}" : offset > 0 ? `{{today+${offset}}}` : `{{today${offset}}}`);

/** A value that satisfies the condition and one that does not, or null when this cannot be said. */
export function conditionValues(condition: TCondition, entity: TPlanEntity): ConditionValues | null {
  const field = entity.fields.find((f) => f.name === condition.field);
  if (!field || condition.valueField) return null;
  const options = field.options ?? [];
  const other = (values: unknown[]) => options.find((o) => !values.includes(o));
  const n = typeof condition.value === "number" ? condition.value : Number(condition.value);
  const days = condition.days ?? 0;
  const result = (match: Sample | undefined, miss: Sample | undefined) => (match === undefined || miss === undefined ? null : { field, match, miss });
  switch (condition.op) {
    case "beforeToday":
      return field.type === "date" ? result(day(-1), day(0)) : null;
    case "onOrBeforeToday":
      return field.type === "date" ? result(day(0), day(1)) : null;
    case "isToday":
      return field.type === "date" ? result(day(0), day(-1)) : null;
    case "afterToday":
      return field.type === "date" ? result(day(1), day(0)) : null;
    case "olderThanDays":
      return field.type === "date" ? result(day(-(days + 1)), day(-Math.max(0, days - 1))) : null;
    case "withinNextDays":
      return field.type === "date" ? result(day(Math.min(1, days)), day(days + 2)) : null;
    case "isTrue":
      return field.type === "boolean" ? result(true, false) : null;
    case "isFalse":
      return field.type === "boolean" ? result(false, true) : null;
    case "eq":
      if (field.type === "boolean") return result(condition.value === true, condition.value !== true);
      if (field.type === "enum" && !field.multiple && typeof condition.value === "string") return result(condition.value, other([condition.value]));
      if (isNumeric(field) && Number.isFinite(n)) return result(n, n + 1);
      return null;
    case "neq":
      if (field.type === "enum" && !field.multiple && typeof condition.value === "string") return result(other([condition.value]), condition.value);
      return null;
    case "in":
    case "notIn": {
      if (field.type !== "enum" || field.multiple || !Array.isArray(condition.value)) return null;
      const listed = condition.value.map(String).filter((v) => options.includes(v));
      const inside = listed[0];
      const outside = other(condition.value);
      return condition.op === "in" ? result(inside, outside) : result(outside, inside);
    }
    case "lt":
    case "lte":
    case "gt":
    case "gte": {
      if (!isNumeric(field) || !Number.isFinite(n)) return null;
      const [match, miss] = { lt: [n - 1, n], lte: [n, n + 1], gt: [n + 1, n], gte: [n, n - 1] }[condition.op];
      return result(match, miss);
    }
    case "isEmpty":
      return field.type === "string" || field.type === "text" ? result("", "Filled in") : null;
    case "notEmpty":
      return field.type === "string" || field.type === "text" ? result("Filled in", "") : null;
    case "contains":
      return typeof condition.value === "string" && (field.type === "string" || field.type === "text") ? result(`With ${condition.value}`, "Without it") : null;
    case "inRange": {
      // Today is in every period that ends today; the miss lies far enough back to be outside
      // it whatever today is (40 days back is never this month, 8 never this week).
      if (field.type !== "date" || !condition.period) return null;
      const n = condition.period.n;
      const missBack: Partial<Record<string, number>> = { today: 1, thisWeek: 8, thisMonth: 40, thisYear: 400, lastNDays: n ?? 7, lastNWeeks: 7 * ((n ?? 4) + 1), lastNMonths: 31 * ((n ?? 3) + 1) };
      const back = missBack[condition.period.range];
      return back === undefined ? null : result(day(0), day(-back));
    }
    default:
      return null;
  }
}

function isNumeric(field: TPlanField): boolean {
  return field.type === "number" || field.type === "money" || field.type === "rating";
}

/** Values of whole records that pass a condition, and records that each fail it. */
type ConditionSamples = { match: Values; misses: Values[] };

/**
 * A computed value that is a date plus a number of days ("last watered" + "every (days)"): the
 * names of its two fields, or null for any other expression.
 */
export function datePlusDays(computedName: string, entity: TPlanEntity): { date: string; days: string } | null {
  const computed = entity.computed?.find((c) => c.name === computedName);
  const expr: TValueExpr | undefined = computed?.expr;
  if (!expr || !("op" in expr) || expr.op !== "add") return null;
  const [a, b] = expr.args.map((arg) => ("field" in arg ? entity.fields.find((f) => f.name === arg.field) : undefined));
  if (a?.type === "date" && b?.type === "number") return { date: a.name, days: b.name };
  if (b?.type === "date" && a?.type === "number") return { date: b.name, days: a.name };
  return null;
}

/** Whether a date `offset` days from today passes a relative date op; null for the others. */
function dateOpHolds(condition: TCondition, offset: number): boolean | null {
  const days = condition.days ?? 0;
  const table: Partial<Record<TCondition["op"], boolean>> = {
    beforeToday: offset < 0,
    onOrBeforeToday: offset <= 0,
    isToday: offset === 0,
    afterToday: offset > 0,
    olderThanDays: -offset > days,
    withinNextDays: offset >= 0 && offset <= days,
  };
  return table[condition.op] ?? null;
}

const offsetOf = (sample: Sample | undefined): number | null => {
  const match = typeof sample === "string" ? /^\{\{today(?:([+-]\d+))?\}\}$/.exec(sample) : null;
  return match ? Number(match[1] ?? 0) : null;
};

/**
 * Records for a date op on a "date + every N days" value. The match is due exactly on the
 * boundary (every 3 days, last done so that the next date is the op's match day); the misses sit
 * one day across it, and (where that is a miss) a long interval whose date is further back than
 * the match's, so an app that ignores the interval or counts one day off fails.
 */
function dueSamples(condition: TCondition, entity: TPlanEntity): ConditionSamples | null {
  const parts = datePlusDays(condition.field, entity);
  const dayField = parts && entity.fields.find((f) => f.name === parts.date);
  if (!parts || !dayField) return null;
  const plain = conditionValues({ ...condition, field: parts.date }, { ...entity, fields: [dayField] });
  const [match, miss] = [offsetOf(plain?.match), offsetOf(plain?.miss)];
  if (match === null || miss === null) return null;
  const record = (next: number, every: number): Values => ({ [parts.date]: day(next - every), [parts.days]: every });
  const misses = [record(miss, 3)];
  if (dateOpHolds(condition, match + 11) === false) misses.push(record(match + 11, 14));
  return { match: record(match, 3), misses };
}

/** The date field of a computed "next anniversary of a date" (a next birthday), or null. */
export function nextAnniversaryOf(computedName: string, entity: TPlanEntity): string | null {
  const expr: TValueExpr | undefined = entity.computed?.find((c) => c.name === computedName)?.expr;
  if (!expr || !("fn" in expr) || expr.fn !== "nextAnniversary" || !expr.args[0] || !("field" in expr.args[0])) return null;
  const name = expr.args[0].field;
  return entity.fields.some((f) => f.name === name && f.type === "date") ? name : null;
}

/**
 * Records for a period or span on a next birthday: one born on today's date (its next birthday is
 * today, inside every such period); one born yesterday (its next is a year away: an app that
 * reads the date itself, not its next anniversary, lists it); one whose date lies past the period
 * (the next month, week or span).
 */
function anniversarySamples(condition: TCondition, entity: TPlanEntity): ConditionSamples | null {
  const date = nextAnniversaryOf(condition.field, entity);
  if (!date) return null;
  const range = condition.period?.range;
  const later = condition.op === "inRange" && range === "thisMonth" ? "{{monthStart+40}}" : condition.op === "inRange" && range === "thisWeek" ? day(8) : condition.op === "withinNextDays" ? day((condition.days ?? 0) + 1) : null;
  if (!later && !(condition.op === "inRange" && range === "today")) return null;
  return { match: { [date]: day(0) }, misses: [{ [date]: day(-1) }, ...(later ? [{ [date]: later }] : [])] };
}

/**
 * Records for a comparison of two numbers of the record ("quantity < reorder level"): the match
 * is 3 against 5 (or on the boundary for ≤ and ≥); the misses sit on the boundary (or one past
 * it) and on the other side with small or large numbers (2 against 1, 30 against 40), so an app
 * that compares with a fixed number, or the wrong way round, or counts equal wrongly, fails.
 */
function comparedSamples(condition: TCondition, entity: TPlanEntity): ConditionSamples | null {
  const [left, right] = [condition.field, condition.valueField].map((name) => entity.fields.find((f) => f.name === name));
  if (!left || !right || ![left, right].every((f) => f.type === "number" || f.type === "money")) return null;
  const pair = (l: number, r: number): Values => ({ [left.name]: l, [right.name]: r });
  const table: Partial<Record<TCondition["op"], ConditionSamples>> = {
    lt: { match: pair(3, 5), misses: [pair(5, 5), pair(2, 1)] },
    lte: { match: pair(5, 5), misses: [pair(6, 5), pair(2, 1)] },
    gt: { match: pair(7, 5), misses: [pair(5, 5), pair(30, 40)] },
    gte: { match: pair(5, 5), misses: [pair(4, 5), pair(30, 40)] },
  };
  return table[condition.op] ?? null;
}

function samplesOf(condition: TCondition, entity: TPlanEntity): ConditionSamples | null {
  if (condition.valueField) return comparedSamples(condition, entity);
  const plain = conditionValues(condition, entity);
  // "Today's walks" leave out tomorrow's too, not only yesterday's.
  const later = plain && condition.op === "isToday" ? [{ [plain.field.name]: day(1) }] : [];
  if (plain) return { match: { [plain.field.name]: plain.match }, misses: [{ [plain.field.name]: plain.miss }, ...later] };
  return dueSamples(condition, entity) ?? anniversarySamples(condition, entity);
}

/** The record's own fields a condition reads (a computed value's inputs), for what an action changes. */
export function conditionInputs(condition: TCondition, entity: TPlanEntity): string[] {
  const parts = datePlusDays(condition.field, entity);
  const anniversary = nextAnniversaryOf(condition.field, entity);
  return parts ? [parts.date, parts.days] : anniversary ? [anniversary] : [condition.field];
}

/**
 * Whether a record's sample values pass a condition on a "date + every N days" value; null when
 * the condition is on anything else or the values are not date tokens and numbers.
 */
export function computedConditionHolds(condition: TCondition, values: Values, entity: TPlanEntity): boolean | null {
  const parts = datePlusDays(condition.field, entity);
  if (!parts) return null;
  const from = offsetOf(values[parts.date]);
  const every = Number(values[parts.days]);
  if (from === null || !Number.isFinite(every)) return null;
  return dateOpHolds(condition, from + every);
}

/**
 * Values passing every condition, and per condition variants failing only that one; null when
 * any condition cannot be given values.
 */
export function viewValues(conditions: TCondition[] | undefined, entity: TPlanEntity): { match: Values; misses: Values[] } | null {
  const match: Values = {};
  const misses: Values[] = [];
  const all = (conditions ?? []).map((c) => samplesOf(c, entity));
  if (all.some((v) => v === null)) return null;
  for (const v of all) Object.assign(match, v!.match);
  for (const v of all) for (const miss of v!.misses) misses.push({ ...match, ...miss });
  return { match, misses };
}
