// @vitest-environment happy-dom
// The figure sections (stats, groupTable, chart) over a real store: what each shows for the records,
// the names and roles the acceptance checks find them by, and that they follow changes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as chart from "../runtime/src/sections/chart.js";
import * as groupTable from "../runtime/src/sections/groupTable.js";
import * as stats from "../runtime/src/sections/stats.js";
import { axisMax, niceMax, sliceArcs } from "../runtime/src/charts/svg.js";
import { chartSlices, normalizeGrouping, sliceText } from "../runtime/src/charts/series.js";
import { createAppContext } from "../runtime/src/engine/app.js";
import { createStore } from "../runtime/src/engine/store.js";

// Wednesday 11 March 2026: this month is March, this week starts Monday 9 March.
const today = new Date(2026, 2, 11, 10);

const spec = {
  appName: "Money",
  theme: { colorScheme: "light", accent: "#4f46e5" },
  storage: { key: "figures-test", version: 1 },
  pages: [],
  entities: [
    { name: "Client", pluralLabel: "Clients", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }] },
    {
      name: "Expense", pluralLabel: "Expenses", belongsTo: ["Client"], fields: [
        { name: "description", label: "Description", type: "string", required: true },
        { name: "amount", label: "Amount", type: "money" },
        { name: "category", label: "Category", type: "enum", options: ["Food", "Bills", "Transport", "Fun"] },
        { name: "date", label: "Date", type: "date" },
        { name: "paid", label: "Paid", type: "boolean" },
      ],
    },
  ],
};

/** A Storage in memory (the store's localStorage stand-in). */
function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => void items.set(k, String(v)), removeItem: (k) => void items.delete(k), clear: () => items.clear(), key: (i) => [...items.keys()][i] ?? null, get length() { return items.size; } };
}

let store;
let app;
const cleanups = [];
beforeEach(() => {
  document.body.replaceChildren();
  store = createStore({ spec, storage: memoryStorage() });
  app = { ...createAppContext({ spec, store, announce: () => {} }), today: () => new Date(today) };
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()();
});

/** A section element as the shell makes it: <section aria-labelledby> with its <h2>. */
function sectionElement(title, id = "s-figure") {
  const element = document.createElement("section");
  element.id = id;
  element.setAttribute("aria-labelledby", id + "-title");
  const heading = document.createElement("h2");
  heading.id = id + "-title";
  heading.textContent = title;
  element.append(heading);
  document.body.append(element);
  return element;
}

function show(module, section) {
  const element = sectionElement(section.title ?? "Figures");
  const cleanup = module.render(element, section, app);
  if (typeof cleanup === "function") cleanups.push(cleanup);
  return element;
}

