// Checks of points earned and spent (compose/points.ts): a balance that is the sum of a parent's
// value over the records of what was done ("Chores done": kid + chore, the chore's points), less
// the sum over what was swapped ("Rewards swapped": kid + reward, the reward's cost), where a swap
// is refused without enough points. Tried the way the person who asked would: one kid does a
// chore worth 5 twice and reads 10, another once and reads 5; swapping a reward of 8 leaves 2;
// the kid with 5 cannot swap it, is told why, and keeps 5. The numbers are worked out here.
import type { TCondition, TValueExpr } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlanEntity } from "~/server/plan/plan-schema";
import type { CheckContext } from "../registry";
import { sectionTitleOf } from "../section-title";
import { addFormName, addRecordSteps, homeOf, sampleRecord, titleText, Words, type Step, type Values } from "./record-samples";

type Check = TAcceptanceCheckInput;
type Computed = NonNullable<TPlanEntity["computed"]>[number];
/** sum over `log` (belonging to the owner and to `parent`) of `parent.field`. */
type ParentSum = { log: TPlanEntity; parent: TPlanEntity; field: string };

/** A sum of a parent's number over the owner's records of `log`, or undefined for any other expression. */
function parentSum(expr: TValueExpr, owner: TPlanEntity, ctx: CheckContext): ParentSum | undefined {
  if (!("agg" in expr) || expr.agg !== "sum" || expr.where?.length || !expr.of || !("field" in expr.of)) return undefined;
  const [parentName, field, ...rest] = expr.of.field.split(".");
  const log = ctx.plan.entities.find((e) => e.name === expr.entity);
  const parent = ctx.plan.entities.find((e) => e.name === parentName);
  if (rest.length || !field || !log || !parent || !log.belongsTo.includes(owner.name) || !log.belongsTo.includes(parent.name)) return undefined;
  if (!parent.fields.some((f) => f.name === field && ["number", "money"].includes(f.type))) return undefined;
  return { log, parent, field };
}

/** The rule "Owner.balance gte Reward.cost" on the spending log, as planned. */
function enoughRule(spent: ParentSum, owner: TPlanEntity, balance: Computed): { message: string } | undefined {
  const rule = spent.log.addOnlyWhen;
  const expected: TCondition = { field: `${owner.name}.${balance.name}`, op: "gte", valueField: `${spent.parent.name}.${spent.field}` };
  const holds = rule?.conditions.length === 1 && rule.conditions.every((c) => c.field === expected.field && c.op === expected.op && c.valueField === expected.valueField);
  return holds ? { message: rule!.message } : undefined;
}

/** A record of what was done: its title, the rest left to the form (the date starts at today). */
function logRecord(log: TPlanEntity, word: string): Values {
  const values = sampleRecord(log, word, 0, { onlyRequired: true });
  for (const field of log.fields) if (field.type === "date" && field.name === "date") delete values[field.name];
  return values;
}

