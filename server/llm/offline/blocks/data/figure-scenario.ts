// The records a figure check adds, and what the figure must then show, worked out here on their
// own (not by the app's expression engine, which is what the check tests): records that pass the
// figure's conditions and period, and one that fails them, so a figure that ignores its period or
// its conditions shows the wrong numbers.
import type { dateRanges, TCondition } from "~/server/plan/app-spec";
import type { TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { addDaysIso, type FieldValue } from "./add-record-steps";

export type Agg = "count" | "sum" | "avg" | "min" | "max";
export type TDateRange = { range: (typeof dateRanges)[number]; n?: number };

/** Values for one field that make a condition true (`pass`) and false (`fail`); null when this cannot be done from the form. */
type Sides = { pass: FieldValue | null; fail: FieldValue | null };

const days = (n: number): FieldValue => ({ daysFromToday: n });

/** A date `range` does not include (relative to today), or null for "all". */
export function outsideRange(period: TDateRange): number | null {
  const n = period.n;
  switch (period.range) {
    case "today":
      return -1;
    case "thisWeek":
      return -7;
    // 40 days back is always in an earlier month; 400 in an earlier year.
    case "thisMonth":
      return -40;
    case "thisYear":
      return -400;
    case "lastNDays":
      return -(n ?? 7);
    case "lastNWeeks":
      return -7 * (n ?? 4);
    case "lastNMonths":
      return -31 * (n ?? 3) - 1;
    case "all":
      return null;
  }
}

const weekStart = (iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDaysIso(iso, -weekday);
};
const monthIndex = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** Whether `iso` is in `period` when today is `today` (weeks start Monday; lastN* count the current one). */
export function inRange(iso: string, period: TDateRange, today: string): boolean {
  const n = period.n;
  switch (period.range) {
    case "all":
      return true;
    case "today":
      return iso === today;
    case "thisWeek":
      return weekStart(iso) === weekStart(today);
    case "thisMonth":
      return iso.slice(0, 7) === today.slice(0, 7);
    case "thisYear":
      return iso.slice(0, 4) === today.slice(0, 4);
    case "lastNDays":
      return iso <= today && iso >= addDaysIso(today, -((n ?? 7) - 1));
    case "lastNWeeks":
      return iso <= today && iso >= addDaysIso(weekStart(today), -7 * ((n ?? 4) - 1));
    case "lastNMonths":
      return iso <= today && monthIndex(iso) >= monthIndex(today) - ((n ?? 3) - 1);
  }
}

function otherOption(field: TPlanField, not: unknown[]): string | null {
  const lower = not.map((v) => String(v).toLowerCase());
  return field.options?.find((o) => !lower.includes(o.toLowerCase())) ?? null;
}

function numberSides(field: TPlanField, op: string, v: number): Sides {
  const inBounds = (x: number) => (field.min === undefined || x >= field.min) && (field.max === undefined || x <= field.max);
  const above = v + 5;
  const below = v - 5;
  const pick = (x: number) => (inBounds(x) ? x : null);
  switch (op) {
    case "gt":
    case "gte":
      return { pass: pick(above), fail: pick(below) };
    case "lt":
    case "lte":
      return { pass: pick(below), fail: pick(above) };
    default:
      return { pass: null, fail: null };
  }
}

/** How to make one condition true and false by what is typed into the form. */
export function conditionSides(condition: TCondition, entity: TPlanEntity): Sides {
  const none: Sides = { pass: null, fail: null };
  if (condition.valueField || condition.field.includes(".")) return none;
  const field = entity.fields.find((f) => f.name === condition.field);
  if (!field || (field.type === "enum" && field.multiple)) return none;
  const value = condition.value;
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const isEnum = field.type === "enum";
  const isNumber = field.type === "number" || field.type === "money" || field.type === "rating";
  switch (condition.op) {
    case "eq":
    case "in": {
      if (!list.length) return none;
      if (field.type === "boolean") return { pass: list[0] === true || list[0] === "true", fail: !(list[0] === true || list[0] === "true") };
      if (isEnum) return { pass: String(list[0]), fail: otherOption(field, list) };
      if (isNumber) return typeof list[0] === "number" ? { pass: list[0], fail: list[0] + 1 } : none;
      return { pass: String(list[0]), fail: `${String(list[0])} not` };
    }
    case "neq":
    case "notIn": {
      if (!list.length) return none;
      if (field.type === "boolean") return { pass: !(list[0] === true || list[0] === "true"), fail: list[0] === true || list[0] === "true" };
      if (isEnum) return { pass: otherOption(field, list), fail: String(list[0]) };
      if (isNumber) return typeof list[0] === "number" ? { pass: list[0] + 1, fail: list[0] } : none;
      return { pass: `${String(list[0])} not`, fail: String(list[0]) };
    }
    case "isTrue":
      return field.type === "boolean" ? { pass: true, fail: false } : none;
    case "isFalse":
      return field.type === "boolean" ? { pass: false, fail: true } : none;
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return isNumber && typeof value === "number" ? numberSides(field, condition.op, value) : none;
    case "notEmpty":
      return field.required ? none : { pass: isEnum ? (field.options?.[0] ?? null) : isNumber ? 5 : field.type === "date" ? days(0) : "Something", fail: null };
    case "beforeToday":
      return field.type === "date" ? { pass: days(-3), fail: days(3) } : none;
    case "onOrBeforeToday":
      return field.type === "date" ? { pass: days(0), fail: days(3) } : none;
    case "isToday":
      return field.type === "date" ? { pass: days(0), fail: days(-1) } : none;
    case "afterToday":
      return field.type === "date" ? { pass: days(3), fail: days(-1) } : none;
    case "olderThanDays":
      return field.type === "date" && condition.days !== undefined ? { pass: days(-(condition.days + 5)), fail: days(0) } : none;
    case "withinNextDays":
      return field.type === "date" && condition.days !== undefined ? { pass: days(0), fail: days(condition.days + 5) } : none;
    case "inRange": {
      if (field.type !== "date" || !condition.period) return none;
      const outside = outsideRange(condition.period);
      return { pass: days(0), fail: outside === null ? null : days(outside) };
    }
    default:
      return none;
  }
}

/**
 * Field values that pass every condition, and values that fail exactly one (the first that can
 * be failed: the period when there is one, as that is what "this month" asks). Null when some
 * condition cannot be met from the form.
 */
export function passAndFail(conditions: TCondition[], entity: TPlanEntity): { pass: Record<string, FieldValue>; fail: Record<string, FieldValue> | null } | null {
  const pass: Record<string, FieldValue> = {};
  const sides = conditions.map((c) => ({ condition: c, sides: conditionSides(c, entity) }));
  for (const { condition, sides: s } of sides) {
    if (s.pass === null) return null;
    if (pass[condition.field] !== undefined && JSON.stringify(pass[condition.field]) !== JSON.stringify(s.pass)) return null;
    pass[condition.field] = s.pass;
  }
  const failing = [...sides].sort((a, b) => Number(b.condition.op === "inRange") - Number(a.condition.op === "inRange")).find(({ sides: s }) => s.fail !== null);
  // A failing value that another condition on the same field needs is no failure of one condition.
  const fail = failing && conditions.filter((c) => c.field === failing.condition.field).length === 1 ? { ...pass, [failing.condition.field]: failing.sides.fail! } : null;
  return { pass, fail };
}

/** The aggregate the check expects, computed over the values it entered. */
export function expectedAggregate(agg: Agg, values: number[]): number | null {
  if (agg === "count") return values.length;
  if (agg === "sum") return values.reduce((a, b) => a + b, 0);
  if (!values.length) return null;
  if (agg === "avg") return values.reduce((a, b) => a + b, 0) / values.length;
  return agg === "min" ? Math.min(...values) : Math.max(...values);
}

/** Amounts to enter for the measured field: within its bounds, and different enough to tell groups apart. */
export function amountsFor(field: TPlanField | undefined): { big: number; small: number; other: number; outside: number } | null {
  if (!field) return { big: 20, small: 10, other: 10, outside: 50 };
  const lo = field.min ?? (field.type === "rating" ? 1 : -Infinity);
  const hi = field.max ?? (field.type === "rating" ? 5 : Infinity);
  const base = { big: 20, small: 10, other: 10, outside: 50 };
  if (Object.values(base).every((v) => v >= lo && v <= hi)) return base;
  const small = { big: 4, small: 2, other: 3, outside: 5 };
  if (Object.values(small).every((v) => v >= lo && v <= hi)) return small;
  return null;
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The label of a date bucket, as the runtime documents them: "2 Mar 2026", "Week of 2 Mar", "Mar 2026", "2026". */
export function bucketLabel(iso: string, bucket: "day" | "week" | "month" | "year"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  switch (bucket) {
    case "day":
      return `${d} ${monthNames[m - 1]} ${y}`;
    case "week": {
      const monday = weekStart(iso);
      return `Week of ${Number(monday.slice(8, 10))} ${monthNames[Number(monday.slice(5, 7)) - 1]}`;
    }
    case "month":
      return `${monthNames[m - 1]} ${y}`;
    case "year":
      return String(y);
  }
}

/** Two dates in one bucket and one in the bucket before, relative to a fixed today (days from today). */
export function bucketOffsets(bucket: "day" | "week" | "month" | "year", today: string): { current: [number, number]; previous: number } {
  switch (bucket) {
    case "day":
      return { current: [0, 0], previous: -1 };
    case "week": {
      const sinceMonday = -Math.round((Date.parse(today) - Date.parse(weekStart(today))) / 86_400_000);
      return { current: [0, sinceMonday], previous: -7 };
    }
    case "month":
      return { current: [0, 1 - Number(today.slice(8, 10))], previous: -Number(today.slice(8, 10)) };
    case "year":
      return { current: [0, -(Math.round((Date.parse(today) - Date.parse(`${today.slice(0, 4)}-01-01`)) / 86_400_000))], previous: -400 };
  }
}
