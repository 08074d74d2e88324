// Checks of totals worked out from lines and of what is still owed (compose/invoices.ts): an
// invoice's total is the sum of its lines' quantity × unit price; a client's owed is the sum of
// the totals of their invoices not marked paid. Tried the way the person who asked would, with
// the numbers worked out here: lines 2 × 15.50 and 1 × 100 make 131.00 while another invoice's
// 3 × 4 stays 12.00; a client with unpaid 125 and 75 and paid 100 owes 200.00, one whose only
// invoice is paid owes 0.00, and marking the 75 paid brings the first down to 125.00.
import type { TValueExpr } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlan, TPlanEntity } from "~/server/plan/plan-schema";
import { formatValue } from "~/server/llm/offline/runtime/src/engine/expr.js";
import type { CheckContext } from "../registry";
import { sectionTitleOf } from "../section-title";
import { addRecordSteps, homeOf, sampleRecord, titleText, Words, type Step, type Values } from "./record-samples";

type Check = TAcceptanceCheckInput;
type Computed = NonNullable<TPlanEntity["computed"]>[number];
/** sum over `line` (belonging to the record) of quantity × price, or of price alone. */
type LineTotal = { line: TPlanEntity; quantity?: string; price: string };

const isNumeric = (entity: TPlanEntity, name: string): boolean => entity.fields.some((f) => f.name === name && ["number", "money"].includes(f.type));

/** A total over a record's lines as compose/invoices.ts plans it, or undefined for any other expression. */
export function lineTotalOf(expr: TValueExpr, owner: TPlanEntity, plan: TPlan): LineTotal | undefined {
  if (!("agg" in expr) || expr.agg !== "sum" || expr.where?.length || !expr.of) return undefined;
  const line = plan.entities.find((e) => e.name === expr.entity);
  if (!line || !line.belongsTo.includes(owner.name)) return undefined;
  const of = expr.of;
  if ("field" in of) return isNumeric(line, of.field) ? { line, price: of.field } : undefined;
  if (!("op" in of) || of.op !== "mul" || !("field" in of.args[0]) || !("field" in of.args[1])) return undefined;
  const [quantity, price] = [of.args[0].field, of.args[1].field];
  return isNumeric(line, quantity) && isNumeric(line, price) ? { line, quantity, price } : undefined;
}

/** The owed sum: the totals of the owner's bills whose boolean `paid` is false, and the action that sets it. */
function owedOf(expr: TValueExpr, owner: TPlanEntity, plan: TPlan): { bill: TPlanEntity; total: Computed; lines: LineTotal; paid: string; action: string } | undefined {
  if (!("agg" in expr) || expr.agg !== "sum" || !expr.of || !("field" in expr.of) || expr.where?.length !== 1) return undefined;
  const bill = plan.entities.find((e) => e.name === expr.entity);
  const [unpaid] = expr.where;
  if (!bill || !bill.belongsTo.includes(owner.name) || unpaid?.op !== "isFalse") return undefined;
  const paid = unpaid.field;
  if (!bill.fields.some((f) => f.name === paid && f.type === "boolean")) return undefined;
  const totalName = expr.of.field;
  const total = bill.computed?.find((c) => c.name === totalName);
  const lines = total && lineTotalOf(total.expr, bill, plan);
  const action = bill.actions?.find((a) => a.set[paid] === true && Object.keys(a.set).length === 1);
  return total && lines && action ? { bill, total, lines, paid, action: action.label } : undefined;
}

const money = (n: number): string => formatValue(n, "money");

