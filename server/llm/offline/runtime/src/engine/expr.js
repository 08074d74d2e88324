// The app spec's small expression language (server/plan/app-spec.ts), evaluated against records:
// values, conditions, date ranges, groupings, aggregates, streaks and the display formats. Pure:
// no DOM, no clock of its own — "today" is the scope's (the page's clock, which QA may fake).
//
// Dates are LOCAL calendar dates "YYYY-MM-DD"; arithmetic on them counts calendar days (no time
// zones, no DST). ISO date-times (createdAt) count as their local date. Weeks start on Monday.
//
// Value rules:
// - Numbers from fields and numeric strings are numbers; true/false count as 1/0 in arithmetic.
// - add/sub treat a missing side as 0 (both missing → null); mul/div with a missing side → null;
//   division by zero → null (never NaN or Infinity); min/max ignore a missing side.
//   sub of two dates → days between them; add/sub of a date and a number → a date.
// - daysSince(d) = today − d in days; daysUntil(d) = d − today; yearsSince(d) = completed years
//   (an age); year(d) = its calendar year; dayOfMonth(d) = its day of the month (1–31); nextAnniversary(d) = the first day from today on with
//   d's month and day (a birthday's next date: today when it is today); round1/round2 round to 1/2 decimals; percent(part, whole) = 100 × part / whole
//   (null when whole is 0), percent(x) = 100 × x.
// - aggregate: count = number of records; sum = total of the numeric values (0 when none);
//   avg/min/max over the numeric values, null when there are none; streak = consecutive days
//   (or weeks) with ≥ 1 record ending today, or yesterday (last week) when today (this week)
//   has none yet.
// - Conditions compare case-insensitively and trimmed; "", null and [] are all empty (and equal);
//   numbers compare as numbers, dates as dates. On a multiple enum, eq/in/contains test membership.
//   olderThanDays n: more than n days before today; withinNextDays n: today … today + n.
//   Anniversaries ignore the year (29 Feb falls on 28 Feb in other years).
// - lastNDays/Weeks/Months count the current day/week/month and end today (n defaults: 7 days,
//   4 weeks, 3 months); thisWeek/thisMonth/thisYear are the whole calendar week/month/year.
//
// Formats (formatValue), fixed en-US so checks read the same everywhere. Empty values (null,
// undefined, "", NaN, []) → "—" in every format.
// - number: at most 2 decimals, trailing zeros dropped, "," thousands: 1234.5 → "1,234.5"
// - integer: rounded: 1234.5 → "1,235"
// - money: exactly 2 decimals, "," thousands: 1234.5 → "1,234.50"; a symbol unit ("$", "€", "£")
//   goes before: "$1,234.50", "-$3.00"; a word unit after: "12.50 EUR"; no unit, no symbol
// - number/integer with a unit: "12.5 kg"
// - percent: the value is already in percent, rounded: 25 → "25%", 33.4 → "33%"
// - minutes: 45 → "45 min", 90 → "1 h 30 min", 120 → "2 h", 12.5 → "12 min 30 s" (rounded to whole seconds)
// - hours: number rules + " h": 1.5 → "1.5 h"
// - date: "2026-03-02" → "2 Mar 2026" (date-times by their local date)
// - text: as is; lists joined with ", "; true/false → "Yes"/"No"
// - stars: rounded, clamped to 0…max (5): 3 → "★★★☆☆"
// Group labels: day "2 Mar 2026", week "Week of 2 Mar", month "Mar 2026", year "2026";
// records without a value gather in a last group "No <field>" ("No date" for date groupings).

import { parentField, recordTitle } from "./store.js";

/** @import { EntitySpec } from "./app-context" */
/** @import { Condition, DateRange, Grouping, Group, Scope, ValueExpr, Value, ValueFormat } from "./types" */

// ─── Calendar dates ─────────────────────────────────────────────────────────

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const dayMs = 86_400_000;
const pad = (n, width = 2) => String(n).padStart(width, "0");

