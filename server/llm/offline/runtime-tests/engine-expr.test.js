// @vitest-environment happy-dom
// The data engine's expressions (runtime/src/engine/expr.js) against a real store: field paths,
// every value op and function, every condition op, date ranges across week/month/year
// boundaries, streaks, groupings, aggregates and the display formats the checks rely on.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aggregate, dayOf, evaluate, fieldValue, formatValue, groupRecords, inDateRange, matches, streakLength } from "../runtime/src/engine/expr.js";
import { createStore } from "../runtime/src/engine/store.js";

const field = (name, type, extra = {}) => ({ name, label: name, type, ...extra });

// Wednesday 4 March 2026 (the week starts on Monday 2 March), local time.
const today = new Date(2026, 2, 4, 15, 30);

const spec = {
  appName: "Club",
  theme: { colorScheme: "light", accent: "#4f46e5" },
  pages: [],
  storage: { key: "club-test", version: 1 },
  entities: [
    {
      name: "Member",
      pluralLabel: "Members",
      fields: [field("name", "string"), field("level", "enum", { options: ["Bronze", "Silver", "Gold"] }), field("birthday", "date"), field("fee", "money")],
      belongsTo: [],
      computed: [
        { name: "paid", label: "Paid", expr: { agg: "sum", entity: "Payment", of: { field: "amount" } } },
        { name: "owed", label: "Owed", expr: { op: "sub", args: [{ field: "fee" }, { field: "paid" }] } },
        { name: "visits", label: "Visits", expr: { agg: "count", entity: "Visit" } },
        { name: "streak", label: "Streak", expr: { agg: "streak", entity: "Visit", dateField: "date" } },
      ],
    },
    { name: "Payment", pluralLabel: "Payments", fields: [field("amount", "money"), field("paidOn", "date")], belongsTo: ["Member"] },
    { name: "Visit", pluralLabel: "Visits", fields: [field("date", "date"), field("tags", "enum", { multiple: true, options: ["gym", "pool"] }), field("done", "boolean")], belongsTo: ["Member"] },
  ],
};
const [memberSpec, paymentSpec, visitSpec] = spec.entities;

let store;
let scope;
beforeEach(() => {
  store = createStore({ spec });
  scope = { store, spec, today };
});
afterEach(() => localStorage.clear());

const member = (values) => store.create("Member", values);

describe("field values", () => {
  it("reads fields, computed values, a parent's fields and the parent itself", () => {
    const ada = member({ name: "Ada", fee: 100 });
    store.create("Payment", { memberId: ada.id, amount: 30 });
    store.create("Payment", { memberId: ada.id, amount: "12.5" });
    const other = member({ name: "Bob", fee: 50 });
    store.create("Payment", { memberId: other.id, amount: 50 });
    const payment = store.list("Payment")[0];
    expect(fieldValue(ada, "name", memberSpec, scope)).toBe("Ada");
    expect(fieldValue(ada, "paid", memberSpec, scope)).toBe(42.5);
    expect(fieldValue(ada, "owed", memberSpec, scope)).toBe(57.5);
    expect(fieldValue(payment, "Member.name", paymentSpec, scope)).toBe("Ada");
    expect(fieldValue(payment, "Member.owed", paymentSpec, scope)).toBe(57.5);
    expect(fieldValue(payment, "Member", paymentSpec, scope)).toBe("Ada");
    expect(fieldValue({ amount: 1 }, "Member.name", paymentSpec, scope)).toBeNull();
    expect(fieldValue(ada, "missing", memberSpec, scope)).toBeNull();
  });

  it("survives computed values that refer to each other", () => {
    const loop = { ...memberSpec, computed: [{ name: "a", label: "A", expr: { field: "b" } }, { name: "b", label: "B", expr: { op: "add", args: [{ field: "a" }, { const: 1 }] } }] };
    expect(() => fieldValue({ id: "x" }, "a", loop, scope)).not.toThrow();
  });
});

