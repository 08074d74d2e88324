// Values that pass and fail a section's conditions (app-spec.ts conditionOps), for checks that
// add one record a filtered view must show and one it must not: "due yesterday, not returned"
// shows under "Overdue loans", "due today" does not. Miss values sit just across the boundary,
// so an off-by-one in the app fails the check. Conditions on parents, computed values or
// anniversaries get no values (null): those views are left to other checks.
import type { TCondition } from "~/server/plan/app-spec";
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

/**
 * Values passing every condition, and per condition a variant failing only that one; null when
 * any condition cannot be given values.
 */
export function viewValues(conditions: TCondition[] | undefined, entity: TPlanEntity): { match: Values; misses: Values[] } | null {
  const match: Values = {};
  const misses: Values[] = [];
  const all = (conditions ?? []).map((c) => conditionValues(c, entity));
  if (all.some((v) => v === null)) return null;
  for (const v of all) match[v!.field.name] = v!.match;
  for (const v of all) misses.push({ ...match, [v!.field.name]: v!.miss });
  return { match, misses };
}