const expense = (description, amount, category, date, extra = {}) => store.create("Expense", { description, amount, category, date, ...extra });
const legend = (element) => [...element.querySelectorAll("figure li")].map((li) => li.textContent.replace(/\s+/g, " ").trim());
const rows = (element) => [...element.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
const nameOf = (element) => {
  const ids = element.getAttribute("aria-labelledby");
  return ids ? ids.split(" ").map((id) => document.getElementById(id)?.textContent).join(" ") : element.getAttribute("aria-label");
};

describe("stats", () => {
  const section = {
    type: "stats", title: "Totals", items: [
      { label: "Spent this month", value: { agg: "sum", entity: "Expense", of: { field: "amount" }, where: [{ field: "date", op: "inRange", period: { range: "thisMonth" } }] }, format: "money" },
      { label: "Unpaid expenses", value: { agg: "count", entity: "Expense", where: [{ field: "paid", op: "isFalse" }] }, format: "integer" },
    ],
  };

  it("shows each figure as a term and a value labelled by it", () => {
    expense("Lunch", 12.5, "Food", "2026-03-10");
    expense("Rent", 1000, "Bills", "2026-03-01", { paid: true });
    expense("Old taxi", 30, "Transport", "2026-02-20");
    const element = show(stats, section);
    const values = [...element.querySelectorAll("dd")];
    expect(values.map(nameOf)).toEqual(["Spent this month", "Unpaid expenses"]);
    expect(values.map((dd) => dd.textContent)).toEqual(["1,012.50", "2"]);
    expect([...element.querySelectorAll("dt")].map((dt) => dt.textContent)).toEqual(["Spent this month", "Unpaid expenses"]);
  });

  it("follows the records: a new expense changes the totals; after cleanup nothing is redrawn", () => {
    const element = show(stats, section);
    expect([...element.querySelectorAll("dd")].map((dd) => dd.textContent)).toEqual(["0.00", "0"]);
    expense("Lunch", 12.5, "Food", "2026-03-10");
    expect([...element.querySelectorAll("dd")].map((dd) => dd.textContent)).toEqual(["12.50", "1"]);
    cleanups.pop()();
    expense("Dinner", 20, "Food", "2026-03-10");
    expect(element.querySelector("dd").textContent).toBe("12.50");
  });
});

describe("groupTable", () => {
  const perCategory = { type: "groupTable", title: "Spending per category", entity: "Expense", groupBy: { field: "category" }, includeEmptyGroups: true, measures: [{ label: "Expenses", agg: "count", format: "integer" }, { label: "Total", agg: "sum", of: { field: "amount" }, format: "money" }] };

  it("is a table named by its caption with a row per option, empty ones included", () => {
    expense("Lunch", 10, "Food", "2026-03-10");
    expense("Dinner", 20, "Food", "2026-03-09");
    expense("Gas", 45.5, "Bills", "2026-03-02");
    const element = show(groupTable, perCategory);
    const table = element.querySelector("table");
    expect(table.querySelector("caption").textContent).toBe("Spending per category");
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Category", "Expenses", "Total"]);
    expect(rows(element)).toEqual([["Food", "2", "30.00"], ["Bills", "1", "45.50"], ["Transport", "0", "0.00"], ["Fun", "0", "0.00"]]);
    expect([...table.querySelectorAll("tbody th")].every((th) => th.getAttribute("scope") === "row")).toBe(true);
  });

  it("leaves empty groups out when asked, filters with where, sorts by a measure and keeps the top rows", () => {
    expense("Lunch", 10, "Food", "2026-03-10");
    expense("Dinner", 20, "Food", "2026-03-09", { paid: true });
    expense("Gas", 45.5, "Bills", "2026-03-02");
    expense("Bus", 2, "Transport", "2026-03-02");
    const section = { ...perCategory, includeEmptyGroups: false, where: [{ field: "paid", op: "isFalse" }], sort: { measure: 1, direction: "desc" }, limit: 2 };
    expect(rows(show(groupTable, section))).toEqual([["Bills", "1", "45.50"], ["Food", "1", "10.00"]]);
  });

  it("groups by a parent's name with every parent shown, and redraws when records change", () => {
    const ana = store.create("Client", { name: "Ana" });
    store.create("Client", { name: "Ben" });
    expense("Logo", 300, "Fun", "2026-03-01", { clientId: ana.id });
    const element = show(groupTable, { type: "groupTable", title: "Per client", entity: "Expense", groupBy: { field: "Client.name" }, includeEmptyGroups: true, measures: [{ label: "Owed", agg: "sum", of: { field: "amount" }, format: "money" }] });
    expect(element.querySelector("thead th").textContent).toBe("Client");
    expect(rows(element)).toEqual([["Ana", "300.00"], ["Ben", "0.00"]]);
    store.create("Client", { name: "Cy" });
    expect(rows(element)).toEqual([["Ana", "300.00"], ["Ben", "0.00"], ["Cy", "0.00"]]);
  });

  it("says what to do when there is nothing to group", () => {
    const element = show(groupTable, { ...perCategory, groupBy: { field: "Client.name" } });
    expect(element.querySelector("table")).toBeNull();
    expect(element.querySelector(".empty").textContent).toMatch(/^No expenses yet/);
  });
});

describe("chart", () => {
  const pie = { type: "chart", title: "Spending by category", chartType: "pie", entity: "Expense", groupBy: { field: "category" }, measure: { agg: "sum", of: { field: "amount" }, format: "money" }, period: { dateField: "date", range: "thisMonth" } };

  it("is a figure named by the heading, typed as a pie chart, with a legend of label: value (share)", () => {
    expense("Lunch", 20, "Food", "2026-03-10");
    expense("Dinner", 10, "Food", "2026-03-01");
    expense("Gas", 10, "Bills", "2026-03-11");
    expense("Old taxi", 50, "Transport", "2026-02-28");
    const element = show(chart, pie);
    const figure = element.querySelector("figure");
    expect(nameOf(figure)).toBe("Spending by category");
    expect(figure.getAttribute("aria-roledescription")).toBe("pie chart");
    // Last month's taxi is left out; so are options without spending (no slice to draw).
    expect(legend(element)).toEqual(["Food: 30.00 (75%)", "Bills: 10.00 (25%)"]);
    expect(figure.querySelector("svg").getAttribute("aria-hidden")).toBe("true");
    expect(figure.querySelectorAll("svg .chart-slice")).toHaveLength(2);
    expect(rows(element)).toEqual([["Food", "30.00", "75%"], ["Bills", "10.00", "25%"]]);
    expect(figure.querySelector("figcaption").textContent).toBe("This month · Total 40.00");
  });

  it("shows an empty state for the period, then the slice once there is data", () => {
    expense("Old taxi", 50, "Transport", "2026-02-28");
    const element = show(chart, pie);
    expect(element.querySelector("figure").getAttribute("aria-roledescription")).toBe("pie chart");
    expect(element.querySelector(".chart-empty").textContent).toBe("No data for this month yet — add expenses to see the chart.");
    expect(legend(element)).toEqual([]);
    expense("Lunch", 12, "Food", "2026-03-11");
    expect(legend(element)).toEqual(["Food: 12.00 (100%)"]);
    expect(element.querySelector(".chart-empty")).toBeNull();
  });

  it("donut, and a count with shares that need not add to 100 exactly", () => {
    expense("a", 1, "Food", "2026-03-10");
    expense("b", 1, "Food", "2026-03-10");
    expense("c", 1, "Bills", "2026-03-10");
    const element = show(chart, { ...pie, chartType: "donut", measure: { agg: "count", format: "integer" } });
    expect(element.querySelector("figure").getAttribute("aria-roledescription")).toBe("donut chart");
    expect(legend(element)).toEqual(["Food: 2 (67%)", "Bills: 1 (33%)"]);
  });

  it("bar chart per week for the last 4 weeks: weeks without records are zeros, older ones are left out", () => {
    expense("a", 5, "Food", "2026-03-10");
    expense("b", 5, "Food", "2026-03-09");
    expense("c", 5, "Food", "2026-02-24");
    expense("old", 5, "Food", "2026-01-05");
    const element = show(chart, { type: "chart", title: "Expenses per week", chartType: "bar", entity: "Expense", groupBy: { dateField: "date", bucket: "week" }, measure: { agg: "count", format: "integer" }, period: { dateField: "date", range: "lastNWeeks", n: 4 } });
    expect(element.querySelector("figure").getAttribute("aria-roledescription")).toBe("bar chart");
    expect(legend(element)).toEqual(["Week of 23 Feb: 1 (33%)", "Week of 2 Mar: 0 (0%)", "Week of 9 Mar: 2 (67%)"]);
    expect(element.querySelectorAll("svg .chart-column")).toHaveLength(3);
  });

  it("line chart of an average: values without shares", () => {
    expense("a", 10, "Food", "2026-01-10");
    expense("b", 20, "Food", "2026-03-09");
    expense("c", 40, "Food", "2026-03-10");
    const element = show(chart, { type: "chart", title: "Average per month", chartType: "line", entity: "Expense", groupBy: { dateField: "date", bucket: "month" }, measure: { agg: "avg", of: { field: "amount" }, format: "money" } });
    expect(element.querySelector("figure").getAttribute("aria-roledescription")).toBe("line chart");
    expect(legend(element)).toEqual(["Jan 2026: 10.00", "Feb 2026: —", "Mar 2026: 30.00"]);
    expect(element.querySelectorAll("svg .chart-dot")).toHaveLength(3);
  });

  it("honours where", () => {
    expense("a", 10, "Food", "2026-03-10", { paid: true });
    expense("b", 30, "Bills", "2026-03-10");
    const element = show(chart, { ...pie, where: [{ field: "paid", op: "isFalse" }] });
    expect(legend(element)).toEqual(["Bills: 30.00 (100%)"]);
  });
});

describe("chart helpers", () => {
  it("rounds axis tops and lays slices around the circle", () => {
    expect([0, 3, 7, 12, 240, 1001].map(niceMax)).toEqual([1, 5, 10, 20, 250, 2000]);
    expect([1, 7, 12].map((n) => axisMax(n, true))).toEqual([4, 12, 20]);
    expect(sliceArcs([30, 10, 0])).toEqual([{ start: 0, length: 0.75 }, { start: 0.75, length: 0.25 }, { start: 1, length: 0 }]);
  });

  it("groups by a parent for 'Parent.title' and reads a slice the way QA does", () => {
    const scope = { store, spec, today };
    expect(normalizeGrouping({ field: "Client.name" }, spec.entities[1], scope)).toEqual({ field: "Client" });
    expect(normalizeGrouping({ field: "category" }, spec.entities[1], scope)).toEqual({ field: "category" });
    expect(sliceText({ label: "Food", valueText: "30.00", shareText: "75%" })).toBe("Food: 30.00 (75%)");
    expect(chartSlices({ chartType: "pie", groupBy: { field: "category" }, measure: { agg: "count" } }, spec.entities[1], scope).slices).toEqual([]);
  });
});