describe("evaluate", () => {
  it.each([
    ["const", { const: 3 }, 3],
    ["today", { today: true }, "2026-03-04"],
    ["add", { op: "add", args: [{ const: 2 }, { const: 3 }] }, 5],
    ["add with a missing side", { op: "add", args: [{ const: null }, { const: 3 }] }, 3],
    ["add of two missing", { op: "add", args: [{ const: null }, { const: null }] }, null],
    ["sub", { op: "sub", args: [{ const: 10 }, { const: "4" }] }, 6],
    ["sub with a missing right side", { op: "sub", args: [{ const: 10 }, { const: null }] }, 10],
    ["mul", { op: "mul", args: [{ const: 2.5 }, { const: 4 }] }, 10],
    ["mul with a missing side", { op: "mul", args: [{ const: 2 }, { const: null }] }, null],
    ["div", { op: "div", args: [{ const: 9 }, { const: 4 }] }, 2.25],
    ["div by zero", { op: "div", args: [{ const: 9 }, { const: 0 }] }, null],
    ["div of text", { op: "div", args: [{ const: "abc" }, { const: 2 }] }, null],
    ["min", { op: "min", args: [{ const: 9 }, { const: 4 }] }, 4],
    ["min with a missing side", { op: "min", args: [{ const: null }, { const: 4 }] }, 4],
    ["max", { op: "max", args: [{ const: 9 }, { const: 4 }] }, 9],
    ["sub of dates = days", { op: "sub", args: [{ const: "2026-03-01" }, { const: "2026-02-27" }] }, 2],
    ["date + days", { op: "add", args: [{ const: "2026-02-27" }, { const: 14 }] }, "2026-03-13"],
    ["today + days", { op: "add", args: [{ today: true }, { const: 28 }] }, "2026-04-01"],
    ["daysSince", { fn: "daysSince", args: [{ const: "2026-02-25" }] }, 7],
    ["daysSince across a year", { fn: "daysSince", args: [{ const: "2025-12-31" }] }, 63],
    ["daysSince of a date-time", { fn: "daysSince", args: [{ const: new Date(2026, 2, 3, 23, 59).toISOString() }] }, 1],
    ["daysSince of nothing", { fn: "daysSince", args: [{ const: null }] }, null],
    ["daysUntil", { fn: "daysUntil", args: [{ const: "2026-03-10" }] }, 6],
    ["daysUntil in the past", { fn: "daysUntil", args: [{ const: "2026-03-01" }] }, -3],
    ["yearsSince before the birthday", { fn: "yearsSince", args: [{ const: "1990-03-05" }] }, 35],
    ["yearsSince on the birthday", { fn: "yearsSince", args: [{ const: "1990-03-04" }] }, 36],
    ["year", { fn: "year", args: [{ const: "1990-03-05" }] }, 1990],
    ["year of nothing", { fn: "year", args: [{ const: null }] }, null],
    ["dayOfMonth", { fn: "dayOfMonth", args: [{ const: "1990-03-05" }] }, 5],
    ["dayOfMonth of today", { fn: "dayOfMonth", args: [{ today: true }] }, 4],
    ["nextAnniversary later this year", { fn: "nextAnniversary", args: [{ const: "1990-03-05" }] }, "2026-03-05"],
    ["nextAnniversary today", { fn: "nextAnniversary", args: [{ const: "1990-03-04" }] }, "2026-03-04"],
    ["nextAnniversary already passed", { fn: "nextAnniversary", args: [{ const: "1990-03-03" }] }, "2027-03-03"],
    ["nextAnniversary of 29 Feb in a common year", { fn: "nextAnniversary", args: [{ const: "2000-02-29" }] }, "2027-02-28"],
    ["age turning at the next birthday", { op: "sub", args: [{ fn: "year", args: [{ fn: "nextAnniversary", args: [{ const: "1990-03-03" }] }] }, { fn: "year", args: [{ const: "1990-03-03" }] }] }, 37],
    ["round1", { fn: "round1", args: [{ const: 2.449 }] }, 2.4],
    ["round2", { fn: "round2", args: [{ const: 2.005 }] }, 2.01],
    ["round2 of a binary-unfriendly half", { fn: "round2", args: [{ const: 1.005 }] }, 1.01],
    ["round1 of a negative", { fn: "round1", args: [{ const: -0.04 }] }, 0],
    ["round2 of nothing", { fn: "round2", args: [{ const: null }] }, null],
    ["percent", { fn: "percent", args: [{ const: 1 }, { const: 4 }] }, 25],
    ["percent of zero", { fn: "percent", args: [{ const: 1 }, { const: 0 }] }, null],
    ["percent of a fraction", { fn: "percent", args: [{ const: 0.5 }] }, 50],
  ])("%s", (_, expr, value) => expect(evaluate(expr, null, null, scope)).toBe(value));

  it("aggregates over a record's children, or over all records at top level, with where", () => {
    const ada = member({ name: "Ada" });
    const bob = member({ name: "Bob" });
    store.create("Payment", { memberId: ada.id, amount: 10, paidOn: "2026-03-01" });
    store.create("Payment", { memberId: ada.id, amount: 20, paidOn: "2026-02-20" });
    store.create("Payment", { memberId: bob.id, amount: 5, paidOn: "2026-03-03" });
    const thisMonth = [{ field: "paidOn", op: "inRange", period: { range: "thisMonth" } }];
    expect(evaluate({ agg: "sum", entity: "Payment", of: { field: "amount" } }, ada, memberSpec, scope)).toBe(30);
    expect(evaluate({ agg: "sum", entity: "Payment", of: { field: "amount" } }, null, null, scope)).toBe(35);
    expect(evaluate({ agg: "sum", entity: "Payment", of: { field: "amount" }, where: thisMonth }, null, null, scope)).toBe(15);
    expect(evaluate({ agg: "count", entity: "Payment", where: thisMonth }, ada, memberSpec, scope)).toBe(1);
    expect(evaluate({ agg: "avg", entity: "Payment", of: { field: "amount" } }, ada, memberSpec, scope)).toBe(15);
    expect(evaluate({ agg: "min", entity: "Payment", of: { field: "amount" } }, null, null, scope)).toBe(5);
    expect(evaluate({ agg: "max", entity: "Payment", of: { op: "mul", args: [{ field: "amount" }, { const: 2 }] } }, null, null, scope)).toBe(40);
    expect(evaluate({ agg: "avg", entity: "Payment", of: { field: "amount" } }, member({ name: "Cy" }), memberSpec, scope)).toBeNull();
    expect(evaluate({ agg: "sum", entity: "Payment", of: { field: "amount" } }, member({ name: "Di" }), memberSpec, scope)).toBe(0);
  });
});

