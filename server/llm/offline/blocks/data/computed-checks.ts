// Checks of an entity's computed values (app-spec.ts ZComputedField): records whose inputs the
// check chooses, and the number the app must then show beside each, worked out here on our own
// (not with the runtime's evaluator, which is what is being checked); its highlight, in words,
// only where the condition holds. Forms covered: days since/until a date field, arithmetic on the
// record's numbers, and count/sum/avg/min/max over the records that belong to it. Others are left
// unverified rather than guessed.
import type { TValueExpr } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlanEntity } from "~/server/plan/plan-schema";
import { formatValue } from "~/server/llm/offline/runtime/src/engine/expr.js";
import type { CheckContext } from "../registry";
import { nextAnniversaryOf, viewValues } from "./conditions";
import { addRecordSteps, homeOf, sampleFor, sampleRecord, titleText, Words, type RecordsSection, type Step, type Values } from "./record-samples";

type Check = TAcceptanceCheckInput;
type Computed = NonNullable<TPlanEntity["computed"]>[number];
type Home = { plan: CheckContext["plan"]; entity: TPlanEntity; page: { path: string }; section: RecordsSection; region: string; role: "row" | "listitem"; base: Values };

/** The words the records section adds after a highlighted value (sections/records.js toneWords). */
export const toneWords = { danger: "Alert", warning: "Warning", success: "Good" } as const;

/** One record of the check: its values, the children added for it, and the value it must show. */
type Case = { values: Values; children: Values[]; expected: number | null; clock?: string };

/** The fixed "today" of checks on ages, so birth dates can be real ones: 10 March 2026. */
const ageClock = "2026-03-10";

export function computedChecks(entity: TPlanEntity, ctx: CheckContext, { home, key }: { home: Home; key: string }): Check[] {
  const checks: Check[] = [];
  for (const computed of (entity.computed ?? []).slice(0, 4)) {
    if (home.section.columns?.length && !home.section.columns.includes(computed.name)) continue;
    const steps = computedSteps(entity, computed, home);
    if (!steps || steps.length > 58) continue;
    const ids = (computed.requirementIds ?? []).filter((id) => (ctx.plan.requirements ?? []).some((r) => r.id === id && r.status === "planned") || !ctx.plan.requirements);
    checks.push({ id: `entity-${key}-${computed.name.toLowerCase()}`.slice(0, 60), description: `${computed.label} shows the right figure for each ${entity.name.toLowerCase()}${computed.highlight ? `, highlighted (${computed.highlight.tone}) when it should be` : ""}`, requirementIds: ids, steps });
  }
  return checks;
}

function computedSteps(entity: TPlanEntity, computed: Computed, home: Home): Step[] | null {
  const words = new Words();
  const cases = casesOf(entity, computed.expr, home, words);
  if (!cases) return null;
  const steps: Step[] = cases[0]?.clock ? [{ action: "clock", at: cases[0].clock }] : [];
  const titles = cases.map((c) => titleText(entity, c.values));
  for (const item of cases) {
    const add = addRecordSteps(entity, item.values, home.plan);
    if (!add) return null;
    steps.push(...add);
  }
  const aggregate = "agg" in computed.expr ? computed.expr : "op" in computed.expr ? computed.expr.args.find((a) => "agg" in a) : undefined;
  const childEntity = aggregate && "agg" in aggregate ? home.plan.entities.find((e) => e.name === aggregate.entity) : undefined;
  cases.forEach((item, i) => {
    for (const child of item.children) {
      const add = childEntity && addRecordSteps(childEntity, child, home.plan, { [entity.name]: titles[i]! });
      if (add) steps.push(...add);
    }
  });
  steps.push({ action: "goto", path: home.page.path });
  cases.forEach((item, i) => {
    if (item.expected === null) return;
    const shown = formatValue(item.expected, computed.format ?? "number");
    const judged = computed.highlight ? highlightHolds(computed.highlight.when, item.expected) : null;
    const tone = computed.highlight && judged ? toneWords[computed.highlight.tone] : null;
    const text = home.role === "listitem" ? `${computed.label} ${shown}` : shown;
    steps.push({ action: "expectText", text: tone ? `${text} ${tone}` : text, within: titles[i]! });
    if (computed.highlight && judged === false) steps.push({ action: "expectNoText", text: toneWords[computed.highlight.tone], within: titles[i]! });
  });
  return steps;
}