export function balanceChecks(owner: TPlanEntity, ctx: CheckContext, key: string): Check[] {
  const plan = ctx.plan;
  const home = homeOf(owner.name, plan);
  if (!home || home.section.columns?.length || home.section.display === "table") return [];
  const checks: Check[] = [];
  for (const balance of owner.computed ?? []) {
    const expr = balance.expr;
    const earned = parentSum("op" in expr && expr.op === "sub" ? expr.args[0] : expr, owner, ctx);
    const spent = "op" in expr && expr.op === "sub" ? parentSum(expr.args[1], owner, ctx) : undefined;
    if (!earned || ("op" in expr && (expr.op !== "sub" || !spent))) continue;
    if (!homeOf(earned.log.name, plan) || !homeOf(earned.parent.name, plan)) continue;
    const words = new Words();
    const [a, b] = [sampleRecord(owner, words.take(), 0, { onlyRequired: true }), sampleRecord(owner, words.take(), 1, { onlyRequired: true })];
    const [aTitle, bTitle] = [titleText(owner, a), titleText(owner, b)];
    const task = { ...sampleRecord(earned.parent, words.take(), 0, { onlyRequired: true }), [earned.field]: 5 };
    const taskTitle = titleText(earned.parent, task);
    // Consecutive records of one kind are added in one visit to their form.
    let last = "";
    const add = (entity: TPlanEntity, values: Values, parents: Record<string, string> = {}): Step[] => {
      const steps = addRecordSteps(entity, values, plan, parents, { goto: last !== entity.name }) ?? [];
      last = entity.name;
      return steps;
    };
    const did = (who: string): Step[] => add(earned.log, logRecord(earned.log, words.take()), { [owner.name]: who, [earned.parent.name]: taskTitle });
    const reads = (who: string, n: number): Step => ({ action: "expectText", text: `${balance.label} ${n}`, within: who });
    const open: Step = { action: "goto", path: home.page.path };
    const setup = (): Step[] => {
      last = "";
      return [...add(earned.parent, task), ...add(owner, a), ...add(owner, b)];
    };
    const earnSetup = setup();
    const spendIds = spent ? (spent.log.addOnlyWhen?.requirementIds ?? []) : [];
    const ids = (balance.requirementIds ?? []).filter((id) => !spendIds.includes(id) && (plan.requirements ?? []).some((r) => r.id === id && r.status === "planned"));
    // Earning: 5 twice is 10 (a count would read 2), once is 5 (a sum over every kid would read 15).
    const earnSteps = [...earnSetup, ...did(aTitle), ...did(aTitle), ...did(bTitle), open, reads(aTitle, 10), reads(bTitle, 5), { action: "reload" } as Step, reads(aTitle, 10)];
    if (earnSetup.length && earnSteps.length <= 58) checks.push({ id: `entity-${key}-${balance.name.toLowerCase()}-earned`.slice(0, 60), description: `${balance.label}: doing a ${taskTitle} worth 5 twice reads 10, once reads 5, after a reload too`, requirementIds: ids, steps: earnSteps });
    if (!spent) continue;
    const rule = enoughRule(spent, owner, balance);
    const spendHome = homeOf(spent.log.name, plan);
    if (!rule || !spendHome || !homeOf(spent.parent.name, plan)) continue;
    const reward = { ...sampleRecord(spent.parent, words.take(), 0, { onlyRequired: true }), [spent.field]: 8 };
    const rewardTitle = titleText(spent.parent, reward);
    const swap = (who: string): { steps: Step[]; title: string } => {
      const values = logRecord(spent.log, words.take());
      return { steps: add(spent.log, values, { [owner.name]: who, [spent.parent.name]: rewardTitle }), title: titleText(spent.log, values) };
    };
    const [first, refused, again] = [swap(aTitle), swap(bTitle), swap(aTitle)];
    last = "";
    const form = addFormName(spent.log);
    const spendRegion = sectionTitleOf(spendHome.section, plan);
    // Spending: 10 less 8 leaves 2; 5 cannot buy 8 (told why, nothing kept, still 5); nor can the 2 left.
    const spendSteps: Step[] = [
      ...setup(), ...did(aTitle), ...did(aTitle), ...did(bTitle), ...add(spent.parent, reward),
      ...first.steps,
      { action: "expectNoText", text: rule.message, within: form },
      ...refused.steps,
      { action: "expectText", text: rule.message, within: form },
      ...again.steps,
      { action: "expectText", text: rule.message, within: form },
      { action: "reload" },
      { action: "expectText", text: first.title, within: spendRegion },
      { action: "expectNoText", text: refused.title, within: spendRegion },
      { action: "expectNoText", text: again.title, within: spendRegion },
      open, reads(aTitle, 2), reads(bTitle, 5),
    ];
    if (spendSteps.length <= 58) checks.push({ id: `entity-${key}-${balance.name.toLowerCase()}-spent`.slice(0, 60), description: `Swapping a ${rewardTitle} costing 8 leaves 10 at 2; with 5, or with the 2 left, it is refused ("${rule.message}") and nothing changes`, requirementIds: spendIds, steps: spendSteps });
  }
  return checks;
}