describe("streaks", () => {
  const visits = (...dates) => dates.map((date) => ({ date }));
  it.each([
    ["today and the two days before", visits("2026-03-04", "2026-03-03", "2026-03-02"), 3],
    ["only yesterday (today not done yet)", visits("2026-03-03"), 1],
    ["yesterday and before, across a month end", visits("2026-03-03", "2026-03-02", "2026-03-01", "2026-02-28"), 4],
    ["a gap yesterday", visits("2026-03-04", "2026-03-02", "2026-03-01"), 1],
    ["nothing since the day before yesterday", visits("2026-03-02", "2026-03-01"), 0],
    ["two records the same day count once", visits("2026-03-04", "2026-03-04", "2026-03-03"), 2],
    ["none", [], 0],
  ])("by day: %s", (_, records, n) => expect(streakLength(records, "date", "day", today)).toBe(n));

  it.each([
    ["this week and the two before", visits("2026-03-02", "2026-02-25", "2026-02-16"), 3],
    ["not yet this week, last week and the one before", visits("2026-02-28", "2026-02-23", "2026-02-20"), 2],
    ["a week missed", visits("2026-03-04", "2026-02-18"), 1],
  ])("by week: %s", (_, records, n) => expect(streakLength(records, "date", "week", today)).toBe(n));

  it("as an expression over a member's visits", () => {
    const ada = member({ name: "Ada" });
    for (const date of ["2026-03-03", "2026-03-02", "2026-02-27"]) store.create("Visit", { memberId: ada.id, date });
    store.create("Visit", { memberId: member({ name: "Bob" }).id, date: "2026-03-04" });
    expect(fieldValue(ada, "streak", memberSpec, scope)).toBe(2);
    expect(evaluate({ agg: "streak", entity: "Visit", dateField: "date" }, null, null, scope)).toBe(3);
  });
});