/** A Date's local calendar date, "YYYY-MM-DD". */
export function toISODate(date) {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local date of a value: "YYYY-MM-DD" as is, an ISO date-time or a Date by its local date; else null. */
export function dayOf(value) {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toISODate(value);
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value.trim());
  if (!match) return null;
  if (match[4]) {
    const date = new Date(value.trim());
    return Number.isNaN(date.getTime()) ? null : toISODate(date);
  }
  const n = dayNumber(value.trim());
  return fromDayNumber(n) === value.trim() ? value.trim() : null;
}

/** Days since 1970-01-01 of a calendar date (UTC arithmetic: every day is 24 h). */
function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / dayMs);
}

function fromDayNumber(n) {
  const date = new Date(n * dayMs);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** "YYYY-MM-DD" plus `days` calendar days. */
export function addDays(iso, days) {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Calendar days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from, to) {
  return dayNumber(to) - dayNumber(from);
}

/** The Monday of the week of a date. */
export function weekStart(iso) {
  const n = dayNumber(iso);
  const weekday = (new Date(n * dayMs).getUTCDay() + 6) % 7;
  return fromDayNumber(n - weekday);
}

const monthIndex = (iso) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The date's month and day in `year` (29 Feb → 28 Feb in common years). */
function anniversaryIn(iso, year) {
  const md = iso.slice(5);
  return `${pad(year, 4)}-${md === "02-29" && !isLeap(year) ? "02-28" : md}`;
}

const todayIso = (today) => (typeof today === "string" ? dayOf(today) : toISODate(today instanceof Date ? today : new Date()));

/** "2026-03-02" → "2 Mar 2026". */
export function formatDate(iso) {
  const day = dayOf(iso);
  if (!day) return String(iso ?? "");
  return `${Number(day.slice(8))} ${monthNames[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(0, 4))}`;
}

/**
 * Whether a date falls in a range relative to today (weeks start Monday; lastN* count the
 * current day/week/month and end today).
 * @param {string | null | undefined} isoDate
 * @param {DateRange} period
 * @param {Date | string} today
 */
export function inDateRange(isoDate, period, today) {
  const range = period?.range || "all";
  if (range === "all") return true;
  const day = dayOf(isoDate);
  if (!day) return false;
  const now = todayIso(today);
  switch (range) {
    case "today":
      return day === now;
    case "thisWeek":
      return weekStart(day) === weekStart(now);
    case "thisMonth":
      return day.slice(0, 7) === now.slice(0, 7);
    case "thisYear":
      return day.slice(0, 4) === now.slice(0, 4);
    case "lastNDays":
      return day <= now && day >= addDays(now, -((period.n || 7) - 1));
    case "lastNWeeks":
      return day <= now && day >= addDays(weekStart(now), -7 * ((period.n || 4) - 1));
    case "lastNMonths":
      return day <= now && monthIndex(day) >= monthIndex(now) - ((period.n || 3) - 1);
    default:
      return false;
  }
}

// ─── Values ─────────────────────────────────────────────────────────────────

const isEmpty = (v) => v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0) || (typeof v === "number" && Number.isNaN(v));

