// The widgets check generators on compiled eval prompts and hand-written plans: which checks each
// section gets, which requirements each verifies, and the exact names and values they look for.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import cases from "~/eval/cases.json";
import { compileAppPlan } from "../../compile-app-plan";
import { boardChecks, checkDay, checkinsChecks, sequenceChecks, weekPlanChecks } from "./widgets-checks";
import { handWritten, hensPlan, medicationsPlan, setlistPlan, waterPlan } from "./widgets-plans";

function compiled(id: string): TPlan {
  const prompt = (cases as { prompts: { id: string; prompt: string }[] }).prompts.find((c) => c.id === id)!.prompt;
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}
const check = (plan: TPlan, id: string) => {
  const found = plan.acceptanceChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${plan.acceptanceChecks.map((c) => c.id).join(", ")}`);
  return found;
};
const stepsOf = (plan: TPlan, id: string, action: string) => check(plan, id).steps.filter((s) => s.action === action);
/** Planned requirements of the plan's widget sections that no check verifies. */
function unchecked(plan: TPlan): string[] {
  const checked = new Set(plan.acceptanceChecks.flatMap((c) => c.requirementIds ?? []));
  const ids = plan.pages.flatMap((p) => (p.sections ?? []).filter((s) => ["checkins", "board", "sequence", "weekPlan", "feed"].includes(s.type)).flatMap((s) => s.requirementIds ?? []));
  return (plan.requirements ?? []).filter((r) => r.status === "planned" && ids.includes(r.id) && !checked.has(r.id)).map((r) => r.id);
}

describe("check-ins checks", () => {
  it("rent per flat per month: ticks a month and the one before, reads the flats late this month and the rent collected this year", () => {
    const plan = compiled("landlord-rent");
    expect(unchecked(plan)).toEqual([]);
    const ticks = stepsOf(plan, "checkins-rent-came-in-tick", "check").map((s) => s.action === "check" && s.label);
    expect(ticks).toEqual(["Marigold done for March 2026", "Juniper done for February 2026"]);
    const late = check(plan, "checkins-days-late-late");
    expect(late.requirementIds).toEqual([plan.requirements!.find((r) => r.quote === "Highlight anyone who's late")!.id]);
    // 10 March: Juniper, ticked for February only, is 5 days past the 5th; Marigold, ticked for March, is not late.
    expect(late.steps.filter((s) => s.action === "expectText" || s.action === "expectNoText")).toEqual([
      { action: "expectText", text: "Days late 5 Alert", within: "Juniper" },
      { action: "expectText", text: "Days late 0", within: "Marigold" },
      { action: "expectNoText", text: "Alert", within: "Marigold" },
    ]);
    const total = check(plan, "checkins-rent-collected-this-year-total");
    expect(total.requirementIds).toEqual([plan.requirements!.find((r) => r.quote === "total rent collected this year")!.id]);
    expect(total.steps).toContainEqual({ action: "fill", label: "Rent", value: "800", within: "Add flat" });
    // 800 + 800 + 650 this year; December's 650 is last year's.
    expect(total.steps.filter((s) => s.action === "expectValue").map((s) => s.action === "expectValue" && s.value)).toEqual(["0.00", "800.00", "2,250.00", "2,250.00", "2,250.00"]);
    expect(stepsOf(plan, "checkins-rent-collected-this-year-total", "check").map((s) => s.action === "check" && s.label).at(-1)).toBe("Juniper done for December 2025");
  });

  it("habit tracker: ticks today and yesterday and reads a streak of 1, then 2", () => {
    const plan = compiled("habit-streak");
    expect(unchecked(plan)).toEqual([]);
    expect(check(plan, "checkins-today-tick").requirementIds).toEqual(["r2"]);
    const streak = check(plan, "checkins-today-streak");
    expect(streak.requirementIds).toEqual(["r3"]);
    expect(streak.steps[0]).toEqual({ action: "clock", at: `${checkDay}T09:00` });
    // The habits are added on the Habits page, in its form.
    expect(streak.steps).toContainEqual({ action: "fill", label: "Name", value: "Marigold", within: "Add habit" });
    expect(streak.steps).toContainEqual({ action: "click", role: "button", name: "Add habit", within: "Add habit" });
    expect(stepsOf(plan, "checkins-today-streak", "check")).toEqual([
      { action: "check", label: "Marigold done on Tuesday 10 March 2026", within: "Today" },
      { action: "check", label: "Marigold done on Monday 9 March 2026", within: "Today" },
    ]);
    expect(stepsOf(plan, "checkins-today-streak", "expectValue").map((s) => (s as { label: string; value: string }).label + " = " + (s as { value: string }).value)).toEqual([
      "Current streak for Marigold = 0", "Current streak for Marigold = 1", "Current streak for Marigold = 2", "Current streak for Marigold = 2", "Current streak for Juniper = 0",
    ]);
  });

  it("medications: a tick per dose time, and what is still due", () => {
    const plan = medicationsPlan();
    expect(unchecked(plan)).toEqual([]);
    expect(check(plan, "checkins-today-s-doses-due-today").requirementIds).toEqual(["r4"]);
    const tick = check(plan, "checkins-today-s-doses-tick");
    expect(tick.requirementIds).toEqual(["r3"]);
    // Marigold at morning and evening, Juniper at noon: boxes ticked in the records form.
    expect(tick.steps).toContainEqual({ action: "check", label: "Evening", within: "Add medication" });
    expect(tick.steps).toContainEqual({ action: "uncheck", label: "Noon", within: "Add medication" });
    expect(tick.steps).toContainEqual({ action: "check", label: "Marigold morning done on Tuesday 10 March 2026", within: "Today's doses" });
    expect(tick.steps).toContainEqual({ action: "expectElement", role: "checkbox", name: "Marigold evening done on Tuesday 10 March 2026", within: "Today's doses", state: "unchecked" });
    const due = stepsOf(plan, "checkins-today-s-doses-due-today", "expectText").concat(stepsOf(plan, "checkins-today-s-doses-due-today", "expectNoText"));
    expect(due).toEqual(expect.arrayContaining([
      { action: "expectNoText", text: "Marigold (Morning)", within: "Still due today" },
      { action: "expectText", text: "Marigold (Evening)", within: "Still due today" },
      { action: "expectText", text: "Juniper (Noon)", within: "Still due today" },
    ]));
  });

  it("egg counts: up three, down one, 2 after a reload, yesterday apart", () => {
    const plan = hensPlan();
    expect(unchecked(plan)).toEqual([]);
    const values = stepsOf(plan, "checkins-eggs-today-count", "expectValue").map((s) => (s as { label: string }).label + " = " + (s as { value: string }).value);
    expect(values).toEqual([
      "Marigold count on Tuesday 10 March 2026 = 0", "Marigold count on Tuesday 10 March 2026 = 3", "Marigold count on Tuesday 10 March 2026 = 2", "Juniper count on Tuesday 10 March 2026 = 0",
      "Marigold count on Tuesday 10 March 2026 = 2", "Marigold count on Monday 9 March 2026 = 0", "Marigold count on Monday 9 March 2026 = 1", "Marigold count on Tuesday 10 March 2026 = 2",
    ]);
  });

  it("water: the section adds its own records and counts to the goal of 8", () => {
    const plan = waterPlan();
    const count = check(plan, "checkins-glasses-today-count");
    expect(count.steps).toContainEqual({ action: "fill", label: "Drink", value: "Marigold", within: "Add drink" });
    expect(count.steps.filter((s) => s.action === "click" && s.name === "Add one to Marigold")).toHaveLength(3 + 1 + 6);
    expect(count.steps.at(-1)).toEqual({ action: "expectText", text: "goal reached", within: "Glasses today" });
    expect(check(plan, "checkins-glasses-today-due-today").steps.filter((s) => s.action === "click" && s.name === "Add one to Marigold")).toHaveLength(8);
    for (const c of plan.acceptanceChecks) expect(c.steps.length).toBeLessThanOrEqual(60);
  });

  it("needs its entities", () => {
    const plan = hensPlan();
    const section = { type: "checkins" as const, entity: "Nope", logEntity: "EggCount", mode: "tick" as const, showDueToday: false };
    expect(checkinsChecks(section, plan.pages[0]!, { plan })).toEqual([]);
  });
});

describe("board checks", () => {
  it("kanban: the four columns in order, moves by button to Done, and drag", () => {
    const plan = compiled("kanban-four-columns");
    expect(unchecked(plan)).toEqual([]);
    expect(check(plan, "board-board-drag").requirementIds).toEqual(["r3"]);
    expect(check(plan, "board-board-columns").requirementIds).toEqual(["r2"]);
    expect(check(plan, "board-board-move").requirementIds).toEqual(["r1"]);
    expect(check(plan, "board-board-columns").steps).toContainEqual({ action: "expectOrder", texts: ["Backlog", "Doing", "Review", "Done"], within: "Board columns" });
    const move = check(plan, "board-board-move").steps;
    expect(move.filter((s) => s.action === "click" && s.role === "button" && s.name.startsWith("Move")).map((s) => (s as { name: string }).name)).toEqual(["Move Marigold to Doing", "Move Marigold to Review", "Move Marigold to Done"]);
    expect(move.slice(-3)).toEqual([
      { action: "expectText", text: "Marigold", within: "Done" },
      { action: "expectNoText", text: "Marigold", within: "Backlog" },
      { action: "expectNoText", text: "Marigold", within: "Doing" },
    ]);
    expect(check(plan, "board-board-drag").steps).toContainEqual({ action: "drag", from: { role: "listitem", name: "Juniper", within: "Backlog" }, to: { role: "list", name: "Done", within: "Board" } });
  });

  it("two columns: no move through a middle column; a board without options gets no checks", () => {
    const plan = handWritten({
      appName: "Two columns",
      entities: [{ name: "Task", pluralLabel: "Tasks", fields: [{ name: "title", label: "Title", type: "string" }, { name: "state", label: "State", type: "enum", options: ["Open", "Closed"] }] }],
      pages: [{ path: "/", title: "Tasks", purpose: "Tasks", sections: [{ type: "board", entity: "Task", columnField: "state", drag: false }] }],
    });
    expect(plan.acceptanceChecks.map((c) => c.id)).toEqual(["app-loads", "board-tasks-columns", "board-tasks-move"]);
    expect(check(plan, "board-tasks-move").steps.filter((s) => s.action === "expectNoText")).toEqual([{ action: "expectNoText", text: "Marigold", within: "Open" }, { action: "expectNoText", text: "Marigold", within: "Open" }]);
    const one = { ...plan, entities: [{ ...plan.entities[0]!, fields: [plan.entities[0]!.fields[0]!, { ...plan.entities[0]!.fields[1]!, options: ["Open"] }] }] };
    expect(boardChecks({ type: "board", entity: "Task", columnField: "state", drag: true }, plan.pages[0]!, { plan: one })).toEqual([]);
  });
});

describe("sequence checks", () => {
  it("setlist: songs added in the library, picked out of order, totalled, moved, removed and dragged", () => {
    const plan = setlistPlan();
    expect(unchecked(plan)).toEqual([]);
    expect(check(plan, "sequence-setlist-order").requirementIds).toEqual(["r4"]);
    expect(check(plan, "sequence-setlist-drag").requirementIds).toEqual(["r3"]);
    const order = check(plan, "sequence-setlist-order").steps;
    expect(order).toContainEqual({ action: "fill", label: "Length", value: "5", within: "Add song" });
    expect(order).toContainEqual({ action: "select", label: "Song", value: "Saffron", within: "Setlist" });
    expect(order).toContainEqual({ action: "click", role: "button", name: "Add to Setlist", within: "Setlist" });
    expect(order.filter((s) => s.action === "expectValue")).toEqual([
      { action: "expectValue", label: "Total set length", value: "12 min 30 s", within: "Setlist" },
      { action: "expectValue", label: "Total set length", value: "7 min 30 s", within: "Setlist" },
    ]);
    expect(order).toContainEqual({ action: "expectOrder", texts: ["Saffron", "Juniper", "Marigold"], within: "Songs in Setlist" });
  });

  it("setlist: songs dragged from the library into the set, counted there, then reordered by dragging", () => {
    const drag = check(setlistPlan(), "sequence-setlist-drag").steps;
    expect(drag).toContainEqual({ action: "drag", from: { role: "listitem", name: "Saffron", within: "Songs to add to Setlist" }, to: { role: "listitem", name: "Marigold", within: "Songs in Setlist" } });
    expect(drag.filter((s) => s.action === "expectValue").map((s) => "value" in s && s.value)).toEqual(["9 min 30 s", "12 min 30 s"]);
    expect(drag.filter((s) => s.action === "expectOrder").map((s) => "texts" in s && s.texts)).toEqual([["Saffron", "Marigold"], ["Saffron", "Juniper", "Marigold"], ["Marigold", "Saffron", "Juniper"], ["Marigold", "Saffron", "Juniper"]]);
  });

  it("needs a records section for what it picks", () => {
    const plan = setlistPlan();
    const noLibrary = { ...plan, pages: [plan.pages[0]!] };
    expect(sequenceChecks(plan.pages[0]!.sections![0] as Parameters<typeof sequenceChecks>[0], plan.pages[0]!, { plan: noLibrary })).toEqual([]);
  });
});

describe("week plan checks", () => {
  it("meal planner: Monday to Sunday by slot, a slot's meal kept for its week only, and the week's shopping list combined and ticked", () => {
    const plan = compiled("meal-planner-shopping");
    expect(unchecked(plan)).toEqual([]);
    const week = check(plan, "week-plan-meal-plan-week");
    const shopping = check(plan, "week-plan-meal-plan-shopping");
    expect(week.requirementIds).toEqual(["r1"]);
    expect(shopping.requirementIds).toEqual(["r2"]);
    expect(week.steps).toContainEqual({ action: "expectText", text: "Week of Monday 9 March 2026", within: "Meal plan" });
    expect(week.steps).toContainEqual({ action: "expectOrder", texts: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], within: "Meal plan: meals by day" });
    expect(week.steps).toContainEqual({ action: "expectText", text: "Week of Monday 16 March 2026", within: "Meal plan" });
    expect(week.steps.filter((s) => s.action === "expectValue").map((s) => "value" in s && s.value)).toEqual(["Marigold porridge", "Marigold porridge", "Marigold porridge", "Juniper stew"]);
    // The meals and their ingredients are typed once, in the meals' own form.
    expect(shopping.steps).toContainEqual({ action: "fill", label: "Ingredients", value: "Flour, milk, Eggs", within: "Add meal" });
    expect(shopping.steps).toContainEqual({ action: "fill", label: "Sunday Dinner", value: "Juniper", within: "Meal plan" });
    expect(shopping.steps.filter((s) => s.action === "expectCount").map((s) => "count" in s && s.count)).toEqual([4, 2]);
    expect(shopping.steps.filter((s) => s.action === "expectNoText").map((s) => "text" in s && s.text)).toEqual(["Rice", "Kelp", "Flour", "Eggs"]);
    expect(shopping.steps).toContainEqual({ action: "expectElement", role: "checkbox", name: "Milk", within: "Shopping list", state: "checked" });
  });

  it("without a shopping list only the week is checked; without a records section for the meals, the shopping list is not", () => {
    const plan = compiled("meal-planner-shopping");
    const page = plan.pages.find((p) => p.sections?.some((s) => s.type === "weekPlan"))!;
    const section = page.sections!.find((s) => s.type === "weekPlan") as Parameters<typeof weekPlanChecks>[0];
    expect(weekPlanChecks({ ...section, shopping: undefined }, page, { plan }).map((c) => c.id)).toEqual(["week-plan-meal-plan-week"]);
    expect(weekPlanChecks(section, page, { plan: { ...plan, pages: [page] } }).map((c) => c.id)).toEqual(["week-plan-meal-plan-week"]);
  });
});

describe("feed checks", () => {
  it("guestbook: two posts, newest first, with author and day", () => {
    const plan = compiled("guestbook");
    expect(unchecked(plan)).toEqual([]);
    const feed = check(plan, "feed-messages");
    // The feed, its order and who posts, plus the name and message fields it types into.
    expect(feed.requirementIds).toEqual(["r1", "r4", "r5", "r2", "r3"]);
    expect(feed.steps).toContainEqual({ action: "fill", label: "Name", value: "Juniper", within: "Add message" });
    expect(feed.steps).toContainEqual({ action: "expectOrder", texts: ["Juniper", "Wombat wishes for the party", "Marigold", "Quokka greetings from the coast"], within: "Messages" });
    expect(feed.steps).toContainEqual({ action: "expectText", text: "10 March 2026", within: "Messages" });
  });
});