describe("date ranges", () => {
  const at = (y, m, d) => new Date(y, m - 1, d, 9);
  it.each([
    ["today", "2026-03-04", { range: "today" }, at(2026, 3, 4), true],
    ["today, not yesterday", "2026-03-03", { range: "today" }, at(2026, 3, 4), false],
    ["this week from Monday", "2026-03-02", { range: "thisWeek" }, at(2026, 3, 4), true],
    ["this week to Sunday", "2026-03-08", { range: "thisWeek" }, at(2026, 3, 4), true],
    ["this week, not the Sunday before", "2026-03-01", { range: "thisWeek" }, at(2026, 3, 4), false],
    ["a week across months", "2026-02-27", { range: "thisWeek" }, at(2026, 3, 1), true],
    ["a week across years", "2025-12-29", { range: "thisWeek" }, at(2026, 1, 2), true],
    ["a week across years, not the week before", "2025-12-28", { range: "thisWeek" }, at(2026, 1, 2), false],
    ["a Sunday's week starts the Monday before", "2026-03-02", { range: "thisWeek" }, at(2026, 3, 8), true],
    ["this month", "2026-03-31", { range: "thisMonth" }, at(2026, 3, 4), true],
    ["this month, not last month's end", "2026-02-28", { range: "thisMonth" }, at(2026, 3, 1), false],
    ["this month, not the same month last year", "2025-03-04", { range: "thisMonth" }, at(2026, 3, 4), false],
    ["this year", "2026-01-01", { range: "thisYear" }, at(2026, 12, 31), true],
    ["this year, not New Year's Eve before", "2025-12-31", { range: "thisYear" }, at(2026, 1, 1), false],
    ["last 7 days: 6 days ago", "2026-02-26", { range: "lastNDays", n: 7 }, at(2026, 3, 4), true],
    ["last 7 days: 7 days ago", "2026-02-25", { range: "lastNDays", n: 7 }, at(2026, 3, 4), false],
    ["last 7 days: not tomorrow", "2026-03-05", { range: "lastNDays", n: 7 }, at(2026, 3, 4), false],
    ["last 3 days across a year", "2025-12-30", { range: "lastNDays", n: 3 }, at(2026, 1, 1), true],
    ["last 2 weeks: last Monday", "2026-02-23", { range: "lastNWeeks", n: 2 }, at(2026, 3, 4), true],
    ["last 2 weeks: the Sunday before", "2026-02-22", { range: "lastNWeeks", n: 2 }, at(2026, 3, 4), false],
    ["last 3 months across a year", "2025-11-01", { range: "lastNMonths", n: 3 }, at(2026, 1, 15), true],
    ["last 3 months: one too far", "2025-10-31", { range: "lastNMonths", n: 3 }, at(2026, 1, 15), false],
    ["all", "1999-01-01", { range: "all" }, at(2026, 3, 4), true],
    ["nothing is in a range", null, { range: "thisYear" }, at(2026, 3, 4), false],
    ["a date-time by its local date", new Date(2026, 2, 4, 0, 5).toISOString(), { range: "today" }, at(2026, 3, 4), true],
  ])("%s", (_, date, period, now, inside) => expect(inDateRange(date, period, now)).toBe(inside));
});

