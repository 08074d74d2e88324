// Hand-written plans with every kind of figure, for the tests of the figure checks (unit and
// Chromium): what the compiler should compose for "a pie chart of my spending by category this
// month", "total owed per client for unpaid invoices", "workouts per week for the last 8 weeks",
// "a table of top selling products". Their checks come from the real generators.
import { ZPlan, type TPlan, type TPlanInput } from "~/server/plan/plan-schema";
import { buildAcceptanceChecks } from "../../checks/index";

type Parts = Pick<TPlanInput, "appName" | "entities" | "pages"> & { requirementIds: string[] };

function plan(parts: Parts): TPlan {
  const base = ZPlan.parse({
    summary: parts.appName,
    kind: "dashboard",
    theme: { colorScheme: "light", accent: "#4f46e5" },
    features: [],
    tasks: [{ id: "build", agent: "CodeGen", description: "Build it" }],
    requirements: parts.requirementIds.map((id) => ({ id, kind: "computed", text: `Requirement ${id}`, quote: id, status: "planned" })),
    acceptanceChecks: [{ id: "pending", description: "pending", steps: [{ action: "reload" }] }],
    storage: { key: parts.appName.toLowerCase().replace(/[^a-z0-9]+/g, "-"), version: 1 },
    appName: parts.appName,
    entities: parts.entities,
    pages: parts.pages,
  });
  return ZPlan.parse({ ...base, acceptanceChecks: buildAcceptanceChecks(base) });
}

export const spendingPlan = (): TPlan =>
  plan({
    appName: "Spending",
    requirementIds: ["r1", "r2", "r3", "r4", "r5", "r6"],
    entities: [{
      name: "Expense", pluralLabel: "Expenses", requirementIds: ["r1"], fields: [
        { name: "description", label: "Description", type: "string", required: true },
        { name: "amount", label: "Amount", type: "money", min: 0 },
        { name: "category", label: "Category", type: "enum", options: ["Food", "Bills", "Transport", "Fun"] },
        { name: "date", label: "Date", type: "date" },
      ],
    }],
    pages: [
      { path: "/", title: "Expenses", purpose: "Keep expenses", sections: [
        { type: "records", title: "Expenses", entity: "Expense", requirementIds: ["r1"] },
        { type: "chart", title: "Spending by category", chartType: "pie", entity: "Expense", groupBy: { field: "category" }, measure: { agg: "sum", of: { field: "amount" }, format: "money" }, period: { dateField: "date", range: "thisMonth" }, requirementIds: ["r2", "r3"] },
      ] },
      { path: "/totals", title: "Totals", purpose: "See totals", sections: [
        { type: "stats", title: "Totals", items: [
          { label: "Spent this month", value: { agg: "sum", entity: "Expense", of: { field: "amount" }, where: [{ field: "date", op: "inRange", period: { range: "thisMonth" } }] }, format: "money", requirementIds: ["r4"] },
          { label: "Number of expenses", value: { agg: "count", entity: "Expense" }, format: "integer", requirementIds: ["r5"] },
        ] },
        { type: "groupTable", title: "Per category", entity: "Expense", groupBy: { field: "category" }, measures: [{ label: "Expenses", agg: "count", format: "integer" }, { label: "Total", agg: "sum", of: { field: "amount" }, format: "money" }], requirementIds: ["r6"] },
      ] },
    ],
  });

export const invoicesPlan = (): TPlan =>
  plan({
    appName: "Invoices",
    requirementIds: ["r1", "r2", "r3", "r4", "r5"],
    entities: [
      { name: "Client", pluralLabel: "Clients", requirementIds: ["r1"], fields: [{ name: "name", label: "Name", type: "string", required: true }] },
      { name: "Invoice", pluralLabel: "Invoices", belongsTo: ["Client"], requirementIds: ["r2"], fields: [
        { name: "title", label: "Title", type: "string", required: true },
        { name: "amount", label: "Amount", type: "money", min: 0 },
        { name: "paid", label: "Paid", type: "boolean", defaultValue: false },
      ] },
    ],
    pages: [
      { path: "/", title: "Clients", purpose: "Clients", sections: [{ type: "records", title: "Clients", entity: "Client", requirementIds: ["r1"] }] },
      { path: "/invoices", title: "Invoices", purpose: "Invoices", sections: [
        { type: "records", title: "Invoices", entity: "Invoice", requirementIds: ["r2"] },
        { type: "stats", title: "Owed", items: [{ label: "Unpaid total", value: { agg: "sum", entity: "Invoice", of: { field: "amount" }, where: [{ field: "paid", op: "isFalse" }] }, format: "money", requirementIds: ["r3"] }] },
        { type: "groupTable", title: "Owed per client", entity: "Invoice", groupBy: { field: "Client.name" }, where: [{ field: "paid", op: "isFalse" }], measures: [{ label: "Owed", agg: "sum", of: { field: "amount" }, format: "money" }], sort: { measure: 0, direction: "desc" }, requirementIds: ["r4"] },
        { type: "chart", title: "Unpaid by client", chartType: "donut", entity: "Invoice", groupBy: { field: "Client.name" }, measure: { agg: "count", format: "integer" }, where: [{ field: "paid", op: "isFalse" }], requirementIds: ["r5"] },
      ] },
    ],
  });

