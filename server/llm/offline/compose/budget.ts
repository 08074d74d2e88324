// Budgets: "set a budget for each category and log what I spend; show how much is left in each
// category this month and turn it red when I go over". A budget lives on the category, spending
// is its own record linked to a category, and what is left is the budget minus this period's
// spending, computed on each category (and red below zero when the prompt asks for it).
import type { TCondition } from "~/server/plan/app-spec";
import { findAny } from "../understand/match-pattern";
import { sentenceOf } from "../understand/reading";
import { isClaimed, requirement, tag, type Draft, type EntityDraft } from "./draft";
import { addField, ensureEntity } from "./records";
import { findPeriod } from "./views";

const budgetAsks = ["set|give|have|choose a|the? monthly|weekly? budget|budgets|limit|limits", "budget|budgets|limit|limits for|per|on each|every? category|categories"];
const spendingAsks = ["log|record|enter|track|add|note what i|we spend|spent|pay|paid", "log|record|enter|track|add|note how much i|we spend|spent|pay|paid", "log|record|enter|track|add my|our? spending|expenses|purchases"];
const leftAsks = ["how much is|i|we|have? left|remaining", "what's left|remaining", "what is left|remaining", "left to spend", "remaining budget"];
const overAsks = ["turn|go|goes|show|shown|make it|them? red|orange when|if … over|overspend|overspent|exceed|exceeded|above", "red|highlight|highlighted when|if … over|overspend|overspent|exceed|exceeded"];

/** The record a budget is set on: the entity named after "for each", else Category. */
function budgetHolder(draft: Draft, id: string): EntityDraft {
  const named = [...draft.entities.values()].find((e) => /^(Category|Envelope|Pot|Area)$/.test(e.name));
  return named ?? ensureEntity(draft, "Category", "Categories", id);
}

export function composeBudget(draft: Draft): void {
  const { tokens } = draft.reading;
  const ask = findAny(tokens, budgetAsks);
  if (!ask || isClaimed(draft, ask.from, ask.to - 1)) return;
  const monthly = tokens.some((t) => ["month", "monthly"].includes(t.lemma));
  // The quote runs over "for each category" when the ask names it.
  let askTo = ask.to;
  while (askTo < tokens.length && askTo - ask.to < 3 && ["for", "per", "on", "each", "every", "category", "categories"].includes(tokens[askTo]!.word)) askTo++;
  const budgetId = requirement(draft, "field", `Each category has a ${monthly ? "monthly " : ""}budget`, ask.from, askTo);
  const holder = budgetHolder(draft, budgetId);
  tag(holder, budgetId);
  addField(holder, { name: "budget", label: monthly ? "Monthly budget" : "Budget", type: "money", min: 0 }, budgetId);

  const spendAsk = findAny(tokens, spendingAsks);
  const spendId = spendAsk && !isClaimed(draft, spendAsk.to - 1, spendAsk.to) ? requirement(draft, "entity", "Log what you spend, each in a category", spendAsk.from, spendAsk.to) : budgetId;
  const spending = [...draft.entities.values()].find((e) => e.name === "Expense") ?? ensureEntity(draft, "Expense", "Expenses", spendId);
  tag(spending, spendId);
  // Spending counts towards its period by its amount and date: both are needed.
  addField(spending, { name: "amount", label: "Amount", type: "money", min: 0 }, spendId).required = true;
  const date = addField(spending, { name: "date", label: "Date", type: "date" }, spendId);
  date.required = true;
  if (!spending.belongsTo.includes(holder.name)) spending.belongsTo.push(holder.name);

  const leftAsk = findAny(tokens, leftAsks);
  if (!leftAsk || isClaimed(draft, leftAsk.from, leftAsk.to)) return;
  const end = sentenceOf(draft.reading, leftAsk.from).to;
  const period = findPeriod(draft, leftAsk.to, end) ?? (monthly ? { range: "thisMonth" as const, n: undefined, label: "this month", from: leftAsk.to, to: leftAsk.to } : undefined);
  // "in each category": the figure is per category, which is where it is shown.
  let leftTo = Math.max(leftAsk.to, period?.to ?? 0);
  for (let i = leftAsk.to; i < Math.min(end, leftAsk.to + 4); i++) if (["category", "categories"].includes(tokens[i]!.word)) leftTo = Math.max(leftTo, i + 1);
  const leftId = requirement(draft, "computed", `How much of each category's budget is left${period ? ` ${period.label}` : ""}`, leftAsk.from, leftTo);
  const where: TCondition[] = period ? [{ field: String(date.name), op: "inRange", period: { range: period.range, ...(period.n ? { n: period.n } : {}) } }] : [];
  const spent = { agg: "sum" as const, entity: spending.name, of: { field: "amount" }, ...(where.length ? { where } : {}) };
  holder.computed.push({ name: "spent", label: period ? `Spent ${period.label}` : "Spent", expr: spent, format: "money", requirementIds: [leftId] });
  const left: EntityDraft["computed"][number] = { name: "left", label: period ? `Left ${period.label}` : "Left", expr: { op: "sub", args: [{ field: "budget" }, spent] }, format: "money", requirementIds: [leftId] };
  const overAsk = findAny(tokens, overAsks, leftAsk.from, tokens.length);
  if (overAsk && !isClaimed(draft, overAsk.from, overAsk.to)) {
    let overTo = overAsk.to;
    // "…when I go over" may end on the word that says over what ("my budget").
    while (overTo < end && overTo - overAsk.to < 3 && ["my", "the", "budget", "it", "limit"].includes(tokens[overTo]!.word)) overTo++;
    const overId = requirement(draft, "computed", "What is left turns red when a category goes over its budget", overAsk.from, overTo);
    left.highlight = { when: { op: "lt", value: 0 }, tone: "danger" };
    tag(left, overId);
  }
  holder.computed.push(left);
}
