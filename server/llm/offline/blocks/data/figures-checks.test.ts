// The figure check generators: what records they add and through which form, what they expect the
// figure to show afterwards, which requirements they verify, and which figures they leave
// unverified because their records cannot be entered from a form.
import { describe, expect, it } from "vitest";
import { ZAcceptanceCheck, type TCheckStep } from "~/server/plan/check-steps";
import { ZPlan, type TPlan } from "~/server/plan/plan-schema";
import { buildAcceptanceChecks } from "../../checks/index";
import { compileAppPlan } from "../../compile-app-plan";
import { sectionCheckGenerators } from "../registry";
import { addRecordSteps, dateText } from "./add-record-steps";
import { bucketLabel, bucketOffsets, conditionSides, inRange, outsideRange, passAndFail } from "./figure-scenario";
import { chartChecks, figuresCheckGenerators, fixedToday, groupTableChecks, statsChecks } from "./figures-checks";
import { invoicesPlan, salesPlan, spendingPlan, workoutsPlan } from "./figure-plans";

const checkOf = (plan: TPlan, id: string) => {
  const found = plan.acceptanceChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} among ${plan.acceptanceChecks.map((c) => c.id).join(", ")}`);
  return found;
};
const lastOf = <A extends TCheckStep["action"]>(steps: TCheckStep[], action: A) => steps.filter((s): s is Extract<TCheckStep, { action: A }> => s.action === action).at(-1)!;

describe("figure check generators", () => {
  it("are registered for stats, groupTable and chart", () => {
    expect(sectionCheckGenerators.stats).toBe(statsChecks);
    expect(sectionCheckGenerators.groupTable).toBe(groupTableChecks);
    expect(sectionCheckGenerators.chart).toBe(chartChecks);
    expect(Object.keys(figuresCheckGenerators).sort()).toEqual(["chart", "groupTable", "stats"]);
  });

  it("write valid checks, each verifying its section's (or its figure's) requirements", () => {
    for (const plan of [spendingPlan(), invoicesPlan(), workoutsPlan(), salesPlan()]) for (const check of plan.acceptanceChecks) expect(() => ZAcceptanceCheck.parse(check)).not.toThrow();
    const plan = spendingPlan();
    expect(checkOf(plan, "chart-spending-by-category").requirementIds).toEqual(["r2", "r3"]);
    expect(checkOf(plan, "stats-spent-this-month").requirementIds).toEqual(["r4"]);
    expect(checkOf(plan, "stats-number-of-expenses").requirementIds).toEqual(["r5"]);
    expect(checkOf(plan, "group-table-per-category").requirementIds).toEqual(["r6"]);
  });

  it("pie this month: two expenses in Food and one in Bills this month, one in Transport 40 days ago; Food 30.00 (75%), Bills 10.00 (25%), nothing else", () => {
    const { steps } = checkOf(spendingPlan(), "chart-spending-by-category");
    expect(steps.slice(0, 2)).toEqual([{ action: "goto", path: "/" }, { action: "expectChart", name: "Spending by category", segmentCount: 0 }]);
    const selects = steps.filter((s) => s.action === "select").map((s) => s.action === "select" && s.value);
    expect(selects).toEqual(["Food", "Food", "Bills", "Transport"]);
    const dates = steps.filter((s) => s.action === "fill" && s.label === "Date").map((s) => s.action === "fill" && s.value);
    expect(dates).toEqual(["{{today}}", "{{today}}", "{{today}}", "{{today-40}}"]);
    expect(steps.filter((s) => s.action === "click")).toHaveLength(4);
    expect(steps.filter((s) => s.action === "click").every((s) => s.action === "click" && s.name === "Add Expense" && s.within === "Add Expense")).toBe(true);
    expect(steps.at(-1)).toEqual({ action: "expectChart", name: "Spending by category", chartType: "pie", segments: [{ label: "Food", value: "30.00", share: "75%" }, { label: "Bills", value: "10.00", share: "25%" }], segmentCount: 2 });
  });

  it("stats: a total starts at 0, counts a record that passes and not one that fails, then follows the next", () => {
    const { steps } = checkOf(spendingPlan(), "stats-spent-this-month");
    const expects = steps.filter((s) => s.action === "expectValue");
    expect(expects).toEqual([0, 1, 2].map((i) => ({ action: "expectValue", label: "Spent this month", value: ["0.00", "20.00", "30.00"][i], within: "Totals" })));
    expect(steps.filter((s) => s.action === "fill" && s.label === "Date").map((s) => s.action === "fill" && s.value)).toEqual(["{{today}}", "{{today-40}}", "{{today}}"]);
    // The stats sit on their own page: the check moves between the form and the figures.
    expect(steps.filter((s) => s.action === "goto").map((s) => s.action === "goto" && s.path)).toEqual(["/totals", "/", "/totals", "/", "/totals"]);
    // On the same page as the form, it stays there: the total must follow the records by itself.
    const owed = checkOf(invoicesPlan(), "stats-unpaid-total").steps;
    expect(owed.filter((s) => s.action === "goto")).toEqual([{ action: "goto", path: "/invoices" }]);
    expect(owed.filter((s) => s.action === "check" || s.action === "uncheck").map((s) => s.action)).toEqual(["uncheck", "check", "uncheck"]);
  });

  it("group table: a row per category with its count and total, 0 for the empty ones, and nothing more", () => {
    const { steps } = checkOf(spendingPlan(), "group-table-per-category");
    const rows = steps.filter((s) => s.action === "expectCount");
    expect(rows).toEqual([
      ...["Food 2 30.00", "Bills 1 10.00", "Transport 0 0.00", "Fun 0 0.00"].map((name) => ({ action: "expectCount", role: "row", name, within: "Per category", count: 1 })),
      { action: "expectCount", role: "row", within: "Per category", count: 5 },
    ]);
  });

  it("group table per parent: adds the clients first, picks each invoice's client, leaves a paid one out, sorts by what is owed", () => {
    const { steps } = checkOf(invoicesPlan(), "group-table-owed-per-client");
    expect(steps[0]).toEqual({ action: "goto", path: "/" });
    expect(steps.filter((s) => s.action === "fill" && s.within === "Add Client").map((s) => s.action === "fill" && s.value)).toEqual(["Client A", "Client B", "Client C"]);
    expect(steps.filter((s) => s.action === "select" && s.label === "Client").map((s) => s.action === "select" && s.value)).toEqual(["Client A", "Client A", "Client B", "Client C"]);
    expect(steps.filter((s) => s.action === "expectCount").map((s) => s.action === "expectCount" && s.name)).toEqual(["Client A 30.00", "Client B 10.00", "Client C 0.00", undefined]);
    expect(lastOf(steps, "expectOrder")).toEqual({ action: "expectOrder", texts: ["Client A", "Client B", "Client C"], within: "Owed per client" });
  });

  it("date buckets: the clock is fixed, so the check can name the weeks; the week 8 weeks back is left out", () => {
    const { steps } = checkOf(workoutsPlan(), "chart-workouts-per-week");
    expect(steps[0]).toEqual({ action: "clock", at: `${fixedToday}T10:00` });
    expect(steps.filter((s) => s.action === "fill" && s.label === "Date").map((s) => s.action === "fill" && s.value)).toEqual(["2026-03-11", "2026-03-09", "2026-03-04", "2026-01-14"]);
    expect(steps.at(-1)).toEqual({ action: "expectChart", name: "Workouts per week", chartType: "bar", segments: [{ label: "Week of 2 Mar", value: "1", share: "33%" }, { label: "Week of 9 Mar", value: "2", share: "67%" }] });
  });

  it("sorted plain values keep the top rows; averages have no share", () => {
    expect(checkOf(salesPlan(), "group-table-top-selling-products").steps.filter((s) => s.action === "expectCount").map((s) => s.action === "expectCount" && s.name)).toEqual(["Alpha 30.00", "Beta 10.00", undefined]);
    expect(checkOf(workoutsPlan(), "group-table-per-type").steps.filter((s) => s.action === "expectCount").map((s) => s.action === "expectCount" && s.name)).toEqual(["Running 2 15", "Cycling 1 10", undefined]);
  });

  it("group table as a percentage of a parent's max score: adds the maxima first, picks each mark's assignment, expects the mean of the percentages", () => {
    const result = compileAppPlan("Students, assignments with a max score, and I enter each student's mark per assignment. Show each student's average as a percentage");
    if (!result.ok) throw new Error(result.error);
    const { steps } = checkOf(result.plan, "group-table-average-per-student");
    expect(steps.filter((s) => s.action === "fill" && s.within === "Add Assignment").map((s) => s.action === "fill" && s.value)).toEqual(["Assignment X", "50", "Assignment Y", "10"]);
    expect(steps.filter((s) => s.action === "fill" && s.label === "Score").map((s) => s.action === "fill" && s.value)).toEqual(["40", "10", "25"]);
    expect(steps.filter((s) => s.action === "select" && s.label === "Assignment").map((s) => s.action === "select" && s.value)).toEqual(["Assignment X", "Assignment Y", "Assignment X"]);
    // 40/50 and 10/10 average 90 %: not the plain average (25) nor the total over the total (50/60 = 83 %).
    expect(steps.filter((s) => s.action === "expectCount").map((s) => s.action === "expectCount" && s.name)).toEqual(["Student A 90%", "Student B 50%", "Student C —", undefined]);
  });

  it("group tables over daily counts: counts on the check-ins section's + and Previous day, this week's only, the best one first", () => {
    const result = compileAppPlan("I keep 6 hens and want to write down how many eggs each one lays every day. Show eggs per hen this week and who's the best layer.");
    if (!result.ok) throw new Error(result.error);
    const { steps } = checkOf(result.plan, "group-table-eggs-per-hen-this-week");
    expect(steps[0]).toEqual({ action: "clock", at: `${fixedToday}T10:00` });
    const clicks = steps.filter((s) => s.action === "click" && s.within === "Eggs today").map((s) => s.action === "click" && s.name);
    expect(clicks).toEqual(["Add one to Hen A", "Add one to Hen A", "Add one to Hen B", "Previous day", "Add one to Hen B", "Previous day", "Add one to Hen B", ...Array(5).fill("Previous day"), "Add one to Hen B", "Add one to Hen C", "Today"]);
    // Last Wednesday's eggs are not this week's: Hen B 3 (not 4), Hen C 0 (not 1).
    expect(steps.filter((s) => s.action === "expectCount").map((s) => s.action === "expectCount" && s.name)).toEqual(["Hen A 2", "Hen B 3", "Hen C 0", undefined]);
    // The best layer is not the first hen added: a ranking that is not sorted shows Hen A.
    expect(checkOf(result.plan, "group-table-best-layer").steps.filter((s) => s.action === "expectCount").map((s) => s.action === "expectCount" && s.name)).toEqual(["Hen B 3", undefined]);
  });

  it("leave figures unverified when their records cannot be entered from a form", () => {
    const base = spendingPlan();
    const plan = ZPlan.parse({
      ...base,
      pages: [
        { path: "/", title: "Expenses", purpose: "x", sections: [
          // No records section with an add form for Expense: nothing can be entered.
          { type: "chart", title: "By category", chartType: "pie", entity: "Expense", groupBy: { field: "category" }, measure: { agg: "sum", of: { field: "amount" }, format: "money" }, requirementIds: ["r2"] },
          { type: "stats", title: "Streak", items: [{ label: "Streak", value: { agg: "streak", entity: "Expense", dateField: "date" }, format: "integer" }], requirementIds: ["r4"] },
        ] },
      ],
    });
    expect(buildAcceptanceChecks(plan).map((c) => c.id)).toEqual(["app-loads"]);
    // A grouping by a number field, a condition on a parent: no check rather than a wrong one.
    const page = base.pages[0]!;
    const ctx = { plan: base };
    expect(chartChecks({ type: "chart", title: "By amount", chartType: "bar", entity: "Expense", groupBy: { field: "amount" }, measure: { agg: "count", format: "integer" } }, page, ctx)).toEqual([]);
    expect(statsChecks({ type: "stats", items: [{ label: "Mine", value: { agg: "count", entity: "Expense", where: [{ field: "Client.name", op: "eq", value: "Ana" }] }, format: "integer" }] }, page, ctx)).toEqual([]);
  });
});

describe("figure scenarios", () => {
  const expense = spendingPlan().entities[0]!;

  it("make each condition true and false from the form", () => {
    expect(conditionSides({ field: "category", op: "notIn", value: ["Food", "Bills"] }, expense)).toEqual({ pass: "Transport", fail: "Food" });
    expect(conditionSides({ field: "amount", op: "gt", value: 100 }, expense)).toEqual({ pass: 105, fail: 95 });
    expect(conditionSides({ field: "date", op: "beforeToday" }, expense)).toEqual({ pass: { daysFromToday: -3 }, fail: { daysFromToday: 3 } });
    expect(conditionSides({ field: "date", op: "anniversaryWithinDays", days: 7 }, expense)).toEqual({ pass: null, fail: null });
    expect(passAndFail([{ field: "category", op: "eq", value: "Fun" }, { field: "date", op: "inRange", period: { range: "thisWeek" } }], expense)).toEqual({
      pass: { category: "Fun", date: { daysFromToday: 0 } },
      fail: { category: "Fun", date: { daysFromToday: -7 } },
    });
  });

  it("dates outside each range are outside it, whatever today is", () => {
    const ranges = [{ range: "today" }, { range: "thisWeek" }, { range: "thisMonth" }, { range: "thisYear" }, { range: "lastNDays", n: 7 }, { range: "lastNWeeks", n: 8 }, { range: "lastNMonths", n: 3 }] as const;
    for (const today of ["2026-03-01", "2026-03-31", "2026-01-01", "2026-12-31", "2026-03-09", "2026-03-15"]) {
      for (const period of ranges) {
        const outside = outsideRange(period)!;
        const shifted = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) + outside)).toISOString().slice(0, 10);
        expect(inRange(today, period, today), `${period.range} ${today}`).toBe(true);
        expect(inRange(shifted, period, today), `${period.range} ${today} − ${-outside}`).toBe(false);
      }
    }
  });

  it("label date buckets as the runtime documents them", () => {
    expect(["day", "week", "month", "year"].map((b) => bucketLabel("2026-03-11", b as "day"))).toEqual(["11 Mar 2026", "Week of 9 Mar", "Mar 2026", "2026"]);
    expect(bucketOffsets("week", fixedToday)).toEqual({ current: [0, -2], previous: -7 });
    expect(bucketOffsets("month", fixedToday)).toEqual({ current: [0, -10], previous: -11 });
  });

  it("fill the add form: a title, required fields, enums, booleans, dates, parents", () => {
    const invoice = invoicesPlan().entities[1]!;
    expect(addRecordSteps(invoice, { values: { amount: 12, paid: true }, parents: { Client: "Ana" } }, 3)).toEqual([
      { action: "fill", label: "Title", value: "Invoice 3", within: "Add Invoice" },
      { action: "fill", label: "Amount", value: "12", within: "Add Invoice" },
      { action: "check", label: "Paid", within: "Add Invoice" },
      { action: "select", label: "Client", value: "Ana", within: "Add Invoice" },
      { action: "click", role: "button", name: "Add Invoice", within: "Add Invoice" },
    ]);
    expect(dateText({ daysFromToday: -40 })).toBe("{{today-40}}");
    expect(dateText({ daysFromToday: 3 }, "2026-03-30")).toBe("2026-04-02");
  });
});
