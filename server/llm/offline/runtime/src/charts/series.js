// The numbers behind the figure sections (stats, groupTable, chart): which records count, how they
// group, each group's aggregate, its share of the total and the texts a person reads. Pure: the
// section modules draw what this returns, and the tests read it without a DOM.
//
// Text rules (the acceptance checks write the same): values through engine/expr.js formatValue,
// with the measured field's unit; a share is the group's value over the total of the shown
// groups, as a whole percent ("75%"); shares are given for count and sum (for an average, a
// minimum or a maximum a share of the total means nothing).
import { aggregate, evaluate, fieldValue, formatValue, groupRecords, inDateRange, matches } from "../engine/expr.js";
import { parentField } from "../engine/store.js";

/** @import { AppContext, EntitySpec, FieldSpec } from "../engine/app-context" */
/** @import { Grouping, Scope } from "../engine/types" */

/**
 * @typedef {{ key: string, label: string, value: number | null, valueText: string, share: number | null, shareText: string | null }} Slice
 * @typedef {{ label: string, agg: "count" | "sum" | "avg" | "min" | "max", of?: any, format?: string }} Measure
 */

/** @param {AppContext} app @returns {Scope} */
export function scopeOf(app) {
  return { store: app.store, spec: app.spec, today: app.today() };
}

/**
 * The field a measure or value sums, when it is a plain field of the entity (for its unit).
 * @param {EntitySpec | undefined} entity
 * @param {any} of
 * @returns {FieldSpec | undefined}
 */
export function measuredField(entity, of) {
  const name = typeof of === "string" ? of : of && typeof of.field === "string" ? of.field : null;
  return name && entity ? entity.fields.find((f) => f.name === name) : undefined;
}

/** A value as a figure shows it: the format, and the unit of the field it comes from. */
export function figureText(value, format, field) {
  return formatValue(value, format || "number", field?.unit ? { unit: field.unit } : {});
}

/** "75%": whole percent of the total; "0%" when the total is 0. */
export function shareText(share) {
  return formatValue(share === null ? 0 : share, "percent");
}

/** Shares mean something for counts and sums only. */
export const hasShares = (agg) => agg === "count" || agg === "sum";

/**
 * A grouping as groupRecords reads it: "Client.name" (the parent's title field) groups by the
 * parent itself, so every client shows — also the ones without records.
 * @param {Grouping} grouping
 * @param {EntitySpec | undefined} entity
 * @param {Scope} scope
 * @returns {Grouping}
 */
export function normalizeGrouping(grouping, entity, scope) {
  if (!("field" in grouping) || !entity) return grouping;
  const dot = grouping.field.indexOf(".");
  if (dot < 0) return grouping;
  const parentName = grouping.field.slice(0, dot);
  const parent = scope.spec.entities.find((e) => e.name === parentName);
  if (!parent || !(entity.belongsTo || []).includes(parentName)) return grouping;
  return parent.fields[0]?.name === grouping.field.slice(dot + 1) ? { field: parentName } : grouping;
}

/** The column heading for the groups: the field's label, the parent's name, or the date bucket. */
export function groupingLabel(grouping, entity, scope) {
  if ("dateField" in grouping) return { day: "Day", week: "Week", month: "Month", year: "Year" }[grouping.bucket] || "Date";
  const path = grouping.field;
  const dot = path.indexOf(".");
  if (dot > 0) {
    const parent = scope.spec.entities.find((e) => e.name === path.slice(0, dot));
    const field = parent?.fields.find((f) => f.name === path.slice(dot + 1));
    if (parent && field && parent.fields[0] === field) return splitName(parent.name);
    return field ? field.label : path;
  }
  if (entity?.belongsTo?.includes(path)) return splitName(path);
  const parentName = (entity?.belongsTo || []).find((p) => parentField(p) === path);
  if (parentName) return splitName(parentName);
  return entity?.fields.find((f) => f.name === path)?.label || entity?.computed?.find((c) => c.name === path)?.label || path;
}

/** "BookLoan" → "Book loan". */
function splitName(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" ");
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(" ");
}