describe("conditions", () => {
  const record = { id: "r1", name: "Dune Messiah", count: 5, other: 3, flag: true, off: false, due: "2026-03-01", tags: ["gym", "pool"], empty: "", born: "1990-03-10", leap: "2000-02-29" };
  const visitLike = { ...visitSpec, fields: [...visitSpec.fields] };
  const check = (condition, now = today) => matches([condition], record, visitLike, { ...scope, today: now });
  it.each([
    [{ field: "name", op: "eq", value: "dune messiah" }, true],
    [{ field: "name", op: "eq", value: "Dune" }, false],
    [{ field: "count", op: "eq", value: "5" }, true],
    [{ field: "tags", op: "eq", value: "pool" }, true],
    [{ field: "empty", op: "eq", value: null }, true],
    [{ field: "name", op: "neq", value: "Dune" }, true],
    [{ field: "tags", op: "neq", value: "gym" }, false],
    [{ field: "count", op: "lt", value: 6 }, true],
    [{ field: "count", op: "lt", value: 5 }, false],
    [{ field: "count", op: "lte", value: 5 }, true],
    [{ field: "count", op: "gt", valueField: "other" }, true],
    [{ field: "count", op: "gte", value: 6 }, false],
    [{ field: "due", op: "lt", value: "2026-03-02" }, true],
    [{ field: "empty", op: "lt", value: 3 }, false],
    [{ field: "count", op: "in", value: [1, 5] }, true],
    [{ field: "name", op: "in", value: ["Emma"] }, false],
    [{ field: "tags", op: "in", value: ["pool", "spa"] }, true],
    [{ field: "name", op: "notIn", value: ["Emma"] }, true],
    [{ field: "tags", op: "notIn", value: ["gym"] }, false],
    [{ field: "name", op: "contains", value: "MESS" }, true],
    [{ field: "name", op: "contains", value: "x" }, false],
    [{ field: "tags", op: "contains", value: "gym" }, true],
    [{ field: "flag", op: "isTrue" }, true],
    [{ field: "off", op: "isTrue" }, false],
    [{ field: "off", op: "isFalse" }, true],
    [{ field: "missing", op: "isFalse" }, true],
    [{ field: "empty", op: "isEmpty" }, true],
    [{ field: "missing", op: "isEmpty" }, true],
    [{ field: "name", op: "notEmpty" }, true],
    [{ field: "due", op: "beforeToday" }, true],
    [{ field: "missing", op: "beforeToday" }, false],
    [{ field: "due", op: "onOrBeforeToday" }, true],
    [{ field: "due", op: "isToday" }, false],
    [{ field: "due", op: "afterToday" }, false],
    [{ field: "due", op: "inRange", period: { range: "thisMonth" } }, true],
    [{ field: "due", op: "inRange", period: { range: "thisWeek" } }, false],
    [{ field: "due", op: "olderThanDays", days: 2 }, true],
    [{ field: "due", op: "olderThanDays", days: 3 }, false],
    [{ field: "due", op: "withinNextDays", days: 7 }, false],
    [{ field: "born", op: "withinNextDays", days: 7 }, false],
    [{ field: "born", op: "anniversaryWithinDays", days: 7 }, true],
    [{ field: "born", op: "anniversaryWithinDays", days: 5 }, false],
    [{ field: "born", op: "anniversaryInRange", period: { range: "thisMonth" } }, true],
    [{ field: "born", op: "anniversaryInRange", period: { range: "thisWeek" } }, false],
  ])("%o → %s", (condition, expected) => expect(check(condition)).toBe(expected));

  it.each([
    ["isToday", { field: "due", op: "isToday" }, new Date(2026, 2, 1, 23, 59), true],
    ["afterToday", { field: "due", op: "afterToday" }, new Date(2026, 1, 28), true],
    ["withinNextDays includes today", { field: "due", op: "withinNextDays", days: 0 }, new Date(2026, 2, 1), true],
    ["withinNextDays to the last day", { field: "due", op: "withinNextDays", days: 3 }, new Date(2026, 1, 26), true],
    ["anniversary next January, seen in December", { field: "born", op: "anniversaryWithinDays", days: 10 }, new Date(2026, 11, 31), false],
    ["anniversary across New Year", { field: "newYear", op: "anniversaryWithinDays", days: 3 }, new Date(2026, 11, 30), true],
    ["anniversary in a week spanning New Year", { field: "newYear", op: "anniversaryInRange", period: { range: "thisWeek" } }, new Date(2026, 11, 30), true],
    ["29 Feb on 28 Feb in a common year", { field: "leap", op: "anniversaryWithinDays", days: 0 }, new Date(2026, 1, 28), true],
  ])("%s", (_, condition, now, expected) => expect(matches([condition], { ...record, newYear: "1980-01-01" }, visitLike, { ...scope, today: now })).toBe(expected));

  it("needs every condition, and passes with none", () => {
    expect(matches([], record, visitLike, scope)).toBe(true);
    expect(matches(undefined, record, visitLike, scope)).toBe(true);
    expect(matches([{ field: "flag", op: "isTrue" }, { field: "count", op: "gt", value: 9 }], record, visitLike, scope)).toBe(false);
  });

  it("tests a parent's field", () => {
    const ada = member({ name: "Ada", level: "Gold" });
    const payment = store.create("Payment", { memberId: ada.id, amount: 1 });
    expect(matches([{ field: "Member.level", op: "eq", value: "Gold" }], payment, paymentSpec, scope)).toBe(true);
    expect(matches([{ field: "Member.level", op: "eq", value: "Silver" }], payment, paymentSpec, scope)).toBe(false);
  });
});

