// Hand-written plans for the records, form and entity checks, for what the compiler does not
// compose yet: a library whose loans have an overdue view and a "Mark returned" action, a mood
// journal of one entry per day grouped by mood, and a CRM whose leads count and sum their open
// deals. Their checks come from the generators, as a compiled plan's would.
import { ZPlan, type TPlan, type TPlanInput } from "~/server/plan/plan-schema";
import { buildAcceptanceChecks } from "../../checks/index";

type Input = Omit<TPlanInput, "acceptanceChecks" | "tasks" | "features" | "summary" | "kind"> & Partial<TPlanInput>;

export function handWritten(input: Input): TPlan {
  const base = ZPlan.parse({ summary: input.appName, kind: "crud", features: [], tasks: [{ id: "build", agent: "CodeGen", description: "Build it" }], acceptanceChecks: [{ id: "pending", description: "pending", steps: [{ action: "reload" }] }], ...input });
  return ZPlan.parse({ ...base, acceptanceChecks: buildAcceptanceChecks(base) });
}

const requirement = (id: string, kind: NonNullable<TPlanInput["requirements"]>[number]["kind"], text: string) => ({ id, kind, text, quote: text.slice(0, 40), promptIndex: 0, status: "planned" as const });

export const libraryPlan = (): TPlan =>
  handWritten({
    appName: "Community Library",
    theme: { colorScheme: "light", accent: "#4f46e5" },
    storage: { key: "library-loans", version: 1 },
    requirements: [
      requirement("r1", "entity", "Keep a list of members"),
      requirement("r2", "entity", "Keep a list of loans"),
      requirement("r3", "relation", "Each loan is for a member"),
      requirement("r4", "field", "Each loan has a due date"),
      requirement("r5", "view", "Lists loans past their due date that are not returned"),
      requirement("r6", "interaction", "Mark a loan as returned"),
      requirement("r7", "computed", "How many days a loan is overdue, in red when it is"),
      requirement("r8", "view", "Filter loans by whether they are returned"),
    ],
    entities: [
      { name: "Member", pluralLabel: "Members", fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "phone", label: "Phone", type: "phone" }], requirementIds: ["r1"] },
      {
        name: "Loan", pluralLabel: "Loans", belongsTo: ["Member"], requirementIds: ["r2", "r3"],
        fields: [
          { name: "book", label: "Book", type: "string", required: true },
          { name: "dueDate", label: "Due date", type: "date", required: true, requirementIds: ["r4"] },
          { name: "returned", label: "Returned", type: "boolean", defaultValue: false },
        ],
        computed: [{ name: "daysOverdue", label: "Days overdue", expr: { fn: "daysSince", args: [{ field: "dueDate" }] }, format: "integer", highlight: { when: { op: "gt", value: 0 }, tone: "danger" }, requirementIds: ["r7"] }],
        actions: [{ label: "Mark returned", set: { returned: true }, showWhen: [{ field: "returned", op: "isFalse" }], requirementIds: ["r6"] }],
      },
    ],
    pages: [
      { path: "/", title: "Loans", purpose: "All loans", sections: [{ type: "records", title: "Loans", entity: "Loan", display: "table", filters: ["returned"], sort: { field: "dueDate", direction: "asc" }, requirementIds: ["r2", "r3", "r8"] }] },
      { path: "/overdue", title: "Overdue", purpose: "Overdue loans", sections: [{ type: "records", title: "Overdue loans", entity: "Loan", create: false, where: [{ field: "dueDate", op: "beforeToday" }, { field: "returned", op: "isFalse" }], sort: { field: "dueDate", direction: "asc" }, actions: [{ label: "Mark returned", set: { returned: true }, showWhen: [{ field: "returned", op: "isFalse" }], requirementIds: ["r6"] }], emptyText: "Nothing overdue — well done", requirementIds: ["r5"] }] },
      { path: "/members", title: "Members", purpose: "Members", sections: [{ type: "records", title: "Members", entity: "Member", display: "cards", emptyText: "No members yet — add the first one above", requirementIds: ["r1"] }] },
    ],
  });

