// Follow-ups edit the plan they are given (issue 11 §5), table-driven over the kinds of edit users
// ask for: a field on a named record, a look, a button that is already there, a chart or a view
// over the records the app keeps, new records linked to old ones, board columns, a site section.
// Every case also checks the invariants of any follow-up: earlier requirements kept as they were
// (ids, prompt index) and still checked, new ones quoting the follow-up, the storage key kept, no
// list nobody asked for.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../compile-app-plan";

const compile = (prompt: string, options?: Parameters<typeof compileAppPlan>[1]): TPlan => {
  const result = compileAppPlan(prompt, options);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};
const checkedIds = (plan: TPlan) => new Set(plan.acceptanceChecks.flatMap((c) => c.requirementIds ?? []));
const entity = (plan: TPlan, name: string) => plan.entities.find((e) => e.name === name);
const sections = (plan: TPlan) => plan.pages.flatMap((p) => p.sections ?? []);

type Case = {
  first: string;
  followUp: string;
  /** Entities the follow-up may add (anything else new is a phantom). */
  newEntities?: string[];
  /** Earlier requirements the follow-up replaces ("change the columns to …"). */
  replaces?: RegExp;
  /** Follow-up words it honestly cannot build (each must be an unsupported requirement). */
  unsupported?: number;
  expect: (next: TPlan, first: TPlan) => void;
};