describe("groups", () => {
  const summary = (groups) => groups.map((g) => [g.key, g.label, g.records.length]);

  it("by enum: options in order, empty ones on request, unknown values after, no value last", () => {
    member({ name: "A", level: "Gold" });
    member({ name: "B", level: "Bronze" });
    member({ name: "C", level: "Gold" });
    member({ name: "D", level: "Platinum" });
    member({ name: "E" });
    const records = store.list("Member");
    expect(summary(groupRecords(records, { field: "level" }, memberSpec, scope, { includeEmpty: true }))).toEqual([
      ["Bronze", "Bronze", 1],
      ["Silver", "Silver", 0],
      ["Gold", "Gold", 2],
      ["Platinum", "Platinum", 1],
      ["", "No level", 1],
    ]);
    expect(summary(groupRecords(records, { field: "level" }, memberSpec, scope)).map(([key]) => key)).toEqual(["Bronze", "Gold", "Platinum", ""]);
  });

  it("by a multiple enum: a record in each of its options", () => {
    const ada = member({ name: "Ada" });
    store.create("Visit", { memberId: ada.id, tags: ["gym", "pool"] });
    store.create("Visit", { memberId: ada.id, tags: ["pool"] });
    expect(summary(groupRecords(store.list("Visit"), { field: "tags" }, visitSpec, scope))).toEqual([
      ["gym", "gym", 1],
      ["pool", "pool", 2],
    ]);
  });

  it("by boolean: Yes then No, empty counts as No", () => {
    const ada = member({ name: "Ada" });
    store.create("Visit", { memberId: ada.id, done: true });
    store.create("Visit", { memberId: ada.id });
    expect(summary(groupRecords(store.list("Visit"), { field: "done" }, visitSpec, scope, { includeEmpty: true }))).toEqual([
      ["true", "Yes", 1],
      ["false", "No", 1],
    ]);
  });

  it("by parent: parents in stored order titled by their first field, parents without records on request", () => {
    const ada = member({ name: "Ada" });
    const bob = member({ name: "Bob" });
    const cy = member({ name: "Cy" });
    store.create("Payment", { memberId: cy.id, amount: 1 });
    store.create("Payment", { memberId: ada.id, amount: 2 });
    store.create("Payment", { memberId: "gone", amount: 3 });
    const payments = store.list("Payment");
    expect(summary(groupRecords(payments, { field: "Member" }, paymentSpec, scope, { includeEmpty: true }))).toEqual([
      [ada.id, "Ada", 1],
      [bob.id, "Bob", 0],
      [cy.id, "Cy", 1],
      ["", "No member", 1],
    ]);
    expect(summary(groupRecords(payments, { field: "memberId" }, paymentSpec, scope)).map(([, label]) => label)).toEqual(["Ada", "Cy", "No member"]);
  });

  it("by a parent's field", () => {
    const gold = member({ name: "Ada", level: "Gold" });
    const bronze = member({ name: "Bob", level: "Bronze" });
    store.create("Payment", { memberId: gold.id, amount: 1 });
    store.create("Payment", { memberId: bronze.id, amount: 1 });
    expect(summary(groupRecords(store.list("Payment"), { field: "Member.level" }, paymentSpec, scope)).map(([key]) => key)).toEqual(["Bronze", "Gold"]);
  });

  const payments = (...dates) => dates.map((paidOn, i) => ({ id: `p${i}`, paidOn }));
  it.each([
    ["day", payments("2026-03-02", "2026-02-28", "2026-03-02"), false, [["2026-02-28", "28 Feb 2026", 1], ["2026-03-02", "2 Mar 2026", 2]]],
    ["day", payments("2026-03-02", "2026-02-28"), true, [["2026-02-28", "28 Feb 2026", 1], ["2026-03-01", "1 Mar 2026", 0], ["2026-03-02", "2 Mar 2026", 1]]],
    ["week", payments("2026-03-04", "2026-03-02", "2026-03-01"), false, [["2026-02-23", "Week of 23 Feb", 1], ["2026-03-02", "Week of 2 Mar", 2]]],
    ["week", payments("2026-01-01", "2025-12-29", "2025-12-28"), false, [["2025-12-22", "Week of 22 Dec", 1], ["2025-12-29", "Week of 29 Dec", 2]]],
    ["month", payments("2026-01-10", "2025-11-30", null), true, [["2025-11", "Nov 2025", 1], ["2025-12", "Dec 2025", 0], ["2026-01", "Jan 2026", 1], ["", "No date", 1]]],
    ["year", payments("2026-01-10", "2025-11-30", "2026-05-01"), false, [["2025", "2025", 1], ["2026", "2026", 2]]],
  ])("by %s, case %#", (bucket, records, includeEmpty, expected) => {
    expect(summary(groupRecords(records, { dateField: "paidOn", bucket }, paymentSpec, scope, { includeEmpty }))).toEqual(expected);
  });
});