export const workoutsPlan = (): TPlan =>
  plan({
    appName: "Workouts",
    requirementIds: ["r1", "r2", "r3", "r4"],
    entities: [{
      name: "Workout", pluralLabel: "Workouts", requirementIds: ["r1"], fields: [
        { name: "name", label: "Name", type: "string", required: true },
        { name: "date", label: "Date", type: "date", required: true },
        { name: "type", label: "Type", type: "enum", options: ["Running", "Cycling", "Gym"] },
        { name: "minutes", label: "Minutes", type: "number", min: 0 },
      ],
    }],
    pages: [{ path: "/", title: "Workouts", purpose: "Log workouts", sections: [
      { type: "records", title: "Workouts", entity: "Workout", requirementIds: ["r1"] },
      { type: "chart", title: "Workouts per week", chartType: "bar", entity: "Workout", groupBy: { dateField: "date", bucket: "week" }, measure: { agg: "count", format: "integer" }, period: { dateField: "date", range: "lastNWeeks", n: 8 }, requirementIds: ["r2"] },
      { type: "chart", title: "Minutes per month", chartType: "line", entity: "Workout", groupBy: { dateField: "date", bucket: "month" }, measure: { agg: "sum", of: { field: "minutes" }, format: "number" }, requirementIds: ["r3"] },
      { type: "groupTable", title: "Per type", entity: "Workout", groupBy: { field: "type" }, includeEmptyGroups: false, measures: [{ label: "Workouts", agg: "count", format: "integer" }, { label: "Average minutes", agg: "avg", of: { field: "minutes" }, format: "number" }], requirementIds: ["r4"] },
    ] }],
  });

export const salesPlan = (): TPlan =>
  plan({
    appName: "Wick and Wax",
    requirementIds: ["r1", "r2", "r3"],
    entities: [{
      name: "Sale", pluralLabel: "Sales", requirementIds: ["r1"], fields: [
        { name: "product", label: "Product", type: "string", required: true },
        { name: "date", label: "Date", type: "date" },
        { name: "amount", label: "Amount", type: "money", min: 0 },
      ],
    }],
    pages: [{ path: "/", title: "Sales", purpose: "Sales", sections: [
      { type: "records", title: "Sales", entity: "Sale", requirementIds: ["r1"] },
      { type: "groupTable", title: "Top selling products", entity: "Sale", groupBy: { field: "product" }, measures: [{ label: "Sales", agg: "sum", of: { field: "amount" }, format: "money" }], sort: { measure: 0, direction: "desc" }, limit: 5, requirementIds: ["r2"] },
      { type: "chart", title: "Sales per month", chartType: "line", entity: "Sale", groupBy: { dateField: "date", bucket: "month" }, measure: { agg: "sum", of: { field: "amount" }, format: "money" }, period: { dateField: "date", range: "lastNMonths", n: 6 }, requirementIds: ["r3"] },
    ] }],
  });

/** The CRM chain's last step: "show total deal value per stage as a bar chart" (deals belong to leads). */
export const dealsPlan = (): TPlan =>
  plan({
    appName: "Mini CRM",
    requirementIds: ["r1", "r2", "r3"],
    entities: [
      { name: "Lead", pluralLabel: "Leads", requirementIds: ["r1"], fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "company", label: "Company", type: "string" }] },
      { name: "Deal", pluralLabel: "Deals", belongsTo: ["Lead"], requirementIds: ["r2"], fields: [
        { name: "title", label: "Title", type: "string", required: true },
        { name: "amount", label: "Amount", type: "money", min: 0 },
        { name: "stage", label: "Stage", type: "enum", options: ["New", "Proposal", "Won", "Lost"] },
      ] },
    ],
    pages: [
      { path: "/", title: "Leads", purpose: "Leads", sections: [{ type: "records", title: "Leads", entity: "Lead", requirementIds: ["r1"] }] },
      { path: "/deals", title: "Deals", purpose: "Deals", sections: [
        { type: "records", title: "Deals", entity: "Deal", requirementIds: ["r2"] },
        { type: "chart", title: "Deal value per stage", chartType: "bar", entity: "Deal", groupBy: { field: "stage" }, measure: { agg: "sum", of: { field: "amount" }, format: "money" }, requirementIds: ["r3"] },
      ] },
    ],
  });