export function invoiceChecks(entity: TPlanEntity, ctx: CheckContext, key: string): Check[] {
  const plan = ctx.plan;
  const checks: Check[] = [];
  const planned = (ids: string[] | undefined) => (ids ?? []).filter((id) => (plan.requirements ?? []).some((r) => r.id === id && r.status === "planned") || !plan.requirements);
  for (const computed of entity.computed ?? []) {
    const id = `entity-${key}-${computed.name.toLowerCase()}`.slice(0, 60);
    const home = homeOf(entity.name, plan);
    if (!home || home.section.display === "table" || (home.section.columns?.length && !home.section.columns.includes(computed.name))) continue;
    const reads = (within: string, n: number): Step => ({ action: "expectText", text: `${computed.label} ${money(n)}`, within });
    const words = new Words();
    // Consecutive records of one kind are added in one visit to their form.
    let last = "";
    const add = (kind: TPlanEntity, values: Values, parents: Record<string, string> = {}): Step[] => {
      const steps = addRecordSteps(kind, values, plan, parents, { goto: last !== kind.name }) ?? [];
      last = kind.name;
      return steps;
    };
    const record = (kind: TPlanEntity): Values => sampleRecord(kind, words.take(), 0, { onlyRequired: true });
    const lineSteps = (lines: LineTotal, of: string, quantity: number, price: number): Step[] =>
      add(lines.line, { ...record(lines.line), [lines.price]: price, ...(lines.quantity ? { [lines.quantity]: quantity } : {}) }, { [entity.name]: of });

    const lines = lineTotalOf(computed.expr, entity, plan);
    if (lines && homeOf(lines.line.name, plan)) {
      // 2 × 15.50 + 1 × 100 = 131.00 (prices summed would read 115.50, quantities 3, every line 143.00); 3 × 4 = 12.00.
      const [a, b] = [record(entity), record(entity)];
      const [aTitle, bTitle] = [titleText(entity, a), titleText(entity, b)];
      const one = lines.quantity ? [[2, 15.5], [1, 100]] : [[1, 31], [1, 100]];
      const other = lines.quantity ? [3, 4] : [1, 12];
      const steps: Step[] = [...add(entity, a), ...add(entity, b)];
      for (const [q, p] of one) steps.push(...lineSteps(lines, aTitle, q!, p!));
      steps.push(...lineSteps(lines, bTitle, other[0]!, other[1]!));
      steps.push({ action: "goto", path: home.page.path }, reads(aTitle, 131), reads(bTitle, 12), { action: "reload" }, reads(aTitle, 131));
      if (steps.length <= 58) checks.push({ id, description: `${computed.label}: lines ${lines.quantity ? "2 × 15.50 and 1 × 100" : "of 31 and 100"} make ${money(131)}, another ${singular(entity)}'s ${lines.quantity ? "3 × 4" : "12"} makes ${money(12)}`, requirementIds: planned(computed.requirementIds), steps });
      continue;
    }

    const owed = owedOf(computed.expr, entity, plan);
    const billHome = owed && homeOf(owed.bill.name, plan);
    if (!owed || !billHome || !homeOf(owed.lines.line.name, plan)) continue;
    const { bill } = owed;
    const [a, b] = [record(entity), record(entity)];
    const [aTitle, bTitle] = [titleText(entity, a), titleText(entity, b)];
    // Bills of 125, 75 and 100 for the first, 60 for the second; each from one line (quantity × price where there is one).
    const amounts: [string, number, number][] = [[aTitle, 1, 125], [aTitle, 3, 25], [aTitle, 1, 100], [bTitle, 2, 30]];
    const bills = amounts.map(() => record(bill));
    const billTitles = bills.map((v) => titleText(bill, v));
    const steps: Step[] = [...add(entity, a), ...add(entity, b)];
    bills.forEach((values, i) => steps.push(...add(bill, values, { [entity.name]: amounts[i]![0] })));
    amounts.forEach(([, q, p], i) => steps.push(...add(owed.lines.line, { ...record(owed.lines.line), ...(owed.lines.quantity ? { [owed.lines.quantity]: q, [owed.lines.price]: p } : { [owed.lines.price]: q * p }) }, { [bill.name]: billTitles[i]! })));
    const billRegion = sectionTitleOf(billHome.section, plan);
    const markPaid = (i: number): Step => ({ action: "click", role: "button", name: `${owed.action} ${billTitles[i]}`, within: billRegion });
    const open: Step = { action: "goto", path: home.page.path };
    steps.push(
      { action: "goto", path: billHome.page.path }, markPaid(2), markPaid(3),
      // 125 + 75 unpaid, 100 paid → 200.00 (paid ones counted would read 300.00); the other's only bill is paid → 0.00.
      open, reads(aTitle, 200), reads(bTitle, 0), { action: "reload" }, reads(aTitle, 200),
      { action: "goto", path: billHome.page.path }, markPaid(1), open, reads(aTitle, 125), reads(bTitle, 0),
    );
    if (steps.length <= 58) checks.push({ id, description: `${computed.label}: unpaid ${bill.pluralLabel.toLowerCase()} of 125 and 75 with one of 100 paid read ${money(200)}, none unpaid reads ${money(0)}, marking the 75 paid leaves ${money(125)}`, requirementIds: planned(computed.requirementIds), steps });
  }
  return checks;
}

const singular = (entity: TPlanEntity): string => entity.name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