export const journalPlan = (): TPlan =>
  handWritten({
    appName: "Mood Journal",
    theme: { colorScheme: "dark", accent: "#7c3aed" },
    storage: { key: "mood-journal", version: 1 },
    requirements: [
      requirement("r1", "entity", "Keep a journal of entries"),
      requirement("r2", "interaction", "One entry per day"),
      requirement("r3", "view", "Entries grouped by mood"),
      requirement("r4", "interaction", "Searchable"),
      requirement("r5", "field", "Each entry has a mood (happy, calm, tired)"),
      requirement("r6", "field", "Each entry has a rating out of 5"),
    ],
    entities: [{
      name: "Entry", pluralLabel: "Entries", requirementIds: ["r1"],
      fields: [
        { name: "headline", label: "Headline", type: "string", required: true },
        { name: "date", label: "Date", type: "date", required: true },
        { name: "mood", label: "Mood", type: "enum", options: ["Happy", "Calm", "Tired"], requirementIds: ["r5"] },
        { name: "rating", label: "Rating", type: "rating", max: 5, requirementIds: ["r6"] },
        { name: "tags", label: "Tags", type: "enum", multiple: true, options: ["Work", "Family"] },
        { name: "hours", label: "Hours slept", type: "number", min: 0, max: 24, unit: "h" },
      ],
    }],
    pages: [{ path: "/", title: "Journal", purpose: "The journal", sections: [{ type: "records", title: "Journal", entity: "Entry", onePerDate: "date", groupBy: { field: "mood" }, search: true, requirementIds: ["r1", "r2", "r3", "r4"] }] }],
  });

export const crmPlan = (): TPlan =>
  handWritten({
    appName: "Lead Tracker",
    theme: { colorScheme: "light", accent: "#0f766e" },
    storage: { key: "lead-tracker", version: 1 },
    requirements: [
      requirement("r1", "entity", "Keep a list of leads"),
      requirement("r2", "entity", "Keep a list of deals"),
      requirement("r3", "relation", "Each deal belongs to a lead"),
      requirement("r4", "computed", "How many open deals each lead has"),
      requirement("r5", "computed", "The value of each lead's deals"),
      requirement("r6", "view", "Filter deals by stage"),
      requirement("r7", "interaction", "Mark a deal won"),
    ],
    entities: [
      {
        name: "Lead", pluralLabel: "Leads", requirementIds: ["r1"],
        fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "company", label: "Company", type: "string" }, { name: "email", label: "Email", type: "email" }],
        computed: [
          { name: "openDeals", label: "Open deals", expr: { agg: "count", entity: "Deal", where: [{ field: "stage", op: "notIn", value: ["Won", "Lost"] }] }, format: "integer", requirementIds: ["r4"] },
          { name: "dealValue", label: "Deal value", expr: { agg: "sum", entity: "Deal", of: { field: "amount" } }, format: "money", highlight: { when: { op: "gte", value: 30 }, tone: "success" }, requirementIds: ["r5"] },
        ],
      },
      {
        name: "Deal", pluralLabel: "Deals", belongsTo: ["Lead"], requirementIds: ["r2", "r3"],
        fields: [{ name: "title", label: "Title", type: "string", required: true }, { name: "amount", label: "Amount", type: "money", min: 0 }, { name: "stage", label: "Stage", type: "enum", options: ["New", "Proposal", "Won", "Lost"], defaultValue: "New" }],
      },
    ],
    pages: [
      { path: "/", title: "Leads", purpose: "Leads", sections: [{ type: "records", title: "Leads", entity: "Lead", requirementIds: ["r1", "r4", "r5"] }] },
      { path: "/deals", title: "Deals", purpose: "Deals", sections: [{ type: "records", title: "Deals", entity: "Deal", display: "cards", filters: ["stage", "Lead"], actions: [{ label: "Mark won", set: { stage: "Won" }, showWhen: [{ field: "stage", op: "neq", value: "Won" }], requirementIds: ["r7"] }], requirementIds: ["r2", "r3", "r6"] }] },
    ],
  });
