// The records, form and entity check generators on compiled eval prompts and hand-written plans:
// which checks exist, which requirements each verifies, and that they ask for concrete records on
// both sides of a view's boundary and the numbers worked out independently.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import cases from "~/eval/cases.json";
import { compileAppPlan } from "../../compile-app-plan";
import { sectionCheckGenerators, entityCheckGenerator } from "../registry";
import { computedConditionHolds, conditionValues, viewValues } from "./conditions";
import { entityChecks, formChecks, recordsChecks } from "./records-checks";
import { crmPlan, journalPlan, libraryPlan } from "./records-plans";

function compiled(id: string): TPlan {
  const prompt = (cases as { prompts: { id: string; prompt: string }[] }).prompts.find((c) => c.id === id)!.prompt;
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}
const check = (plan: TPlan, id: string) => {
  const found = plan.acceptanceChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} in ${plan.acceptanceChecks.map((c) => c.id).join(", ")}`);
  return found;
};
const checkedIds = (plan: TPlan) => new Set(plan.acceptanceChecks.flatMap((c) => c.requirementIds ?? []));

describe("registration", () => {
  it("registers the records, form and entity generators", () => {
    expect(sectionCheckGenerators.records).toBe(recordsChecks);
    expect(sectionCheckGenerators.form).toBe(formChecks);
    expect(entityCheckGenerator).toBe(entityChecks);
  });
});

describe("on compiled eval prompts", () => {
  it.each(["hardware-inventory", "mini-crm", "expenses-typo", "sharp-lines-barbers", "bakery-orders", "chess-club-members", "reading-list-ratings", "birthday-rsvp", "little-fox-cafe", "todo-due-dates"])("%s: data requirements are checked, within the step limit", (id) => {
    const plan = compiled(id);
    for (const c of plan.acceptanceChecks) expect(c.steps.length).toBeLessThanOrEqual(60);
    const dataKinds = new Set(["entity", "field", "relation"]);
    const unchecked = (plan.requirements ?? []).filter((r) => r.status === "planned" && dataKinds.has(r.kind) && !checkedIds(plan).has(r.id));
    expect(unchecked.map((r) => `${r.id} ${r.text}`)).toEqual([]);
  });

  it("hardware inventory: a product is added with its supplier, chosen by name, and every field is shown", () => {
    const steps = check(compiled("hardware-inventory"), "entity-product-fields").steps;
    expect(steps).toContainEqual({ action: "fill", label: "Name", value: "Zephyr", within: "Add Supplier" });
    expect(steps).toContainEqual({ action: "select", label: "Supplier", value: "Zephyr", within: "Add Product" });
    expect(steps).toContainEqual({ action: "expectText", text: "Reorder level 33", within: "Quokka" });
    expect(steps).toContainEqual({ action: "expectText", text: "Zephyr", within: "Quokka" });
  });

  it("mini CRM: every stage is offered, and a deal keeps its amount as money", () => {
    const steps = check(compiled("mini-crm"), "entity-deal-fields").steps;
    for (const stage of ["New", "Proposal", "Won", "Lost"]) expect(steps.some((s) => s.action === "select" && s.label === "Stage" && s.value === stage)).toBe(true);
    expect(steps).toContainEqual({ action: "expectText", text: "Amount 34.50", within: "Quokka" });
  });

  it("barbers: the booking form refuses an empty name, thanks the sender and the request is listed", () => {
    const plan = compiled("sharp-lines-barbers");
    const steps = check(plan, "form-request-a-booking").steps;
    const at = (predicate: (s: (typeof steps)[number]) => boolean) => steps.findIndex(predicate);
    expect(at((s) => s.action === "expectText" && s.text === "Enter a name")).toBeLessThan(at((s) => s.action === "fill" && s.label === "Name"));
    expect(steps).toContainEqual({ action: "expectText", text: "Thanks — your booking request has been received.", within: "Request a booking" });
    expect(steps.at(-6)).toEqual({ action: "goto", path: "/bookings" });
    expect(steps).toContainEqual({ action: "expectElement", role: "listitem", name: "Zephyr", within: "Booking requests" });
    // The list itself has no add form: its records come from the booking form.
    expect(check(plan, "records-booking-requests-add").steps[0]).toEqual({ action: "goto", path: "/" });
  });

  it("community library: loans can be added, so the overdue view and the returned action are checked", () => {
    const plan = compiled("community-library");
    const overdue = plan.requirements?.find((r) => r.kind === "view" && r.quote.includes("overdue"));
    const returned = plan.requirements?.find((r) => r.kind === "interaction" && r.quote.includes("returned"));
    expect(plan.acceptanceChecks.some((c) => c.id.startsWith("records-overdue"))).toBe(true);
    expect(checkedIds(plan).has(overdue!.id)).toBe(true);
    expect(checkedIds(plan).has(returned!.id)).toBe(true);
  });
});

describe("on hand-written plans", () => {
  const library = libraryPlan();

  it("the overdue view gets a loan due yesterday, one due today and one returned, and shows only the first", () => {
    const c = check(library, "records-overdue-loans-view");
    expect(c.requirementIds).toEqual(["r5"]);
    const dueDates = c.steps.filter((s) => s.action === "fill" && s.label === "Due date").map((s) => (s as { value: string }).value);
    expect(dueDates).toEqual(["{{today-1}}", "{{today}}", "{{today-1}}"]);
    expect(c.steps.filter((s) => s.action === "check" && s.label === "Returned")).toHaveLength(1);
    expect(c.steps.slice(-3)).toEqual([
      { action: "expectElement", role: "listitem", name: "Zephyr", within: "Overdue loans" },
      { action: "expectNoText", text: "Marigold", within: "Overdue loans" },
      { action: "expectNoText", text: "Saffron", within: "Overdue loans" },
    ]);
  });

  it("Mark returned is offered only on loans not returned, and takes the loan out of the overdue view", () => {
    const c = check(library, "records-overdue-loans-action-mark-returned");
    expect(c.requirementIds).toEqual(["r6"]);
    expect(c.steps.slice(-4)).toEqual([
      { action: "click", role: "button", name: "Mark returned Zephyr", within: "Overdue loans" },
      { action: "expectNoText", text: "Zephyr", within: "Overdue loans" },
      { action: "reload" },
      { action: "expectNoText", text: "Zephyr", within: "Overdue loans" },
    ]);
    // On the entity's own list, the action's effect is read back in the edit dialog.
    const own = check(library, "entity-loan-action-mark-returned");
    expect(own.steps).toContainEqual({ action: "expectElement", role: "checkbox", name: "Returned", within: "Edit Loan", state: "checked" });
    // A returned loan is not offered the action; after it, the loan is not offered it again.
    expect(own.steps.filter((s) => s.action === "expectCount" && s.role === "button" && s.count === 0).map((s) => (s as { name: string }).name)).toEqual(["Mark returned Marigold", "Mark returned Zephyr"]);
  });

  it("days overdue: 3 with the alert for a loan due three days ago, -2 without it for one due in two days", () => {
    const c = check(library, "entity-loan-daysoverdue");
    expect(c.requirementIds).toEqual(["r7"]);
    expect(c.steps.slice(-3)).toEqual([
      { action: "expectText", text: "3 Alert", within: "Zephyr" },
      { action: "expectText", text: "-2", within: "Quokka" },
      { action: "expectNoText", text: "Alert", within: "Quokka" },
    ]);
  });

  it("renaming a card renames the meaning that carried its old word, so the old word is rightly gone", () => {
    const steps = check(compiled("spanish-flashcards"), "records-cards-edit-delete").steps;
    expect(steps).toContainEqual({ action: "fill", label: "English meaning", value: "Marigold English meaning", within: "Edit Card" });
    expect(steps).toContainEqual({ action: "expectNoText", text: "Zephyr", within: "Cards" });
  });

  it("monthly budget: what is left is the budget minus this month's spending (an older expense left out), red below zero", () => {
    const plan = compiled("monthly-budget");
    const c = check(plan, "entity-category-left");
    expect(c.steps.filter((s) => s.action === "fill" && s.label === "Date").map((s) => (s as { value: string }).value)).toEqual(["{{today}}", "{{today}}", "{{today-40}}"]);
    expect(c.steps.slice(-3)).toEqual([
      { action: "expectText", text: "Left this month -6.00 Alert", within: "Juniper" },
      { action: "expectText", text: "Left this month 40.00", within: "Saffron" },
      { action: "expectNoText", text: "Alert", within: "Saffron" },
    ]);
  });

  it("loans are sorted by due date, filtered by returned, and a loan without a book or due date is refused", () => {
    expect(check(library, "records-loans-sort").steps.at(-1)).toEqual({ action: "expectOrder", texts: ["Quokka", "Marigold", "Zephyr"], within: "Loans" });
    expect(check(library, "records-loans-filter-returned").requirementIds).toEqual(["r8"]);
    const required = check(library, "entity-loan-required").steps;
    expect(required).toContainEqual({ action: "expectText", text: "Enter a book", within: "Add Loan" });
    expect(required).toContainEqual({ action: "expectText", text: "Enter a due date", within: "Add Loan" });
  });

  it("journal: a second entry today replaces the first; entries are grouped under their mood", () => {
    const plan = journalPlan();
    expect(check(plan, "records-journal-one-per-date").requirementIds).toEqual(["r2"]);
    expect(check(plan, "records-journal-one-per-date").steps.slice(-3)).toEqual([
      { action: "expectElement", role: "listitem", name: "Quokka", within: "Journal" },
      { action: "expectNoText", text: "Zephyr", within: "Journal" },
      { action: "expectElement", role: "listitem", name: "Marigold", within: "Journal" },
    ]);
    expect(check(plan, "records-journal-group").steps.at(-1)).toEqual({ action: "expectOrder", texts: ["Happy", "Zephyr", "Calm", "Quokka"], within: "Journal" });
    expect(check(plan, "entity-entry-fields").steps).toContainEqual({ action: "expectText", text: "Hours slept 24 h", within: "Zephyr" });
  });

  it("CRM: open deals count only deals not won or lost; the deal value sums them and is highlighted from 30", () => {
    const plan = crmPlan();
    const open = check(plan, "entity-lead-opendeals").steps;
    expect(open.filter((s) => s.action === "select" && s.label === "Lead")).toHaveLength(3);
    expect(open.slice(-2)).toEqual([{ action: "expectText", text: "Open deals 2", within: "Juniper" }, { action: "expectText", text: "Open deals 0", within: "Saffron" }]);
    const value = check(plan, "entity-lead-dealvalue").steps;
    expect(value.slice(-3)).toEqual([
      { action: "expectText", text: "Deal value 31.00 Good", within: "Marigold" },
      { action: "expectText", text: "Deal value 0.00", within: "Juniper" },
      { action: "expectNoText", text: "Good", within: "Juniper" },
    ]);
  });
});

describe("condition values sit on both sides of the boundary", () => {
  const entity = { name: "Loan", pluralLabel: "Loans", belongsTo: [], fields: [
    { name: "due", label: "Due", type: "date" as const, required: false },
    { name: "qty", label: "Qty", type: "number" as const, required: false },
    { name: "stage", label: "Stage", type: "enum" as const, required: false, options: ["New", "Won", "Lost"] },
  ] };
  it.each([
    [{ field: "due", op: "beforeToday" as const }, "{{today-1}}", "{{today}}"],
    [{ field: "due", op: "onOrBeforeToday" as const }, "{{today}}", "{{today+1}}"],
    [{ field: "due", op: "afterToday" as const }, "{{today+1}}", "{{today}}"],
    [{ field: "due", op: "olderThanDays" as const, days: 7 }, "{{today-8}}", "{{today-6}}"],
    [{ field: "due", op: "withinNextDays" as const, days: 7 }, "{{today+1}}", "{{today+9}}"],
    [{ field: "qty", op: "lt" as const, value: 5 }, 4, 5],
    [{ field: "qty", op: "gte" as const, value: 5 }, 5, 4],
    [{ field: "stage", op: "notIn" as const, value: ["Won", "Lost"] }, "New", "Won"],
    // A period ending today: the miss is far enough back to be outside it whatever the date.
    [{ field: "due", op: "inRange" as const, period: { range: "thisMonth" as const } }, "{{today}}", "{{today-40}}"],
    [{ field: "due", op: "inRange" as const, period: { range: "thisWeek" as const } }, "{{today}}", "{{today-8}}"],
    [{ field: "due", op: "inRange" as const, period: { range: "lastNDays" as const, n: 7 } }, "{{today}}", "{{today-7}}"],
  ])("%o", (condition, match, miss) => {
    expect(conditionValues(condition, entity)).toMatchObject({ match, miss });
  });
  it("says nothing of conditions on parents or anniversaries", () => {
    expect(conditionValues({ field: "Member.name", op: "eq", value: "x" }, entity)).toBeNull();
    expect(conditionValues({ field: "due", op: "anniversaryWithinDays", days: 3 }, entity)).toBeNull();
  });
});

describe("a view on a computed \"date + every N days\" plants whole records", () => {
  const plant = { name: "Plant", pluralLabel: "Plants", belongsTo: [], fields: [
    { name: "name", label: "Name", type: "string" as const, required: true },
    { name: "everyDays", label: "Every (days)", type: "number" as const, required: false },
    { name: "lastWatered", label: "Last watered", type: "date" as const, required: true },
  ], computed: [{ name: "nextWatering", label: "Next watering", expr: { op: "add" as const, args: [{ field: "lastWatered" }, { field: "everyDays" }] as [{ field: string }, { field: string }] }, format: "date" as const }] };
  const due = { field: "nextWatering", op: "onOrBeforeToday" as const };

  it("lists one due exactly today; not one due tomorrow, nor one watered as long ago on a long interval", () => {
    expect(viewValues([due], plant)).toEqual({
      match: { lastWatered: "{{today-3}}", everyDays: 3 },
      misses: [{ lastWatered: "{{today-2}}", everyDays: 3 }, { lastWatered: "{{today-3}}", everyDays: 14 }],
    });
  });
  it("works out whether sample values pass, as the action check needs after \"Watered\"", () => {
    expect(computedConditionHolds(due, { lastWatered: "{{today}}", everyDays: 3 }, plant)).toBe(false);
    expect(computedConditionHolds(due, { lastWatered: "{{today-3}}", everyDays: 3 }, plant)).toBe(true);
    expect(computedConditionHolds({ field: "name", op: "isEmpty" }, { name: "" }, plant)).toBeNull();
  });
  it("says nothing of other computed values", () => {
    const other = { ...plant, computed: [{ ...plant.computed[0]!, expr: { fn: "daysSince" as const, args: [{ field: "lastWatered" }] } }] };
    expect(viewValues([due], other)).toBeNull();
  });
});

describe("date-based views of compiled eval prompts", () => {
  it("plant-watering: the due list shows Zephyr and hides both misses; \"Watered\" takes it off, after a reload too", () => {
    const plan = compiled("plant-watering");
    const view = check(plan, "records-need-watering-today-view");
    expect(view.steps.filter((s) => s.action === "expectElement" || s.action === "expectNoText").map((s) => [s.action, "name" in s ? s.name : "text" in s ? s.text : ""])).toEqual([["expectElement", "Zephyr"], ["expectNoText", "Marigold"], ["expectNoText", "Saffron"]]);
    const watered = check(plan, "records-need-watering-today-action-watered");
    expect(watered.steps.slice(-4)).toEqual([
      { action: "click", role: "button", name: "Watered Zephyr", within: "Need watering today" },
      { action: "expectNoText", text: "Zephyr", within: "Need watering today" },
      { action: "reload" },
      { action: "expectNoText", text: "Zephyr", within: "Need watering today" },
    ]);
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.length).toBe(plan.requirements?.length);
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
  });
  it("dog-grooming-runon: every requirement is planned and checked; the not-seen list is 60 days back", () => {
    const plan = compiled("dog-grooming-runon");
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.length).toBe(plan.requirements?.length);
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
    const view = check(plan, "records-not-groomed-in-over-2-months-view");
    expect(view.steps.filter((s) => s.action === "fill" && s.label === "Last groomed").map((s) => ("value" in s ? s.value : ""))).toEqual(["{{today-61}}", "{{today-59}}"]);
  });
});

describe("a view on a next birthday plants one today, one yesterday and one past the period", () => {
  const person = { name: "Person", pluralLabel: "People", belongsTo: [], fields: [
    { name: "name", label: "Name", type: "string" as const, required: true },
    { name: "birthday", label: "Birthday", type: "date" as const, required: false },
  ], computed: [{ name: "nextBirthday", label: "Next birthday", expr: { fn: "nextAnniversary" as const, args: [{ field: "birthday" }] }, format: "date" as const }] };
  it.each([
    [{ field: "nextBirthday", op: "inRange" as const, period: { range: "thisMonth" as const } }, "{{monthStart+40}}"],
    [{ field: "nextBirthday", op: "inRange" as const, period: { range: "thisWeek" as const } }, "{{today+8}}"],
    [{ field: "nextBirthday", op: "withinNextDays" as const, days: 30 }, "{{today+31}}"],
  ])("%o", (condition, later) => {
    expect(viewValues([condition], person)).toEqual({ match: { birthday: "{{today}}" }, misses: [{ birthday: "{{today-1}}" }, { birthday: later }] });
  });
  it("upcoming-birthdays: ages are checked on a fixed clock, with real birth dates", () => {
    const plan = compiled("upcoming-birthdays");
    const turning = check(plan, "entity-person-turning");
    expect(turning.steps[0]).toEqual({ action: "clock", at: "2026-03-10" });
    expect(turning.steps.filter((s) => s.action === "expectText").map((s) => ("text" in s ? s.text : ""))).toEqual(["Turning 36", "Turning 78", "Turning 37"]);
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
  });
});

describe("a view comparing two numbers of a record plants records on both sides and on the boundary", () => {
  const product = { name: "Product", pluralLabel: "Products", belongsTo: [], fields: [
    { name: "name", label: "Name", type: "string" as const, required: true },
    { name: "quantity", label: "Quantity", type: "number" as const, required: false },
    { name: "reorderLevel", label: "Reorder level", type: "number" as const, required: false },
  ] };
  const pair = (quantity: number, reorderLevel: number) => ({ quantity, reorderLevel });
  it.each([
    ["lt" as const, pair(3, 5), [pair(5, 5), pair(2, 1)]],
    ["lte" as const, pair(5, 5), [pair(6, 5), pair(2, 1)]],
    ["gt" as const, pair(7, 5), [pair(5, 5), pair(30, 40)]],
    ["gte" as const, pair(5, 5), [pair(4, 5), pair(30, 40)]],
  ])("%s", (op, match, misses) => {
    expect(viewValues([{ field: "quantity", op, valueField: "reorderLevel" }], product)).toEqual({ match, misses });
  });
  it("says nothing of a comparison with a field that is no number", () => {
    expect(viewValues([{ field: "quantity", op: "lt", valueField: "name" }], product)).toBeNull();
  });
});

describe("hardware-inventory: products below their reorder level, grouped by supplier with the supplier's phone", () => {
  const plan = compiled("hardware-inventory");
  it("every requirement is planned and checked", () => {
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.length).toBe(plan.requirements?.length);
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
  });
  it("the view shows a product 3 of 5 and hides one 5 of 5 and one 2 of 1", () => {
    const view = check(plan, "records-products-below-their-reorder-level-view");
    expect(view.steps.filter((s) => s.action === "fill" && s.label !== "Name").map((s) => ("value" in s ? s.value : ""))).toEqual(["3", "5", "5", "5", "2", "1"]);
    expect(view.steps.filter((s) => s.action === "expectElement" || s.action === "expectNoText").map((s) => [s.action, "name" in s ? s.name : "text" in s ? s.text : ""])).toEqual([["expectElement", "Zephyr"], ["expectNoText", "Marigold"], ["expectNoText", "Saffron"]]);
  });
  it("the groups are headed by two suppliers in order, each product under its own, with its supplier's phone", () => {
    const group = check(plan, "records-products-below-their-reorder-level-group");
    const region = "Products below their reorder level";
    expect(group.steps).toContainEqual({ action: "select", label: "Supplier", value: "Quokka", within: "Add Product" });
    expect(group.steps).toContainEqual({ action: "expectElement", role: "heading", name: "Quokka", within: region });
    expect(group.steps).toContainEqual({ action: "expectOrder", texts: ["Quokka", "Marigold", "0117 496 0101", "Zephyr", "Juniper", "0117 496 0102"], within: region });
    const contact = plan.requirements?.find((r) => r.quote === "so I know who to call");
    expect(group.requirementIds).toContain(contact?.id);
  });
});

describe("dog-walker-schedule: today's walks in order of time, done and paid each on its own", () => {
  const plan = compiled("dog-walker-schedule");
  it("every requirement is planned and checked", () => {
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.length).toBe(plan.requirements?.length);
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
  });
  it("today's list shows a walk today and hides yesterday's and tomorrow's", () => {
    const view = check(plan, "records-today-s-walks-view");
    expect(view.steps.filter((s) => s.action === "fill" && s.label === "Date").map((s) => ("value" in s ? s.value : ""))).toEqual(["{{today}}", "{{today-1}}", "{{today+1}}"]);
  });
  it("walks at 14:00, 09:00 and 11:30 today are listed from 09:00", () => {
    const sort = check(plan, "records-today-s-walks-sort");
    expect(sort.steps.filter((s) => s.action === "fill" && s.label === "Time").map((s) => ("value" in s ? s.value : ""))).toEqual(["14:00", "09:00", "11:30"]);
    expect(sort.steps.at(-1)).toEqual({ action: "expectOrder", texts: ["Quokka", "Marigold", "Zephyr"], within: "Today's walks" });
    expect(sort.requirementIds).toEqual([plan.requirements?.find((r) => r.quote === "in order")?.id]);
  });
  it("Mark done is kept after a reload and leaves Paid as it was", () => {
    const done = check(plan, "entity-walk-action-mark-done").steps;
    const reload = done.findIndex((s) => s.action === "reload");
    expect(reload).toBeGreaterThan(done.findIndex((s) => s.action === "click" && s.name === "Mark done Zephyr"));
    expect(done.slice(reload)).toContainEqual({ action: "expectElement", role: "checkbox", name: "Done", within: "Edit Walk", state: "checked" });
    expect(done.slice(reload)).toContainEqual({ action: "expectElement", role: "checkbox", name: "Paid", within: "Edit Walk", state: "unchecked" });
  });
});

describe("points earned and spent", () => {
  it("kids-chore-points: every requirement is planned and checked; 5 twice reads 10, a swap of 8 leaves 2, a kid with 5 is refused", () => {
    const plan = compiled("kids-chore-points");
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.length).toBe(plan.requirements?.length);
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
    for (const c of plan.acceptanceChecks) expect(c.steps.length).toBeLessThanOrEqual(60);
    const earned = check(plan, "entity-kid-points-earned");
    expect(earned.steps.filter((s) => s.action === "fill" && s.label === "Points").map((s) => ("value" in s ? s.value : ""))).toEqual(["5"]);
    expect(earned.steps.filter((s) => s.action === "expectText").map((s) => ("text" in s ? [s.text, s.within] : []))).toEqual([["Points 10", "Zephyr"], ["Points 5", "Quokka"], ["Points 10", "Zephyr"]]);
    const spent = check(plan, "entity-kid-points-spent");
    const said = spent.steps.filter((s) => (s.action === "expectText" || s.action === "expectNoText") && s.text === "Not enough points for that reward").map((s) => s.action);
    expect(said).toEqual(["expectNoText", "expectText", "expectText"]);
    expect(spent.steps.slice(-2)).toEqual([{ action: "expectText", text: "Points 2", within: "Zephyr" }, { action: "expectText", text: "Points 5", within: "Quokka" }]);
    // Sample swaps would be refused by the rule: the swaps' generic checks are left to the rule's own.
    expect(plan.acceptanceChecks.filter((c) => c.id.startsWith("records-rewards-swapped") || c.id.startsWith("entity-rewardswap")).map((c) => c.id)).toEqual([]);
  });
  it("a rule other than 'enough for the cost' gets no spending check", () => {
    const plan = compiled("kids-chore-points");
    const swap = plan.entities.find((e) => e.name === "RewardSwap")!;
    const withoutRule = { ...plan, entities: plan.entities.map((e) => (e === swap ? { ...e, addOnlyWhen: { ...swap.addOnlyWhen!, conditions: [{ field: "Kid.points", op: "gt" as const, valueField: "Reward.cost" }] } } : e)) };
    const kid = withoutRule.entities.find((e) => e.name === "Kid")!;
    const ids = entityChecks(kid, { plan: withoutRule } as never).map((c) => c.id);
    expect(ids).toContain("entity-kid-points-earned");
    expect(ids).not.toContain("entity-kid-points-spent");
  });
});

describe("a photo field is uploaded as a real file and seen drawn on its record", () => {
  it("sprout-plant-journal: every requirement is planned and checked; the photo is checked before and after a reload", () => {
    const plan = compiled("sprout-plant-journal");
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect((plan.requirements ?? []).filter((r) => r.status !== "planned")).toEqual([]);
    for (const r of planned) expect(checkedIds(plan), r.quote).toContain(r.id);
    const photo = plan.requirements!.find((r) => r.quote === "a photo")!;
    const fields = check(plan, "entity-plant-fields");
    expect(fields.requirementIds).toContain(photo.id);
    expect(fields.steps).toContainEqual({ action: "upload", label: "Photo", file: "picture", within: "Add Plant" });
    const drawn = { action: "expectElement", role: "img", name: "Photo of Zephyr", within: "Zephyr", state: "loaded" };
    const reload = fields.steps.findIndex((s) => s.action === "reload");
    expect(fields.steps.slice(0, reload)).toContainEqual(drawn);
    expect(fields.steps.slice(reload)).toContainEqual(drawn);
  });
});

describe("records picked for each record of another kind", () => {
  it("u12-football-roster: every requirement is planned and checked; twelve players, eleven picked, the twelfth refused, each match its own", () => {
    const plan = compiled("u12-football-roster");
    expect((plan.requirements ?? []).filter((r) => r.status !== "planned")).toEqual([]);
    for (const r of plan.requirements!) expect(checkedIds(plan), r.quote).toContain(r.id);
    const pick = plan.requirements!.find((r) => r.kind === "relation")!;
    const lineup = check(plan, "entity-match-starting11");
    expect(lineup.requirementIds).toEqual([pick.id]);
    expect(check(plan, "entity-match-fields").requirementIds).not.toContain(pick.id);
    const steps = lineup.steps;
    expect(steps.filter((s) => s.action === "click" && s.name === "Add Player")).toHaveLength(12);
    const ticks = steps.filter((s) => s.action === "check");
    expect(ticks).toHaveLength(12);
    expect(steps).toContainEqual({ action: "expectElement", role: "checkbox", name: ticks[11]!.label, within: "Add Match", state: "disabled" });
    const reload = steps.findIndex((s) => s.action === "reload");
    expect(steps.slice(reload)).toEqual([
      { action: "reload" },
      { action: "expectText", text: `Starting 11 11 players: ${ticks[0]!.label}`, within: "Rovers" },
      { action: "expectText", text: `Starting 11 1 player: ${ticks[11]!.label}`, within: "Albion" },
    ]);
    expect(steps).toContainEqual({ action: "expectNoText", text: ticks[11]!.label, within: "Rovers" });
  });
});

describe("invoice totals and what is owed", () => {
  it("invoices-clients: every requirement is planned and checked; 2 × 15.50 + 1 × 100 reads 131.00, unpaid 125 + 75 with 100 paid owes 200.00", () => {
    const plan = compiled("invoices-clients");
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.length).toBe(plan.requirements?.length);
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
    for (const c of plan.acceptanceChecks) expect(c.steps.length).toBeLessThanOrEqual(60);
    const texts = (id: string) => check(plan, id).steps.filter((s) => s.action === "expectText").map((s) => ("text" in s ? s.text : ""));
    const total = check(plan, "entity-invoice-total");
    expect(total.steps.flatMap((s) => (s.action === "fill" && s.label !== "Description" ? [`${s.label} ${s.value}`] : []))).toEqual(expect.arrayContaining(["Quantity 2", "Unit price 15.5", "Quantity 1", "Unit price 100", "Quantity 3", "Unit price 4"]));
    expect(texts("entity-invoice-total")).toEqual(["Total 131.00", "Total 12.00", "Total 131.00"]);
    expect(texts("entity-client-owed")).toEqual(["Owed 200.00", "Owed 0.00", "Owed 200.00", "Owed 125.00", "Owed 0.00"]);
    expect(check(plan, "entity-client-owed").steps.filter((s) => s.action === "click" && "name" in s && s.name?.startsWith("Mark paid")).length).toBe(3);
  });
  it("an owed sum with no button to mark a bill paid gets no check", () => {
    const plan = compiled("invoices-clients");
    const withoutAction = { ...plan, entities: plan.entities.map((e) => (e.name === "Invoice" ? { ...e, actions: [] } : e)) };
    const client = withoutAction.entities.find((e) => e.name === "Client")!;
    expect(entityChecks(client, { plan: withoutAction } as never).map((c) => c.id)).not.toContain("entity-client-owed");
  });
});

describe("hours this week and what they earn", () => {
  it("freelance-time-tracker: the report, the rate and the start/stop timer are planned and checked", () => {
    const plan = compiled("freelance-time-tracker");
    expect((plan.requirements ?? []).filter((r) => r.status !== "planned")).toEqual([]);
    const planned = (plan.requirements ?? []).filter((r) => r.status === "planned");
    expect(planned.filter((r) => !checkedIds(plan).has(r.id)).map((r) => r.text)).toEqual([]);
    for (const c of plan.acceptanceChecks) expect(c.steps.length).toBeLessThanOrEqual(60);
    const texts = (id: string) => check(plan, id).steps.filter((s) => s.action === "expectText").map((s) => ("text" in s ? s.text : ""));
    // 12 h + 19 h this week, 100 h eight days ago left out; at 60 and 40 an hour, the second client's 12 h at its own rate.
    expect(texts("entity-client-hoursthisweek")).toEqual(["Hours this week 31 h", "Hours this week 0 h"]);
    expect(check(plan, "entity-client-hoursthisweek").steps.some((s) => s.action === "fill" && s.value === "{{today-8}}")).toBe(true);
    expect(texts("entity-client-earningsthisweek")).toEqual(["Earnings this week 1,860.00", "Earnings this week 480.00"]);
  });
});

describe("a start/stop timer on each record", () => {
  const plan = compiled("freelance-time-tracker");
  const steps = () => check(plan, "entity-client-timer").steps;

  it("is checked on the page's clock: 90 minutes log 1.5 h (90.00 at 60 an hour), a reload keeps it running", () => {
    const timer = (plan.requirements ?? []).find((r) => r.quote === "start/stop timer")!;
    expect(timer.text).toContain("starting another client's stops and logs this one");
    expect(check(plan, "entity-client-timer").requirementIds).toEqual([timer.id]);
    const list = steps();
    expect(list[0]).toEqual({ action: "clock", at: "2026-03-10T09:00" });
    const at = (step: object) => list.findIndex((s) => JSON.stringify(s) === JSON.stringify(step));
    const start = at({ action: "click", role: "button", name: "Start timer Zephyr", within: "Clients" });
    const advance = at({ action: "advanceClock", ms: 90 * 60_000 });
    const reload = at({ action: "reload" });
    const stop = at({ action: "click", role: "button", name: "Stop timer Zephyr", within: "Clients" });
    const hours = at({ action: "expectText", text: "Hours this week 1.5 h", within: "Zephyr" });
    const earned = at({ action: "expectText", text: "Earnings this week 90.00", within: "Zephyr" });
    // Started, run, reloaded while running (still offering Stop), stopped, then the totals grow.
    expect([start, advance, reload, stop, hours, earned].every((i, k, all) => i > 0 && (k === 0 || i > all[k - 1]!))).toBe(true);
    expect(list[reload + 1]).toEqual({ action: "expectElement", role: "button", name: "Stop timer Zephyr", within: "Clients" });
    // One timer at a time: starting the second stops and logs the first (1.5 + 0.5 h at 60 = 120.00).
    expect(list.map((s) => ("text" in s ? s.text : ""))).toEqual(expect.arrayContaining(["Hours this week 2 h", "Earnings this week 120.00", "Earnings this week 40.00", "Hours 1.5 h", "Hours 0.5 h"]));
    expect(list.length).toBeLessThanOrEqual(60);
  });

  it("is not checked (nor offered) on records without a timer", () => {
    const withoutTimer = { ...plan, entities: plan.entities.map((e) => ({ ...e, timer: undefined })) };
    const client = withoutTimer.entities.find((e) => e.name === "Client")!;
    expect(entityChecks(client, { plan: withoutTimer } as never).map((c) => c.id)).not.toContain("entity-client-timer");
  });
});
