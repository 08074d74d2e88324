// Phrasing families, table-driven: prices written inline on a site, short opening hours, capitals
// quizzes by continent, flashcards the user writes, a week of slots picked from the user's own
// records, and a chart of one number over time. Each prompt must be fully read (nothing left "not
// understood") and give the named parts.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../compile-app-plan";
import { readPrompt } from "../understand/reading";
import { readOpeningHours, readPriceLists } from "../understand/site-details";

const compile = (prompt: string): TPlan => {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};
const sections = (plan: TPlan) => plan.pages.flatMap((p) => p.sections ?? []);
const unsupported = (plan: TPlan) => (plan.requirements ?? []).filter((r) => r.status === "unsupported").map((r) => r.quote);

describe("prices written inline", () => {
  it.each([
    ["We sell sourdough £4.50, croissants £2.20 and cinnamon buns £2.80.", [["Sourdough", "£4.50"], ["Croissants", "£2.20"], ["Cinnamon buns", "£2.80"]]],
    ["we do haircuts for $25 and beard trims for $10", [["Haircuts", "$25"], ["Beard trims", "$10"]]],
    ["coffee 2.50 EUR, cake 3.20 EUR", [["Coffee", "2.50 EUR"], ["Cake", "3.20 EUR"]]],
    ["We offer dog walks at £12 and puppy visits £8", [["Dog walks", "£12"], ["Puppy visits", "£8"]]],
    ["Menu: latte €3, mocha €3.50", [["Latte", "€3"], ["Mocha", "€3.50"]]],
    ["I charge lessons 30 dollars", [["Lessons", "30 dollars"]]],
  ] as const)("%s", (text, items) => {
    const reading = readPrompt(text);
    const lists = readPriceLists(reading.tokens);
    expect(lists.flatMap((l) => l.items.map((i) => [i.name, i.price]))).toEqual(items);
  });

  it.each(["Open 9 to 5 on weekdays", "I have 3 kids and 2 dogs", "budget of 500 for groceries"])("%s has no price list", (text) => {
    expect(readPriceLists(readPrompt(text).tokens)).toEqual([]);
  });
});

describe("short opening hours", () => {
  it.each([
    ["Open Tue-Sat 8am-3pm.", [["Tuesday – Saturday", "8am – 3pm"]]],
    ["Mon–Fri 9-5, closed Sundays", [["Monday – Friday", "9am – 5pm"], ["Sunday", "Closed"]]],
    ["open weekends 10am to 4pm", [["Weekends", "10am – 4pm"]]],
    ["We're open Monday to Saturday 9:00 - 17:30 and Sunday 10-2.", [["Monday – Saturday", "09:00 – 17:30"], ["Sunday", "10am – 2pm"]]],
    ["hours: Wed, Thu & Fri 11:30am until 10pm", [["Wednesday, Thursday & Friday", "11:30am – 10pm"]]],
    ["closed on Mondays", [["Monday", "Closed"]]],
  ] as const)("%s", (text, rows) => {
    const lists = readOpeningHours(readPrompt(text).tokens, 0, undefined, true);
    expect(lists.flatMap((l) => l.rows.map((r) => [r.days, r.hours]))).toEqual(rows);
  });

  it("a party on Saturday 7pm-11pm is no opening hours unless the site is a business's", () => {
    expect(readOpeningHours(readPrompt("party on Saturday 7pm-11pm").tokens)).toEqual([]);
  });
});

describe("sites, fully read", () => {
  it.each([
    ["Website for Rosie's Bakery in Leeds. We sell sourdough £4.50, croissants £2.20 and cinnamon buns £2.80. Open Tue-Sat 8am-3pm. Add a contact form.", "Sourdough", "Tuesday – Saturday"],
    ["website for my barber shop, we do haircuts for $25 and beard trims for $10. Mon–Fri 9-5, closed Sundays", "Haircuts", "Monday – Friday"],
    ["landing page for Kaffee Klein in Berlin: coffee 2.50 EUR, cake 3.20 EUR. open weekends 10am to 4pm", "Coffee", "Weekends"],
    ["site for Bloom florist. Bouquets from £25, wreaths £40. We're open Monday to Saturday 9:00 - 17:30", "Bouquets", "Monday – Saturday"],
    ["a one page site for my pizza restaurant, margherita £9 and pepperoni £11, opening hours Tue-Sun 5pm-10pm", "Margherita", "Tuesday – Sunday"],
  ])("%s", (prompt, item, days) => {
    const plan = compile(prompt);
    expect(unsupported(plan)).toEqual([]);
    const menu = sections(plan).find((s) => s.type === "menu") as { groups: { items: { name: string }[] }[] } | undefined;
    expect(menu?.groups.flatMap((g) => g.items.map((i) => i.name))).toContain(item);
    const hours = sections(plan).find((s) => s.type === "hours") as { rows: { days: string }[] } | undefined;
    expect(hours?.rows.map((r) => r.days)).toContain(days);
    expect(plan.acceptanceChecks.map((c) => c.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^menu-/), expect.stringMatching(/^hours-/)]));
  });
});