/** Two records with inputs that give different values, or null when the expression is not one we can work out. */
function casesOf(entity: TPlanEntity, expr: TValueExpr, home: Home, words: Words, { isEachCounted = false } = {}): Case[] | null {
  const record = (index: number, extra: Values = {}): Values => {
    const values = { ...sampleRecord(entity, words.take(), index, { onlyRequired: true }), ...home.base, ...extra };
    return values;
  };
  if ("fn" in expr && (expr.fn === "daysSince" || expr.fn === "daysUntil") && expr.args.length === 1 && "field" in expr.args[0]!) {
    const field = entity.fields.find((f) => f.name === (expr.args[0] as { field: string }).field);
    if (!field || field.type !== "date" || field.name in home.base) return null;
    const sign = expr.fn === "daysSince" ? -1 : 1;
    return [
      { values: record(0, { [field.name]: token(sign * 3) }), children: [], expected: 3 },
      { values: record(1, { [field.name]: token(-sign * 2) }), children: [], expected: -2 },
    ];
  }
  // "How old they're turning" = the next birthday's year − the year of birth. With the clock on
  // 10 March 2026: born 20 Mar 1990 turns 36 (still to come), born 10 Mar 1948 turns 78 today,
  // born 5 Mar 1990 already turned 36 and turns 37 next; an age today (yearsSince) fails the first.
  const born = turningDateField(expr, entity);
  if (born) {
    if (born in home.base) return null;
    return [["1990-03-20", 36], ["1948-03-10", 78], ["1990-03-05", 37]].map(([date, age], i) => ({ values: record(i, { [born]: date! }), children: [], expected: Number(age), clock: ageClock }));
  }
  // "Left this month" = budget − this month's spending: the aggregate's cases, each with its own budget.
  if ("op" in expr && (expr.op === "sub" || expr.op === "add") && "field" in expr.args[0] && "agg" in expr.args[1]) {
    const field = entity.fields.find((f) => f.name === (expr.args[0] as { field: string }).field);
    if (!field || !["number", "money"].includes(field.type) || field.name in home.base) return null;
    const inner = casesOf(entity, expr.args[1], home, words);
    if (!inner) return null;
    // 25 against children of 12 + 19 goes below zero (a highlight for "over budget" shows); 40 with none stays at 40.
    const bases = [25, 40];
    return inner.map((item, i) => {
      const base = bases[i % bases.length]!;
      const part = item.expected ?? 0;
      return { values: { ...item.values, [field.name]: base }, children: item.children, expected: expr.op === "sub" ? base - part : base + part };
    });
  }
  // "Earnings this week" = this week's hours × the record's rate: the aggregate's cases, each at its own rate,
  // and each with hours of its own, so one record's rate used for another shows.
  if ("op" in expr && expr.op === "mul" && expr.args.some((a) => "agg" in a)) {
    const [sum, rate] = "agg" in expr.args[0] ? expr.args : [expr.args[1], expr.args[0]];
    const field = "field" in rate ? entity.fields.find((f) => f.name === rate.field) : undefined;
    if (!field || !["number", "money"].includes(field.type) || field.name in home.base) return null;
    const inner = casesOf(entity, sum, home, words, { isEachCounted: true });
    if (!inner) return null;
    const rates = [60, 40];
    return inner.map((item, i) => ({ values: { ...item.values, [field.name]: rates[i % rates.length]! }, children: item.children, expected: item.expected === null ? null : item.expected * rates[i % rates.length]! }));
  }
  if ("op" in expr || "field" in expr) {
    const numbers = (caseIndex: number): Values => Object.fromEntries(entity.fields.flatMap((f, i) => (["number", "money"].includes(f.type) && !(f.name in home.base) ? [[f.name, sampleFor(f, "", i + caseIndex * 3)]] : [])));
    const first = record(0, numbers(0));
    const second = record(1, numbers(1));
    const a = arithmetic(expr, entity, first);
    const b = arithmetic(expr, entity, second);
    if (a === undefined || b === undefined) return null;
    return [{ values: first, children: [], expected: a }, { values: second, children: [], expected: b }];
  }
  if ("agg" in expr && expr.agg !== "streak") {
    const child = home.plan.entities.find((e) => e.name === expr.entity);
    if (!child || !child.belongsTo.includes(entity.name) || !homeOf(child.name, home.plan)) return null;
    const childView = viewValues(expr.where, child);
    if (!childView) return null;
    const ofField = expr.of && "field" in expr.of ? child.fields.find((f) => f.name === (expr.of as { field: string }).field) : undefined;
    if (expr.of && (!ofField || !["number", "money"].includes(ofField.type))) return null;
    if (!expr.of && expr.agg !== "count") return null;
    const amounts = [12, 19];
    const kid = (amount: number, extra: Values = {}): Values => {
      const values = { ...sampleRecord(child, words.take(), 0, { onlyRequired: true }), ...childView.match, ...extra };
      if (ofField) values[ofField.name] = amount;
      return values;
    };
    const children = amounts.map((n) => kid(n));
    // A child the expression's conditions leave out must not count.
    if (childView.misses[0]) children.push(kid(100, childView.misses[0]));
    const counted = amounts;
    const expected = expr.agg === "count" ? counted.length : expr.agg === "sum" ? 31 : expr.agg === "avg" ? 15.5 : expr.agg === "min" ? 12 : 19;
    const empty = expr.agg === "count" || expr.agg === "sum" ? 0 : null;
    if (isEachCounted) return [{ values: record(0), children, expected }, { values: record(1), children: [kid(12)], expected: expr.agg === "count" ? 1 : 12 }];
    return [{ values: record(0), children, expected }, { values: record(1), children: [], expected: empty }];
  }
  return null;
}