/** A number from a value, or null: numbers, numeric strings, booleans as 1/0. */
export function toNumber(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const entityOf = (scope, name) => (scope?.spec?.entities || []).find((e) => e.name === name);

/**
 * A value of a record by path: a field, a computed value of the entity, a parent's field
 * ("Member.name"), or a parent itself ("Member" → its title).
 * @param {Record<string, unknown> | null} record
 * @param {string} path
 * @param {EntitySpec | null} entitySpec
 * @param {Scope} scope
 * @returns {unknown}
 */
export function fieldValue(record, path, entitySpec, scope) {
  if (!record || !path) return null;
  const dot = path.indexOf(".");
  if (dot > 0) {
    const parentName = path.slice(0, dot);
    const parentSpec = entityOf(scope, parentName);
    if (!parentSpec) return record[path] ?? null;
    const parentId = record[parentField(parentName)];
    const parent = typeof parentId === "string" && scope.store ? scope.store.get(parentName, parentId) : null;
    return fieldValue(parent, path.slice(dot + 1), parentSpec, scope);
  }
  const computed = entitySpec?.computed?.find((c) => c.name === path);
  if (computed && record[path] === undefined) return evaluate(/** @type {ValueExpr} */ (computed.expr), record, entitySpec, scope);
  if (record[path] === undefined && entitySpec?.belongsTo?.includes(path)) {
    const parentId = record[parentField(path)];
    const parent = typeof parentId === "string" && scope?.store ? scope.store.get(path, parentId) : null;
    return parent ? recordTitle(parent, entityOf(scope, path)) : null;
  }
  return record[path] ?? null;
}

// Computed values may refer to each other; a cycle in a plan must not hang the page.
let depth = 0;

/**
 * The value of an expression for a record (or at top level, record null).
 * @param {ValueExpr} expr
 * @param {Record<string, unknown> | null} record
 * @param {EntitySpec | null} entitySpec
 * @param {Scope} scope
 * @returns {Value}
 */
export function evaluate(expr, record, entitySpec, scope) {
  if (!expr || typeof expr !== "object" || depth > 32) return null;
  depth += 1;
  try {
    return evaluateNode(/** @type {any} */ (expr), record, entitySpec, scope);
  } finally {
    depth -= 1;
  }
}

function asValue(v) {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.join(", ");
  return String(v);
}

function evaluateNode(expr, record, entitySpec, scope) {
  if ("field" in expr) return asValue(fieldValue(record, expr.field, entitySpec, scope));
  if ("const" in expr) return asValue(expr.const);
  if ("today" in expr) return todayIso(scope?.today);
  if ("op" in expr) {
    const [a, b] = (expr.args || []).map((arg) => evaluate(arg, record, entitySpec, scope));
    return applyOp(expr.op, a, b);
  }
  if ("fn" in expr) {
    const args = (expr.args || []).map((arg) => evaluate(arg, record, entitySpec, scope));
    return applyFn(expr.fn, args, scope);
  }
  if ("agg" in expr) return evaluateAggregate(expr, record, entitySpec, scope);
  return null;
}

/** Rounds half up on the decimal digits as written (1.005 → 1.01, where 1.005 × 100 is 100.49999…). */
const round = (n, decimals) => {
  const shifted = String(n).includes("e") ? n * 10 ** decimals : Number(`${n}e${decimals}`);
  const r = String(n).includes("e") ? Math.round(shifted) / 10 ** decimals : Number(`${Math.round(shifted)}e-${decimals}`);
  return Object.is(r, -0) ? 0 : r;
};

function applyOp(op, a, b) {
  const dateA = typeof a === "string" ? dayOf(a) : null;
  const dateB = typeof b === "string" ? dayOf(b) : null;
  if (op === "sub" && dateA && dateB) return daysBetween(dateB, dateA);
  if ((op === "add" || op === "sub") && dateA && toNumber(b) !== null) return addDays(dateA, op === "add" ? toNumber(b) : -toNumber(b));
  if (op === "add" && dateB && toNumber(a) !== null) return addDays(dateB, toNumber(a));
  const x = toNumber(a);
  const y = toNumber(b);
  switch (op) {
    case "add":
      return x === null && y === null ? null : (x ?? 0) + (y ?? 0);
    case "sub":
      return x === null && y === null ? null : (x ?? 0) - (y ?? 0);
    case "mul":
      return x === null || y === null ? null : x * y;
    case "div":
      return x === null || y === null || y === 0 ? null : x / y;
    case "min":
      return x === null ? y : y === null ? x : Math.min(x, y);
    case "max":
      return x === null ? y : y === null ? x : Math.max(x, y);
    default:
      return null;
  }
}

function applyFn(fn, args, scope) {
  const [a, b] = args;
  const now = todayIso(scope?.today);
  switch (fn) {
    case "daysSince": {
      const day = dayOf(a);
      return day ? daysBetween(day, now) : null;
    }
    case "daysUntil": {
      const day = dayOf(a);
      return day ? daysBetween(now, day) : null;
    }
    case "yearsSince": {
      const day = dayOf(a);
      if (!day) return null;
      const years = Number(now.slice(0, 4)) - Number(day.slice(0, 4));
      return now.slice(5) < day.slice(5) ? years - 1 : years;
    }
    case "year": {
      const day = dayOf(a);
      return day ? Number(day.slice(0, 4)) : null;
    }
    case "dayOfMonth": {
      const day = dayOf(a);
      return day ? Number(day.slice(8, 10)) : null;
    }
    case "nextAnniversary": {
      const day = dayOf(a);
      if (!day) return null;
      const thisYear = anniversaryIn(day, Number(now.slice(0, 4)));
      return thisYear >= now ? thisYear : anniversaryIn(day, Number(now.slice(0, 4)) + 1);
    }
    case "round1":
    case "round2": {
      const n = toNumber(a);
      return n === null ? null : round(n, fn === "round1" ? 1 : 2);
    }
    case "percent": {
      const part = toNumber(a);
      if (args.length < 2) return part === null ? null : part * 100;
      const whole = toNumber(b);
      return part === null || whole === null || whole === 0 ? null : (100 * part) / whole;
    }
    default:
      return null;
  }
}

function evaluateAggregate(expr, record, entitySpec, scope) {
  const target = entityOf(scope, expr.entity);
  if (!target || !scope?.store) return expr.agg === "count" || expr.agg === "sum" || expr.agg === "streak" ? 0 : null;
  const ownsTarget = record && entitySpec && typeof record.id === "string" && (target.belongsTo || []).includes(entitySpec.name);
  const all = ownsTarget ? scope.store.children(expr.entity, entitySpec.name, /** @type {string} */ (record.id)) : scope.store.list(expr.entity);
  const records = expr.where?.length ? all.filter((r) => matches(expr.where, r, target, scope)) : all;
  if (expr.agg === "streak") {
    const dateField = expr.dateField || (expr.of && "field" in expr.of ? expr.of.field : "createdAt");
    return streakLength(records, dateField, expr.unit || "day", scope.today);
  }
  return aggregate(expr.agg, records, expr.of, target, scope);
}

/**
 * Consecutive days (or weeks) with at least one record, ending today (this week) — or yesterday
 * (last week) when today (this week) has none yet.
 * @param {Array<Record<string, unknown>>} records
 * @param {string} dateField
 * @param {"day" | "week"} unit
 * @param {Date | string} today
 */
export function streakLength(records, dateField, unit, today) {
  const step = unit === "week" ? 7 : 1;
  const bucket = (day) => (unit === "week" ? weekStart(day) : day);
  const done = new Set(records.map((r) => dayOf(r[dateField])).filter(Boolean).map(bucket));
  let current = bucket(todayIso(today));
  if (!done.has(current)) current = addDays(current, -step);
  let count = 0;
  while (done.has(current)) {
    count += 1;
    current = addDays(current, -step);
  }
  return count;
}

/**
 * An aggregate over records: count, sum (0 when empty), avg/min/max (null when no numeric value),
 * streak (of = the date field, by day).
 * @param {"count" | "sum" | "avg" | "min" | "max" | "streak"} op
 * @param {Array<Record<string, unknown>>} records
 * @param {ValueExpr | string | undefined} of
 * @param {EntitySpec | null} entitySpec
 * @param {Scope} scope
 * @returns {number | null}
 */
export function aggregate(op, records, of, entitySpec, scope) {
  if (op === "count") return records.length;
  if (op === "streak") {
    const dateField = typeof of === "string" ? of : of && "field" in of ? of.field : "createdAt";
    return streakLength(records, dateField, "day", scope?.today);
  }
  const valueOf = (r) => (typeof of === "string" ? fieldValue(r, of, entitySpec, scope) : of ? evaluate(of, r, entitySpec, scope) : null);
  const numbers = records.map((r) => toNumber(valueOf(r))).filter((n) => n !== null);
  switch (op) {
    case "sum":
      return numbers.reduce((total, n) => total + n, 0);
    case "avg":
      return numbers.length ? numbers.reduce((total, n) => total + n, 0) / numbers.length : null;
    case "min":
      return numbers.length ? Math.min(...numbers) : null;
    case "max":
      return numbers.length ? Math.max(...numbers) : null;
    default:
      return null;
  }
}

// ─── Conditions ─────────────────────────────────────────────────────────────

const text = (v) => String(v).trim().toLowerCase();

/** Equality as conditions mean it: empties equal, numbers by value, text case-insensitively. */
export function sameValue(a, b) {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (typeof a !== "boolean" && typeof b !== "boolean" && x !== null && y !== null) return x === y;
  return text(a) === text(b);
}

/** Ordering for conditions and sorting: numbers, dates, then text; null when either side is empty. */
function order(a, b) {
  if (isEmpty(a) || isEmpty(b)) return null;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== null && y !== null) return x - y;
  const da = dayOf(a);
  const db = dayOf(b);
  if (da && db) return da < db ? -1 : da > db ? 1 : 0;
  return String(a).localeCompare(String(b), "en", { sensitivity: "base", numeric: true });
}

