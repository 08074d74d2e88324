// Points earned by doing things and spent on rewards: "chore chart for my 3 kids with points. they
// earn points for each chore done and can swap points for rewards". Each chore is worth points;
// a record of who did which chore earns them; a record of who swapped for which reward spends
// the reward's cost, and is refused when the points left are fewer. The balance is computed, so
// it is never typed in and never drifts.
import pluralize from "pluralize";
import { entityConcepts } from "../catalog/entities";
import { doneEntities, earnerEntities, earnPatterns, pointWords, spendPatterns } from "../catalog/points";
import { findAny } from "../understand/match-pattern";
import { addSection, isClaimed, pageFor, requirement, type Draft, type EntityDraft } from "./draft";
import { addField, ensureEntity, labelOf } from "./records";

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The entity a token names (by its name, singular or plural label), or undefined. */
function entityAt(draft: Draft, at: number): EntityDraft | undefined {
  const token = draft.reading.tokens[at];
  if (!token) return undefined;
  // "prizes" are the Reward records the catalog made of them.
  const names = (e: EntityDraft) => [e.name.toLowerCase(), labelOf(e), e.pluralLabel.toLowerCase(), ...(entityConcepts.find((c) => c.name === e.name)?.words ?? [])];
  return [...draft.entities.values()].find((e) => names(e).some((w) => w === token.lemma || w === token.word));
}

/** The first entity named in tokens from..to, with where its words end. */
function entityBetween(draft: Draft, from: number, to: number): { entity: EntityDraft; to: number } | undefined {
  for (let i = from; i < Math.min(to, draft.reading.tokens.length); i++) {
    if (/^[.;!?]$/.test(draft.reading.tokens[i]!.text)) return undefined;
    const entity = entityAt(draft, i);
    if (entity) return { entity, to: i + 1 };
  }
  return undefined;
}

export function composePoints(draft: Draft): void {
  const { tokens } = draft.reading;
  const earn = findAny(tokens, earnPatterns);
  if (!earn || isClaimed(draft, earn.from, earn.from + 1)) return;
  const unitToken = tokens.slice(earn.from, earn.to).find((t) => pointWords.includes(t.lemma));
  if (!unitToken) return;
  const unit = pluralize.plural(unitToken.lemma);
  // "for each chore done": the record whose doing earns them, named just after.
  const task = entityBetween(draft, earn.to, earn.to + 4);
  if (!task) return;
  let earnTo = task.to;
  if (["done", "completed", "finished"].includes(tokens[earnTo]?.word ?? "")) earnTo++;
  // Points for each purchase are a share of what was spent, not the worth of a thing done.
  else if (!doneEntities.includes(task.entity.name)) return;

  const spend = findAny(tokens, spendPatterns);
  const reward = spend && !isClaimed(draft, spend.from, spend.from + 1) ? entityBetween(draft, spend.to, spend.to + 3) : undefined;
  // Who earns them: the other kind of record, the one the prompt gave the points to ("kids with points") first.
  const others = [...draft.entities.values()].filter((e) => e !== task.entity && e !== reward?.entity && !e.belongsTo.length);
  const earner = others.find((e) => e.fields.some((f) => f.name === unit)) ?? others.find((e) => earnerEntities.includes(e.name));
  if (!earner) return;

  const earnId = requirement(draft, "computed", `Each ${labelOf(earner)} earns the ${unit} of every ${labelOf(task.entity)} they do`, earn.from, earnTo);
  // "kids with points": their points are the balance, worked out rather than typed in.
  const typed = earner.fields.find((f) => f.name === unit);
  const balanceIds = [earnId, ...(typed?.requirementIds ?? [])];
  if (typed) earner.fields = earner.fields.filter((f) => f !== typed);
  const worth = addField(task.entity, { name: unit, label: capital(unit), type: "number", min: 0, required: true }, earnId);

  const doneName = `${task.entity.name}Done`.slice(0, 40);
  const done = ensureEntity(draft, doneName, `${task.entity.pluralLabel} done`, earnId);
  addField(done, { name: "date", label: "Date", type: "date", required: true }, earnId);
  for (const parent of [earner.name, task.entity.name]) if (!done.belongsTo.includes(parent)) done.belongsTo.push(parent);
  addSection(draft, pageFor(draft, `/${doneName.toLowerCase()}`, done.pluralLabel, `Record who did which ${labelOf(task.entity)}`), { type: "records", title: done.pluralLabel, entity: doneName, requirementIds: [earnId] });

  const earned = { agg: "sum" as const, entity: doneName, of: { field: `${task.entity.name}.${String(worth.name)}` } };
  if (!spend || !reward) {
    earner.computed.push({ name: unit, label: capital(unit), expr: earned, format: "integer", requirementIds: balanceIds });
    return;
  }

  const spendId = requirement(draft, "interaction", `A ${labelOf(earner)} swaps ${unit} for a ${labelOf(reward.entity)}: its cost comes off their ${unit}, and only when they have enough`, spend.from, reward.to);
  const cost = addField(reward.entity, { name: "cost", label: "Cost", type: "number", min: 0, required: true, unit }, spendId);
  const swapName = `${reward.entity.name}Swap`.slice(0, 40);
  const swap = ensureEntity(draft, swapName, `${reward.entity.pluralLabel} swapped`, spendId);
  addField(swap, { name: "date", label: "Date", type: "date", required: true }, spendId);
  for (const parent of [earner.name, reward.entity.name]) if (!swap.belongsTo.includes(parent)) swap.belongsTo.push(parent);
  earner.computed.push({
    name: unit,
    label: capital(unit),
    expr: { op: "sub", args: [earned, { agg: "sum", entity: swapName, of: { field: `${reward.entity.name}.${String(cost.name)}` } }] },
    format: "integer",
    requirementIds: [...balanceIds, spendId],
  });
  swap.addOnlyWhen = { conditions: [{ field: `${earner.name}.${unit}`, op: "gte", valueField: `${reward.entity.name}.${String(cost.name)}` }], message: `Not enough ${unit} for that ${labelOf(reward.entity)}`, requirementIds: [spendId] };
  // A swap is not edited afterwards: an edit could pick a dearer reward than the points allow.
  addSection(draft, pageFor(draft, `/${swapName.toLowerCase()}`, swap.pluralLabel, `Swap ${unit} for ${reward.entity.pluralLabel.toLowerCase()}`), { type: "records", title: swap.pluralLabel, entity: swapName, edit: false, requirementIds: [spendId] });
}
