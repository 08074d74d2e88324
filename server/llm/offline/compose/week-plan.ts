// A week of meals: "weekly meal planner with breakfast lunch and dinner for each day and a shopping
// list generated from the meals". The days Monday to Sunday by the slots named (Breakfast, Lunch,
// Dinner) are a week plan section; each slot holds a meal (one of the meal records, or any text);
// the meals carry their ingredients, and the shopping list combines the ingredients of the meals
// planned for the week on show (each once), with a tick for each.
//
// The phrases are claimed before the records are read: the slots are no list of records, "each day"
// is no daily tick, and the shopping list is the plan's, not a list of items of its own.
import { mealSlotWords, shoppingFromPatterns, weekPlanDayPatterns } from "../catalog/app-shapes";
import { findAny } from "../understand/match-pattern";
import { addSection, isClaimed, pageFor, requirement, type Draft } from "./draft";
import { addField, ensureEntity, ensurePrimary } from "./records";

const capitalized = (word: string): string => word[0]!.toUpperCase() + word.slice(1);
const joiners = new Set([",", "and", "or", "&", "/", "+"]);

export type WeekPlan = { slots: string[]; id: string; shoppingId?: string };

/** "breakfast lunch and dinner for each day": two or more meals of the day in a row, said to be per day or for a week. */
export function claimWeekPlan(draft: Draft): WeekPlan | undefined {
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
  const ids = [plan.id, ...(plan.shoppingId ? [plan.shoppingId] : [])];
  // The meals a slot names: the app's own records of meals, or new ones.
  const meal = draft.entities.get("Meal") ?? ensureEntity(draft, "Meal", "Meals", plan.id);
  ensurePrimary(meal);
  const ingredients = plan.shoppingId
    ? meal.fields.find((f) => f.name === "ingredients") ?? addField(meal, { name: "ingredients", label: "Ingredients", type: "text" }, plan.shoppingId)
    : undefined;
  // One filled slot: its day, its slot and the meal's name (a meal's title, or any text).
  const slot = ensureEntity(draft, "PlannedMeal", "Planned meals", plan.id);
  addField(slot, { name: "name", label: "Meal", type: "string" }, plan.id);
  addField(slot, { name: "date", label: "Date", type: "date", required: true }, plan.id);
  addField(slot, { name: "slot", label: "Slot", type: "string" }, plan.id);
  const page = pageFor(draft, "/", "This week", "Plan the week's meals");
  addSection(draft, page, {
    type: "weekPlan",
    title: "Meal plan",
    entity: "PlannedMeal",
    itemOf: meal.name,
    slots: plan.slots,
    ...(ingredients && plan.shoppingId ? { shopping: { title: "Shopping list", field: String(ingredients.name), requirementIds: [plan.shoppingId] } } : {}),
    requirementIds: ids,
  });
}