/** A comparator for sorting values ascending, empties last. */
export function compareValues(a, b) {
  if (isEmpty(a)) return isEmpty(b) ? 0 : 1;
  if (isEmpty(b)) return -1;
  return order(a, b);
}

const listOf = (v) => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]);

function anniversaryDays(day, now) {
  const year = Number(now.slice(0, 4));
  return [year - 1, year, year + 1].map((y) => anniversaryIn(day, y));
}

/** Whether one condition holds for a record. */
function holds(condition, record, entitySpec, scope) {
  const left = fieldValue(record, condition.field, entitySpec, scope);
  const right = condition.valueField ? fieldValue(record, condition.valueField, entitySpec, scope) : condition.value;
  const now = todayIso(scope?.today);
  const day = dayOf(left);
  switch (condition.op) {
    case "eq":
      return Array.isArray(left) && !Array.isArray(right) ? left.some((v) => sameValue(v, right)) : sameValue(left, right);
    case "neq":
      return Array.isArray(left) && !Array.isArray(right) ? !left.some((v) => sameValue(v, right)) : !sameValue(left, right);
    case "lt":
    case "lte":
    case "gt":
    case "gte": {
      const c = order(left, right);
      if (c === null) return false;
      return condition.op === "lt" ? c < 0 : condition.op === "lte" ? c <= 0 : condition.op === "gt" ? c > 0 : c >= 0;
    }
    case "in":
      return listOf(left).some((v) => listOf(right).some((w) => sameValue(v, w)));
    case "notIn":
      return !listOf(left).some((v) => listOf(right).some((w) => sameValue(v, w)));
    case "contains":
      if (Array.isArray(left)) return left.some((v) => sameValue(v, right));
      return !isEmpty(left) && !isEmpty(right) && text(left).includes(text(right));
    case "isTrue":
      return left === true || left === "true";
    case "isFalse":
      return !(left === true || left === "true");
    case "isEmpty":
      return isEmpty(left);
    case "notEmpty":
      return !isEmpty(left);
    case "beforeToday":
      return day !== null && day < now;
    case "onOrBeforeToday":
      return day !== null && day <= now;
    case "isToday":
      return day === now;
    case "afterToday":
      return day !== null && day > now;
    case "inRange":
      return day !== null && inDateRange(day, condition.period || { range: "all" }, now);
    case "olderThanDays":
      return day !== null && daysBetween(day, now) > (condition.days ?? 0);
    case "withinNextDays": {
      if (day === null) return false;
      const until = daysBetween(now, day);
      return until >= 0 && until <= (condition.days ?? 0);
    }
    case "anniversaryInRange":
      return day !== null && anniversaryDays(day, now).some((d) => inDateRange(d, condition.period || { range: "all" }, now));
    case "anniversaryWithinDays":
      return (
        day !== null &&
        anniversaryDays(day, now).some((d) => {
          const until = daysBetween(now, d);
          return until >= 0 && until <= (condition.days ?? 0);
        })
      );
    default:
      return false;
  }
}