/** The birth date field of `year(next birthday) − year(birth date)`, or undefined for other expressions. */
function turningDateField(expr: TValueExpr, entity: TPlanEntity): string | undefined {
  if (!("op" in expr) || expr.op !== "sub") return undefined;
  const yearOf = (e: TValueExpr) => ("fn" in e && e.fn === "year" && e.args.length === 1 ? e.args[0] : undefined);
  const [next, birth] = [yearOf(expr.args[0]), yearOf(expr.args[1])];
  if (!next || !birth || !("field" in birth) || !entity.fields.some((f) => f.name === birth.field && f.type === "date")) return undefined;
  const nextOf = "field" in next ? nextAnniversaryOf(next.field, entity) : "fn" in next && next.fn === "nextAnniversary" && next.args[0] && "field" in next.args[0] ? next.args[0].field : null;
  return nextOf === birth.field ? birth.field : undefined;
}

const token = (offset: number): string => (offset === 0 ? "{{today}}" : offset > 0 ? `{{today+${offset}}}` : `{{today${offset}}}`);

/** Field arithmetic on a record's sampled numbers; undefined when the expression uses anything else. */
function arithmetic(expr: TValueExpr, entity: TPlanEntity, values: Values): number | undefined {
  if ("const" in expr) return typeof expr.const === "number" ? expr.const : undefined;
  if ("field" in expr) {
    const field = entity.fields.find((f) => f.name === expr.field);
    if (!field || !["number", "money"].includes(field.type) || values[field.name] === undefined) return undefined;
    const n = Number(values[field.name]);
    return Number.isFinite(n) ? n : undefined;
  }
  if ("op" in expr) {
    const [a, b] = [arithmetic(expr.args[0], entity, values), arithmetic(expr.args[1], entity, values)];
    if (a === undefined || b === undefined) return undefined;
    switch (expr.op) {
      case "add":
        return a + b;
      case "sub":
        return a - b;
      case "mul":
        return a * b;
      case "div":
        return b === 0 ? undefined : a / b;
      case "min":
        return Math.min(a, b);
      case "max":
        return Math.max(a, b);
    }
  }
  return undefined;
}

/** Whether a highlight's numeric condition holds for a value; null for conditions this cannot judge. */
function highlightHolds(when: NonNullable<Computed["highlight"]>["when"], value: number): boolean | null {
  const n = Number(when.value);
  switch (when.op) {
    case "lt":
      return value < n;
    case "lte":
      return value <= n;
    case "gt":
      return value > n;
    case "gte":
      return value >= n;
    case "eq":
      return value === n;
    case "neq":
      return value !== n;
    default:
      return null;
  }
}