/**
 * The records of `entity` that count: in the period (on its date field) and passing `where`.
 * @param {EntitySpec} entity
 * @param {{ where?: any[], period?: { dateField: string, range: string, n?: number } }} filters
 * @param {Scope} scope
 */
export function countedRecords(entity, filters, scope) {
  const period = filters.period;
  return scope.store.list(entity.name).filter((record) =>
    (!period || inDateRange(/** @type {string} */ (fieldValue(record, period.dateField, entity, scope)), /** @type {any} */ (period), scope.today)) &&
    (!filters.where?.length || matches(filters.where, record, entity, scope)));
}

/**
 * Groups with their aggregates, in the grouping's order.
 * @param {EntitySpec} entity
 * @param {Array<Record<string, unknown>>} records
 * @param {Grouping} grouping
 * @param {Measure[]} measures
 * @param {Scope} scope
 * @param {boolean} includeEmpty
 */
export function aggregateGroups(entity, records, grouping, measures, scope, includeEmpty) {
  const groups = groupRecords(records, normalizeGrouping(grouping, entity, scope), entity, scope, { includeEmpty });
  return groups.map((group) => ({
    key: group.key,
    label: group.label,
    count: group.records.length,
    values: measures.map((m) => aggregate(m.agg, group.records, m.of, entity, scope)),
  }));
}

/** The period in words for captions and empty states: "this month", "the last 8 weeks", or "". */
export function periodWords(period) {
  if (!period) return "";
  const n = period.n;
  switch (period.range) {
    case "today": return "today";
    case "thisWeek": return "this week";
    case "thisMonth": return "this month";
    case "thisYear": return "this year";
    case "lastNDays": return `the last ${n || 7} days`;
    case "lastNWeeks": return `the last ${n || 4} weeks`;
    case "lastNMonths": return `the last ${n || 3} months`;
    default: return "";
  }
}

/**
 * A chart's slices: one per group (pie and donut leave out groups of 0, which have no slice),
 * each with its value, its share of the total and their texts.
 * @param {any} section the chart section
 * @param {EntitySpec} entity
 * @param {Scope} scope
 * @returns {{ slices: Slice[], total: number, totalText: string }}
 */
export function chartSlices(section, entity, scope) {
  const measure = /** @type {Measure} */ ({ label: section.measure?.label || "", agg: section.measure?.agg || "count", of: section.measure?.of, format: section.measure?.format });
  const isRound = section.chartType === "pie" || section.chartType === "donut";
  const records = countedRecords(entity, { where: section.where, period: section.period }, scope);
  // Bars and lines show the empty groups between others (a week without workouts is a 0), pies cannot.
  const groups = aggregateGroups(entity, records, section.groupBy, [measure], scope, !isRound);
  const field = measuredField(entity, measure.of);
  const withValues = groups
    .map((g) => ({ key: g.key, label: g.label, value: g.values[0] }))
    .filter((g) => (isRound ? typeof g.value === "number" && g.value > 0 : true));
  const total = withValues.reduce((sum, g) => sum + (typeof g.value === "number" && g.value > 0 ? g.value : 0), 0);
  const shares = hasShares(measure.agg);
  const slices = withValues.map((g) => {
    const share = shares && total > 0 && typeof g.value === "number" ? (100 * Math.max(0, g.value)) / total : shares ? 0 : null;
    return { key: g.key, label: g.label, value: g.value, valueText: figureText(g.value, measure.format, field), share, shareText: share === null ? null : shareText(share) };
  });
  return { slices, total, totalText: figureText(total, measure.format, field) };
}

/** "Food: 30.00 (75%)" — how a slice reads in the legend, the table and to QA. */
export function sliceText(slice) {
  return `${slice.label}: ${slice.valueText}` + (slice.shareText ? ` (${slice.shareText})` : "");
}

/**
 * A stats item's value and text.
 * @param {{ label: string, value: any, format?: string }} item
 * @param {Scope} scope
 */
export function statValue(item, scope) {
  const value = evaluate(item.value, null, null, scope);
  const entity = item.value && typeof item.value.entity === "string" ? scope.spec.entities.find((e) => e.name === item.value.entity) : undefined;
  return { value, text: figureText(value, item.format, measuredField(entity, item.value?.of)) };
}