describe("aggregate", () => {
  const records = [{ amount: 10 }, { amount: "2.5" }, { amount: null }, { amount: 7.5 }];
  it.each([
    ["count", undefined, 4],
    ["sum", "amount", 20],
    ["sum", { field: "amount" }, 20],
    ["avg", { field: "amount" }, 20 / 3],
    ["min", "amount", 2.5],
    ["max", { op: "mul", args: [{ field: "amount" }, { const: 2 }] }, 20],
  ])("%s of %o", (op, of, value) => expect(aggregate(op, records, of, paymentSpec, scope)).toBe(value));

  it.each([
    ["count", 0],
    ["sum", 0],
    ["avg", null],
    ["min", null],
    ["max", null],
  ])("%s of nothing", (op, value) => expect(aggregate(op, [], "amount", paymentSpec, scope)).toBe(value));
});

describe("formatValue", () => {
  it.each([
    [1234.5, "number", undefined, "1,234.5"],
    [2.456, "number", undefined, "2.46"],
    [3, "number", undefined, "3"],
    [12.5, "number", { unit: "kg" }, "12.5 kg"],
    [1234.5, "integer", undefined, "1,235"],
    [-0.4, "integer", undefined, "0"],
    [1234.5, "money", undefined, "1,234.50"],
    [1.005, "money", undefined, "1.01"],
    [1234567.891, "money", undefined, "1,234,567.89"],
    [0, "money", undefined, "0.00"],
    [-3, "money", { unit: "$" }, "-$3.00"],
    [12.5, "money", { unit: "€" }, "€12.50"],
    [12.5, "money", { unit: "EUR" }, "12.50 EUR"],
    [25, "percent", undefined, "25%"],
    [33.4, "percent", undefined, "33%"],
    [45, "minutes", undefined, "45 min"],
    [90, "minutes", undefined, "1 h 30 min"],
    [120, "minutes", undefined, "2 h"],
    [12.5, "minutes", undefined, "12 min 30 s"],
    [0.25, "minutes", undefined, "15 s"],
    [0, "minutes", undefined, "0 min"],
    [-90.5, "minutes", undefined, "-1 h 30 min 30 s"],
    [1.5, "hours", undefined, "1.5 h"],
    ["2026-03-02", "date", undefined, "2 Mar 2026"],
    [new Date(2026, 2, 2, 23, 30).toISOString(), "date", undefined, "2 Mar 2026"],
    ["soon", "date", undefined, "soon"],
    ["Dune", "text", undefined, "Dune"],
    [["gym", "pool"], "text", undefined, "gym, pool"],
    [true, "text", undefined, "Yes"],
    [3, "stars", undefined, "★★★☆☆"],
    [7, "stars", undefined, "★★★★★"],
    [2, "stars", { max: 3 }, "★★☆"],
    [null, "number", undefined, "—"],
    ["", "money", undefined, "—"],
    [Number.NaN, "percent", undefined, "—"],
    [[], "text", undefined, "—"],
  ])("%o as %s %o → %s", (value, format, options, text) => expect(formatValue(value, format, options)).toBe(text));
});

describe("dayOf", () => {
  it.each([
    ["2026-03-02", "2026-03-02"],
    ["2026-02-30", null],
    ["02/03/2026", null],
    [42, null],
  ])("%o → %o", (value, day) => expect(dayOf(value)).toBe(day));
});