/**
 * Whether a record passes all conditions (none → true).
 * @param {Condition[] | undefined} conditions
 * @param {Record<string, unknown>} record
 * @param {EntitySpec | null} entitySpec
 * @param {Scope} scope
 */
export function matches(conditions, record, entitySpec, scope) {
  return (conditions || []).every((condition) => holds(condition, record, entitySpec, scope));
}

// ─── Groups ─────────────────────────────────────────────────────────────────

const bucketOf = {
  day: { key: (d) => d, label: (k) => formatDate(k), next: (k) => addDays(k, 1) },
  week: { key: (d) => weekStart(d), label: (k) => `Week of ${Number(k.slice(8))} ${monthNames[Number(k.slice(5, 7)) - 1]}`, next: (k) => addDays(k, 7) },
  month: {
    key: (d) => d.slice(0, 7),
    label: (k) => `${monthNames[Number(k.slice(5, 7)) - 1]} ${Number(k.slice(0, 4))}`,
    next: (k) => {
      const i = monthIndex(`${k}-01`) + 1;
      return `${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1)}`;
    },
  },
  year: { key: (d) => d.slice(0, 4), label: (k) => String(Number(k)), next: (k) => pad(Number(k) + 1, 4) },
};

/**
 * Records in groups, in a stable order: enum options in their order (then values no option has),
 * Yes/No, parents in their stored order, date buckets chronologically, other values ascending;
 * records without a value last. includeEmpty: every option/parent, and date buckets without
 * records between the first and the last.
 * @param {Array<Record<string, unknown>>} records
 * @param {Grouping} grouping
 * @param {EntitySpec | null} entitySpec
 * @param {Scope} scope
 * @param {{ includeEmpty?: boolean }} [options]
 * @returns {Group[]}
 */