const cases: Record<string, Case> = {
  "a field on the named entity": {
    first: "habit tracker where I tick off habits each day",
    followUp: "add a notes field to each habit",
    expect: (next, first) => {
      expect(entity(next, "Habit")?.fields.map((f) => f.name)).toEqual([...entity(first, "Habit")!.fields.map((f) => f.name), "notes"]);
      expect(next.pages.map((p) => p.path)).toEqual(first.pages.map((p) => p.path));
    },
  },
  "a streak beside records already ticked off": {
    first: "habit tracker where I tick off habits each day",
    followUp: "show my current streak next to each habit",
    expect: (next) => expect(entity(next, "Habit")?.computed?.map((c) => c.name)).toContain("streak"),
  },
  "a look, records untouched": {
    first: "todo list with priorities high medium low",
    followUp: "switch to dark mode",
    expect: (next, first) => {
      expect(next.theme.colorScheme).toBe("dark");
      expect(next.entities).toEqual(first.entities);
    },
  },
  "a button that is already there is answered, not built": {
    first: "todo list with priorities high medium low",
    followUp: "add a delete button to every task",
    expect: (next, first) => {
      expect(next.changes?.alreadyThere).toEqual([expect.stringMatching(/Delete button/)]);
      expect(next.requirements).toEqual(first.requirements);
      expect(next.entities).toEqual(first.entities);
      expect(next.pages).toEqual(first.pages);
    },
  },
  "a state that is already there is answered": {
    first: "reading list with title and author, and a status: to read, reading, done",
    followUp: "i want to be able to mark a book as finished",
    expect: (next, first) => {
      expect(next.changes?.alreadyThere.join(" ")).toMatch(/already/);
      expect(next.entities).toEqual(first.entities);
    },
  },
  "a chart over the records kept, not a list of pies": {
    first: "expense tracker with amount, category and date",
    followUp: "add a pie chart of spending by category for this month",
    expect: (next) => {
      expect(sections(next).find((s) => s.type === "chart")).toMatchObject({ chartType: "pie", entity: "Expense", groupBy: { field: "category" }, period: { range: "thisMonth" } });
    },
  },
  "a due date and an overdue list on the loans": {
    first: "library app to track books and who borrowed them",
    followUp: "add a due date to each loan and an overdue list",
    expect: (next) => {
      expect(entity(next, "Loan")?.fields.some((f) => f.type === "date" && /due/i.test(f.label))).toBe(true);
      expect(sections(next).some((s) => s.type === "records" && s.entity === "Loan" && s.where?.some((w) => w.op === "beforeToday"))).toBe(true);
    },
  },
  "new records linked to the old ones": {
    first: "inventory list with product name and quantity",
    followUp: "add suppliers and link each product to a supplier",
    newEntities: ["Supplier"],
    expect: (next) => expect(entity(next, "Product")?.belongsTo).toEqual(["Supplier"]),
  },
  "new records with fields, linked to each lead": {
    first: "simple CRM for leads with name, company and email",
    followUp: "add deals linked to each lead with an amount and a stage",
    newEntities: ["Deal"],
    expect: (next) => {
      expect(entity(next, "Deal")).toMatchObject({ belongsTo: ["Lead"] });
      expect(entity(next, "Deal")?.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["amount", "stage"]));
      expect(entity(next, "Lead")?.fields.map((f) => f.name)).toEqual(["name", "company", "email"]);
    },
  },
  "board columns replaced, cards moved along": {
    first: "kanban board with To Do, In Progress, Done",
    followUp: "change the columns to Ideas, Drafting, Editing, Published",
    replaces: /^The columns are To Do/,
    expect: (next) => {
      const status = entity(next, "Card")?.fields.find((f) => f.name === "status");
      expect(status?.options).toEqual(["Ideas", "Drafting", "Editing", "Published"]);
      expect(status?.optionRenames).toEqual({ "To Do": "Ideas", "In Progress": "Drafting", Done: "Editing" });
    },
  },
  "a section on a site": {
    first: "landing page for Rosie's Bakery with our menu and opening hours",
    followUp: "add a contact form at the bottom",
    newEntities: ["ContactMessage"],
    expect: (next) => {
      expect(sections(next).map((s) => s.type)).toEqual(["hero", "menu", "hours", "form"]);
      expect(next.appName).toBe("Rosie's Bakery");
    },
  },
  "a field with its options on the main records": {
    first: "simple to do list",
    followUp: "add a priority field with low, medium and high",
    expect: (next) => expect(entity(next, "Task")?.fields.find((f) => f.name === "priority")).toMatchObject({ type: "enum", options: ["Low", "Medium", "High"] }),
  },
  "a status with a tab for each": {
    first: "reading list with title and author",
    followUp: "add a status: to read, reading, done, with a tab for each",
    expect: (next) => expect(entity(next, "Book")?.fields.find((f) => f.name === "status")?.options).toEqual(["To read", "Reading", "Done"]),
  },
  "a field with no record named goes on the main one": {
    first: "log my workouts with exercise, sets and reps",
    followUp: "add a weight field",
    expect: (next) => expect(entity(next, "Workout")?.fields.map((f) => f.name)).toContain("weight"),
  },
  "a field on a record named by its plural": {
    first: "wedding guest list with name and whether they're coming",
    followUp: "add dietary needs to each guest",
    expect: (next) => expect(entity(next, "Guest")?.fields.length).toBe(3),
  },
  "the app renamed": {
    first: "a recipe box where i save recipes with ingredients",
    followUp: "call the app Grandma's Kitchen",
    expect: (next, first) => {
      expect(next.appName).toBe("Grandma's Kitchen");
      expect(next.entities).toEqual(first.entities);
    },
  },
  "what it cannot do is said, not dropped": {
    first: "landing page for Rosie's Bakery with our menu and opening hours",
    followUp: "change opening hours: we now close at 4pm on Sundays",
    unsupported: 1,
    expect: (next, first) => expect(next.pages).toEqual(first.pages),
  },
};

