// A week of meals: "weekly meal planner with breakfast lunch and dinner for each day and a shopping
// list generated from the meals". The days Monday to Sunday by the slots named (Breakfast, Lunch,
// Dinner) are a week plan section; each slot holds a meal (one of the meal records, or any text);
// the meals carry their ingredients, and the shopping list combines the ingredients of the meals
// planned for the week on show (each once), with a tick for each.
//
// The phrases are claimed before the records are read: the slots are no list of records, "each day"
// is no daily tick, and the shopping list is the plan's, not a list of items of its own.
import { mealSlotWords, pickDayPatterns, pickForEachDayPatterns, pickSourcePatterns, shoppingFromPatterns, weekPlanDayPatterns } from "../catalog/app-shapes";
import pluralize from "pluralize";
import { findAny } from "../understand/match-pattern";
import { addSection, isClaimed, pageFor, requirement, type Draft } from "./draft";
import { addField, ensureEntity, ensurePrimary } from "./records";

const capitalized = (word: string): string => word[0]!.toUpperCase() + word.slice(1);
const joiners = new Set([",", "and", "or", "&", "/", "+"]);

export type WeekPlan = { slots: string[]; id: string; shoppingId?: string; from?: { name: string; plural: string }; ids?: string[] };

/**
 * "pick a dinner for each day of the week from my recipes": one slot a day (Dinner), filled from
 * the user's own records (Recipes) — the week's slots name them.
 */
function claimPickForEachDay(draft: Draft): WeekPlan | undefined {
  const { tokens } = draft.reading;
  const verb = findAny(tokens, pickForEachDayPatterns);
  if (!verb || isClaimed(draft, verb.from, verb.to)) return undefined;
  // The slot: up to two words after the verb ("a dinner", "an evening meal").
  let slotTo = verb.to;
  while (slotTo < tokens.length && slotTo - verb.to < 2 && tokens[slotTo]!.isWord && !["for", "to", "on"].includes(tokens[slotTo]!.word)) slotTo++;
  const days = findAny(tokens, pickDayPatterns, slotTo, Math.min(tokens.length, slotTo + 8));
  if (slotTo === verb.to || !days || days.from !== slotTo) return undefined;
  const source = findAny(tokens, pickSourcePatterns, days.to, Math.min(tokens.length, days.to + 4));
  const sourceWord = source && source.from === days.to ? tokens[source.to] : undefined;
  if (!source || !sourceWord?.isWord || !sourceWord.tags.has("Noun")) return undefined;
  let to = source.to + 1;
  // "from my recipes list|book|collection": the container word is no record.
  if (["list", "book", "collection", "library"].includes(tokens[to]?.lemma ?? "")) to++;
  const slot = capitalized(draft.reading.prompt.slice(tokens[verb.to]!.start, tokens[slotTo - 1]!.end).replace(/^(a|an|one)\s+/i, ""));
  const singular = pluralize.singular(sourceWord.word);
  const name = capitalized(singular).replace(/[^A-Za-z0-9]/g, "");
  const plural = capitalized(pluralize.plural(singular));
  const id = requirement(draft, "view", `A week, Monday to Sunday, with a ${slot} slot each day, picked from your ${plural.toLowerCase()} (one of them, or typed in), kept`, verb.from, to);
  // "weekly meal planner" names this plan: its "meal" is no list of meals beside the recipes.
  const named = findAny(tokens, [weekPlanDayPatterns[3]!]);
  const ids = named && !isClaimed(draft, named.from, named.to) ? [requirement(draft, "view", `The app is a plan of the week's ${slot.toLowerCase()}s`, named.from, named.to)] : [];
  return { slots: [slot], id, from: { name, plural }, ids };
}