describe("capitals quizzes by continent", () => {
  const datasetOf = (plan: TPlan) => (sections(plan).find((s) => s.type === "quiz") as { source: { dataset?: string } } | undefined)?.source.dataset;
  it.each([
    ["quiz me on capitals of european countries and give me a score at the end", "europe-capitals"],
    ["capital cities of Asia quiz with score", "asia-capitals"],
    ["quiz me on african capitals", "africa-capitals"],
    ["quiz on the capitals of south american countries", "south-america-capitals"],
    ["world capitals quiz", "world-capitals"],
    ["quiz on capitals of the world", "world-capitals"],
    ["us state capitals quiz", "us-state-capitals"],
    ["quiz me on european capital cities", "europe-capitals"],
  ])("%s → %s", (prompt, dataset) => {
    const plan = compile(prompt);
    expect(unsupported(plan)).toEqual([]);
    expect(datasetOf(plan)).toBe(dataset);
  });

  it("a region the data has no list for is reported, and the quiz asks about the world", () => {
    const plan = compile("quiz on capitals of caribbean countries");
    expect(unsupported(plan)).toEqual(["caribbean countries"]);
    expect(datasetOf(plan)).toBe("world-capitals");
  });
});

describe("cards and questions the user writes", () => {
  it.each([
    "flashcards to learn spanish vocabulary, I type the cards myself",
    "flashcards where I add my own cards",
    "flashcard app - i enter the words myself",
    "flash cards, we'll make our own deck",
    "flashcards, the cards I make myself",
  ])("%s", (prompt) => {
    const plan = compile(prompt);
    expect(unsupported(plan)).toEqual([]);
    const own = plan.requirements?.find((r) => r.kind === "interaction" && /myself|own/.test(r.quote));
    expect(own).toBeDefined();
    expect(plan.acceptanceChecks.find((c) => c.id.endsWith("-own-cards"))?.requirementIds).toContain(own!.id);
  });

  it("a quiz whose questions I write myself", () => {
    const plan = compile("quiz app where I write my own questions");
    expect(unsupported(plan)).toEqual([]);
    expect(plan.entities.map((e) => e.name)).toContain("Question");
  });
});

describe("a slot for each day, picked from my own records", () => {
  it.each([
    ["weekly meal planner: pick a dinner for each day of the week from my recipes", "Dinner", "Recipe"],
    ["chore planner: assign a chore to each day from our chores list", "Chore", "Chore"],
    ["plan a workout for each weekday out of my workouts", "Workout", "Workout"],
    ["choose a lunch for every day of the week from my recipes", "Lunch", "Recipe"],
    ["select a book for each night from my books", "Book", "Book"],
  ])("%s", (prompt, slot, itemOf) => {
    const plan = compile(prompt);
    expect(unsupported(plan)).toEqual([]);
    const week = sections(plan).find((s) => s.type === "weekPlan") as { slots: string[]; itemOf: string } | undefined;
    expect(week?.slots).toEqual([slot]);
    expect(week?.itemOf).toBe(itemOf);
    expect(plan.acceptanceChecks.map((c) => c.id)).toContainEqual(expect.stringMatching(/-picked$/));
    // No list of meals beside the recipes the slots pick from.
    expect(plan.entities.map((e) => e.name)).not.toContain("Meal");
  });
});

describe("a chart of one number over time", () => {
  it.each([
    ["workout log: exercises, and for each exercise the sets with weight and reps. chart of weight over time", "weight"],
    ["fuel log with date, litres and price. line chart of price by date", "price"],
    ["log my runs with date and distance. graph my distance", "distance"],
    ["savings tracker: each deposit has a date and amount. chart of amount over time", "amount"],
    ["log my runs with date and distance. track distance over the weeks with a chart", "distance"],
  ])("%s", (prompt, field) => {
    const plan = compile(prompt);
    const chart = sections(plan).find((s) => s.type === "chart" && s.groupBy && "dateField" in s.groupBy) as { chartType: string; measure: { agg: string; of: { field: string } } } | undefined;
    expect(chart?.chartType).toBe("line");
    const measured = plan.entities.flatMap((e) => e.fields).find((f) => f.name === chart?.measure.of.field);
    expect(measured?.label.toLowerCase()).toContain(field);
    expect(unsupported(plan).filter((q) => /chart|graph|time/.test(q))).toEqual([]);
  });
});