export function groupRecords(records, grouping, entitySpec, scope, options = {}) {
  const includeEmpty = Boolean(options.includeEmpty);
  /** @type {Map<string, Group>} */
  const groups = new Map();
  const add = (key, label, record) => {
    if (!groups.has(key)) groups.set(key, { key, label, records: [] });
    if (record) groups.get(key).records.push(record);
  };
  /** @type {Array<Record<string, unknown>>} */
  const none = [];
  const finish = (noneLabel) => {
    const list = [...groups.values()].filter((g) => includeEmpty || g.records.length > 0);
    if (none.length) list.push({ key: "", label: noneLabel, records: none });
    return list;
  };

  if ("dateField" in grouping) {
    const bucket = bucketOf[grouping.bucket] || bucketOf.day;
    for (const record of records) {
      const day = dayOf(fieldValue(record, grouping.dateField, entitySpec, scope));
      if (!day) none.push(record);
      else add(bucket.key(day), bucket.label(bucket.key(day)), record);
    }
    const keys = [...groups.keys()].sort();
    if (includeEmpty && keys.length > 1) {
      const last = keys[keys.length - 1];
      for (let k = bucket.next(keys[0]), guard = 0; k < last && guard < 1000; k = bucket.next(k), guard += 1) add(k, bucket.label(k), null);
    }
    const sorted = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    groups.clear();
    for (const g of sorted) groups.set(g.key, g);
    return finish("No date");
  }

  const path = grouping.field;
  const parentName = (entitySpec?.belongsTo || []).find((p) => p === path || parentField(p) === path);
  if (parentName) {
    const parentSpec = entityOf(scope, parentName);
    for (const parent of scope?.store ? scope.store.list(parentName) : []) add(String(parent.id), recordTitle(parent, parentSpec), null);
    const link = parentField(parentName);
    for (const record of records) {
      const id = record[link];
      if (typeof id === "string" && groups.has(id)) add(id, "", record);
      else none.push(record);
    }
    return finish(noneLabel(parentName.replace(/([a-z])([A-Z])/g, "$1 $2")));
  }

  const field = entitySpec?.fields?.find((f) => f.name === path);
  if (field?.type === "enum") for (const option of field.options || []) add(option, option, null);
  if (field?.type === "boolean") {
    add("true", "Yes", null);
    add("false", "No", null);
  }
  /** @type {Array<[unknown, Record<string, unknown>]>} */
  const others = [];
  for (const record of records) {
    const value = fieldValue(record, path, entitySpec, scope);
    if (field?.type === "boolean") {
      add(value === true || value === "true" ? "true" : "false", "", record);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.every(isEmpty)) {
      none.push(record);
      continue;
    }
    for (const v of values) {
      if (isEmpty(v)) continue;
      if (groups.has(String(v))) add(String(v), "", record);
      else others.push([v, record]);
    }
  }
  // Values no option names (or fields without options): after the options, ascending.
  others.sort(([a], [b]) => compareValues(a, b));
  for (const [v, record] of others) add(String(v), String(v), record);
  return finish(noneLabel(field?.label || path));
}