describe("follow-ups edit the plan they are given", () => {
  it.each(Object.entries(cases))("%s", (_, c) => {
    const first = { ...compile(c.first), storage: { key: "p-0123456789ab", version: 1 } };
    const next = compile(c.followUp, { plan: first, promptIndex: 1 });
    c.expect(next, first);

    // Earlier requirements stay as they were, and every one still checked is checked again.
    const replaced = new Set((first.requirements ?? []).filter((r) => c.replaces?.test(r.text)).map((r) => r.id));
    expect(replaced.size).toBe(c.replaces ? 1 : 0);
    for (const r of first.requirements ?? []) if (!replaced.has(r.id)) expect(next.requirements).toContainEqual(r);
    const before = new Set([...checkedIds(first)].filter((id) => !replaced.has(id)));
    const after = checkedIds(next);
    for (const id of before) expect(after.has(id), `${id} is still checked`).toBe(true);
    // New requirements quote the follow-up and say which prompt they come from.
    const added = (next.requirements ?? []).filter((r) => !(first.requirements ?? []).some((q) => q.id === r.id));
    for (const r of added) {
      expect(r.promptIndex).toBe(1);
      expect(c.followUp).toContain(r.quote);
    }
    expect(added.filter((r) => r.status === "unsupported").map((r) => r.quote)).toHaveLength(c.unsupported ?? 0);
    // Nothing unrelated: no list no words asked for, and the data stays under the project's key.
    expect(next.entities.map((e) => e.name).filter((n) => !entity(first, n))).toEqual(c.newEntities ?? []);
    expect(next.storage?.key).toBe("p-0123456789ab");
    const changedShape = JSON.stringify(next.entities.map((e) => [e.name, e.fields.map((f) => [f.name, f.options])])) !== JSON.stringify(first.entities.map((e) => [e.name, e.fields.map((f) => [f.name, f.options])]));
    expect(next.storage?.version).toBe(changedShape ? 2 : 1);
  });

  it("keeps the prompt indexes of a chain of follow-ups", () => {
    let plan: TPlan = { ...compile("todo list"), storage: { key: "p-0123456789ab", version: 1 } };
    for (const [index, prompt] of ["add a due date to each task", "dark mode please", "add a priority field with low, medium and high"].entries()) plan = compile(prompt, { plan, promptIndex: index + 1 });
    expect([...new Set(plan.requirements?.map((r) => r.promptIndex))]).toEqual([0, 1, 2, 3]);
    expect(plan.storage).toEqual({ key: "p-0123456789ab", version: 3 });
  });
});

describe("renaming records keeps their data", () => {
  it("moves the records, their children's links and the sections to the new name", () => {
    const first = { ...compile("habit tracker where I tick off habits each day"), storage: { key: "p-0123456789ab", version: 1 } };
    const next = compile("rename habits to routines", { plan: first, promptIndex: 1 });
    expect(entity(next, "Routine")).toMatchObject({ pluralLabel: "Routines", formerNames: ["Habit"] });
    expect(entity(next, "Habit")).toBeUndefined();
    expect(entity(next, "HabitCheckin")?.belongsTo).toEqual(["Routine"]);
    expect(sections(next).filter((s) => "entity" in s).map((s) => ("entity" in s ? s.entity : ""))).toEqual(["Routine", "Routine"]);
    expect(next.storage).toEqual({ key: "p-0123456789ab", version: 2 });
    expect(next.requirements?.filter((r) => r.promptIndex === 1).map((r) => [r.kind, r.status])).toEqual([["entity", "planned"]]);
    expect(next.appName).toBe(first.appName);
  });
});

describe("a timer added by a follow-up", () => {
  it("logs into the time entries the hours report already keeps, and is checked", () => {
    const first = { ...compile("Clients with a name and hourly rate. Show a weekly summary of hours and pay per client"), storage: { key: "p-0123456789ab", version: 1 } };
    expect(entity(first, "Client")?.timer).toBeUndefined();
    const next = compile("add a start/stop timer per client", { plan: first, promptIndex: 1 });
    const asked = next.requirements?.filter((r) => r.promptIndex === 1) ?? [];
    expect(asked.map((r) => [r.kind, r.status, r.quote])).toEqual([["interaction", "planned", "start/stop timer"]]);
    expect(entity(next, "Client")?.timer).toMatchObject({ entity: "TimeEntry", hoursField: "hours", dateField: "date" });
    expect(checkedIds(next).has(asked[0]!.id)).toBe(true);
  });
});