/** "breakfast lunch and dinner for each day": two or more meals of the day in a row, said to be per day or for a week. */
export function claimWeekPlan(draft: Draft): WeekPlan | undefined {
  const picked = claimPickForEachDay(draft);
  if (picked) return picked;
  const { tokens } = draft.reading;
  for (let from = 0; from < tokens.length; from++) {
    if (!mealSlotWords.includes(tokens[from]!.lemma) && !mealSlotWords.includes(tokens[from]!.word)) continue;
    const slots: string[] = [];
    let to = from;
    while (to < tokens.length) {
      const t = tokens[to]!;
      if (mealSlotWords.includes(t.word) || mealSlotWords.includes(t.lemma)) {
        const slot = capitalized(t.word === "snacks" ? "snack" : t.word);
        if (!slots.includes(slot)) slots.push(slot);
        to++;
      } else if (joiners.has(t.word) && (mealSlotWords.includes(tokens[to + 1]?.word ?? "") || mealSlotWords.includes(tokens[to + 1]?.lemma ?? ""))) to++;
      else break;
    }
    if (slots.length < 2 || isClaimed(draft, from, to)) {
      from = to;
      continue;
    }
    // The days: "for each day" right after the slots is part of the ask; "weekly" anywhere says it too.
    const after = findAny(tokens, weekPlanDayPatterns, to, Math.min(tokens.length, to + 6));
    const end = after && after.from === to ? after.to : to;
    if (end === to && !findAny(tokens, weekPlanDayPatterns)) return undefined;
    const id = requirement(draft, "view", `A week, Monday to Sunday, with a ${slots.join(", ").replace(/, ([^,]*)$/, " and $1")} slot each day, each holding a meal (one of the meals, or typed in), kept`, from, end);
    const plan: WeekPlan = { slots, id };
    const shopping = findAny(tokens, shoppingFromPatterns);
    if (shopping && !isClaimed(draft, shopping.from, shopping.to)) {
      let start = shopping.from;
      if (["a", "an", "the"].includes(tokens[start - 1]?.word ?? "") && !isClaimed(draft, start - 1, start)) start--;
      plan.shoppingId = requirement(draft, "computed", "A shopping list of the ingredients of the meals planned for the week, each once (with how many meals need it), ticked off when bought", start, shopping.to);
    }
    return plan;
  }
  return undefined;
}

export function composeWeekPlan(draft: Draft, plan: WeekPlan | undefined): void {
  if (!plan) return;
  const ids = [plan.id, ...(plan.ids ?? []), ...(plan.shoppingId ? [plan.shoppingId] : [])];
  // The meals a slot names: the app's own records of meals, or new ones.
  const meal = plan.from ? ensureEntity(draft, plan.from.name, plan.from.plural, plan.id) : draft.entities.get("Meal") ?? ensureEntity(draft, "Meal", "Meals", plan.id);
  ensurePrimary(meal);
  const ingredients = plan.shoppingId
    ? meal.fields.find((f) => f.name === "ingredients") ?? addField(meal, { name: "ingredients", label: "Ingredients", type: "text" }, plan.shoppingId)
    : undefined;
  // One filled slot: its day, its slot and the meal's name (a meal's title, or any text).
  const slot = plan.from ? ensureEntity(draft, `Planned${plan.from.name}`, `Planned ${plan.from.plural.toLowerCase()}`, plan.id) : ensureEntity(draft, "PlannedMeal", "Planned meals", plan.id);
  addField(slot, { name: "name", label: "Meal", type: "string" }, plan.id);
  addField(slot, { name: "date", label: "Date", type: "date", required: true }, plan.id);
  addField(slot, { name: "slot", label: "Slot", type: "string" }, plan.id);
  const page = pageFor(draft, "/", "This week", "Plan the week's meals");
  addSection(draft, page, {
    type: "weekPlan",
    title: plan.from ? `${plan.slots[0]} plan` : "Meal plan",
    entity: slot.name,
    itemOf: meal.name,
    slots: plan.slots,
    ...(ingredients && plan.shoppingId ? { shopping: { title: "Shopping list", field: String(ingredients.name), requirementIds: [plan.shoppingId] } } : {}),
    requirementIds: ids,
  });
}