/** The heading of records without a value: "No aisle", "No supplier" (a bare "None" says nothing of what is missing). */
function noneLabel(/** @type {string} */ what) {
  return `No ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}

// ─── Formats ────────────────────────────────────────────────────────────────

const grouped = (n, decimals, fixed) => {
  const r = round(n, decimals);
  return r.toLocaleString("en-US", { minimumFractionDigits: fixed ? decimals : 0, maximumFractionDigits: decimals });
};

/** A unit that is a currency symbol goes before the amount ("$"), a word after ("EUR"). */
const isSymbol = (unit) => !/[A-Za-z0-9]/.test(unit);

/**
 * A value as the app shows it (rules in this module's header).
 * @param {unknown} value
 * @param {ValueFormat | string} [format]
 * @param {{ unit?: string, max?: number }} [options]
 * @returns {string}
 */
export function formatValue(value, format = "number", options = {}) {
  if (isEmpty(value)) return "—";
  const unit = options.unit ? String(options.unit).trim() : "";
  if (format === "text") {
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "boolean") return value ? "Yes" : "No";
    return String(value);
  }
  if (format === "date") return dayOf(value) ? formatDate(value) : String(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.join(", ");
  const n = toNumber(value);
  if (n === null) return String(value);
  switch (format) {
    case "integer":
      return grouped(n, 0, false) + (unit ? ` ${unit}` : "");
    case "money": {
      const amount = grouped(Math.abs(n), 2, true);
      const sign = round(n, 2) < 0 ? "-" : "";
      if (!unit) return sign + amount;
      return isSymbol(unit) ? `${sign}${unit}${amount}` : `${sign}${amount} ${unit}`;
    }
    case "percent":
      return `${grouped(n, 0, false)}%`;
    case "minutes": {
      // Whole seconds kept: a setlist of 4.5 + 3 + 5 minutes runs 12 min 30 s, not 13 min.
      const total = Math.round(Math.abs(n) * 60);
      const sign = n < 0 && total > 0 ? "-" : "";
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = total % 60;
      const parts = [hours ? `${hours} h` : "", minutes || (!hours && !seconds) ? `${minutes} min` : "", seconds ? `${seconds} s` : ""];
      return sign + parts.filter(Boolean).join(" ");
    }
    case "hours":
      return `${grouped(n, 2, false)} h`;
    case "stars": {
      const max = options.max && options.max > 0 ? Math.round(options.max) : 5;
      const filled = Math.min(max, Math.max(0, Math.round(n)));
      return "★".repeat(filled) + "☆".repeat(max - filled);
    }
    default:
      return grouped(n, 2, false) + (unit ? ` ${unit}` : "");
  }
}
