// Common domains the offline compiler knows well: default fields, sample values and relations.
// Nouns not listed here still work (see extract-entities.ts); this only makes familiar apps richer.
import type { TPlanField } from "~/server/plan/plan-schema";
import { priorityOptions, statusOptions } from "./field-catalog";

export interface CatalogField extends TPlanField {
  /** Always included, even when the prompt lists its own fields (e.g. a todo's "Done"). */
  core?: boolean;
}

export interface CatalogEntity {
  name: string;
  label: string;
  pluralLabel: string;
  /** Singular nouns that name this entity in a prompt. */
  nouns: string[];
  fields: CatalogField[];
  /** Parents to link to when they are in the same app. */
  parents?: string[];
  /** Realistic primary-field values for seed data and acceptance checks. */
  samples: [string, string, string];
}

const field = (
  name: string,
  label: string,
  type: TPlanField["type"],
  extra: { required?: boolean; core?: boolean; options?: string[] } = {},
): CatalogField => ({ name, label, type, required: extra.required ?? false, ...(extra.options ? { options: extra.options } : {}), ...(extra.core ? { core: true } : {}) });

const title = field("title", "Title", "string", { required: true, core: true });
const name = field("name", "Name", "string", { required: true, core: true });
const notes = field("notes", "Notes", "text");

export const entityCatalog: CatalogEntity[] = [
  {
    name: "Task", label: "Task", pluralLabel: "Tasks", nouns: ["task", "todo", "chore", "errand"],
    fields: [title, field("done", "Done", "boolean", { core: true }), field("dueDate", "Due date", "date"), field("priority", "Priority", "enum", { options: priorityOptions }), notes],
    parents: ["Project"],
    samples: ["Write the launch plan", "Book a dentist appointment", "Renew passport"],
  },
  {
    name: "Project", label: "Project", pluralLabel: "Projects", nouns: ["project"],
    fields: [name, field("status", "Status", "enum", { options: ["Planned", "Active", "Done"] }), field("dueDate", "Due date", "date"), field("description", "Description", "text")],
    samples: ["Website redesign", "Mobile app", "Quarterly report"],
  },
  {
    name: "Note", label: "Note", pluralLabel: "Notes", nouns: ["note", "memo"],
    fields: [title, field("body", "Body", "text"), field("tags", "Tags", "string")],
    samples: ["Meeting takeaways", "Gift ideas", "Book quotes"],
  },
  {
    name: "Contact", label: "Contact", pluralLabel: "Contacts", nouns: ["contact", "lead", "person", "friend", "prospect"],
    fields: [name, field("email", "Email", "email"), field("phone", "Phone", "string"), field("company", "Company", "string"), notes],
    parents: ["Company"],
    samples: ["Ada Lovelace", "Grace Hopper", "Alan Turing"],
  },
  {
    name: "Company", label: "Company", pluralLabel: "Companies", nouns: ["company", "organization", "organisation", "account"],
    fields: [name, field("website", "Website", "url"), field("industry", "Industry", "string")],
    samples: ["Acme Corp", "Globex", "Initech"],
  },
  {
    name: "Deal", label: "Deal", pluralLabel: "Deals", nouns: ["deal", "opportunity"],
    fields: [title, field("value", "Value", "number", { core: true }), field("stage", "Stage", "enum", { options: ["Lead", "Qualified", "Proposal", "Won", "Lost"], core: true }), field("closeDate", "Close date", "date")],
    parents: ["Contact", "Company"],
    samples: ["Annual license", "Pilot project", "Support renewal"],
  },
  {
    name: "Product", label: "Product", pluralLabel: "Products", nouns: ["product", "item", "good", "stock"],
    fields: [name, field("sku", "SKU", "string"), field("quantity", "Quantity", "number", { core: true }), field("price", "Price", "number"), field("category", "Category", "enum", { options: ["General", "Electronics", "Clothing", "Food", "Other"] })],
    parents: ["Supplier"],
    samples: ["Wireless mouse", "Desk lamp", "Notebook"],
  },
  {
    name: "Supplier", label: "Supplier", pluralLabel: "Suppliers", nouns: ["supplier", "vendor"],
    fields: [name, field("email", "Email", "email"), field("phone", "Phone", "string")],
    samples: ["Northwind", "Contoso", "Fabrikam"],
  },
  {
    name: "Recipe", label: "Recipe", pluralLabel: "Recipes", nouns: ["recipe", "dish"],
    fields: [title, field("ingredients", "Ingredients", "text"), field("instructions", "Instructions", "text"), field("tags", "Tags", "string"), field("duration", "Duration (min)", "number"), field("servings", "Servings", "number")],
    samples: ["Tomato soup", "Banana bread", "Green curry"],
  },
  {
    name: "Expense", label: "Expense", pluralLabel: "Expenses", nouns: ["expense", "spending", "purchase", "bill", "cost", "payment"],
    fields: [title, field("amount", "Amount", "number", { required: true, core: true }), field("category", "Category", "enum", { options: ["Food", "Transport", "Housing", "Utilities", "Entertainment", "Other"] }), field("date", "Date", "date")],
    samples: ["Groceries", "Train ticket", "Electricity bill"],
  },
  {
    name: "Income", label: "Income", pluralLabel: "Income", nouns: ["income", "earning", "revenue"],
    fields: [title, field("amount", "Amount", "number", { required: true, core: true }), field("source", "Source", "string"), field("date", "Date", "date")],
    samples: ["Salary", "Freelance invoice", "Dividends"],
  },
  {
    name: "Book", label: "Book", pluralLabel: "Books", nouns: ["book", "novel"],
    fields: [title, field("author", "Author", "string"), field("genre", "Genre", "string"), field("rating", "Rating", "number"), field("finished", "Finished", "boolean")],
    samples: ["Dune", "The Hobbit", "Middlemarch"],
  },
  {
    name: "Movie", label: "Movie", pluralLabel: "Movies", nouns: ["movie", "film", "show"],
    fields: [title, field("year", "Year", "number"), field("genre", "Genre", "string"), field("rating", "Rating", "number"), field("watched", "Watched", "boolean")],
    samples: ["Spirited Away", "Arrival", "Casablanca"],
  },
  {
    name: "Habit", label: "Habit", pluralLabel: "Habits", nouns: ["habit", "routine"],
    fields: [name, field("frequency", "Frequency", "enum", { options: ["Daily", "Weekly", "Monthly"], core: true }), field("streak", "Streak", "number"), notes],
    samples: ["Morning run", "Read 20 pages", "Meditate"],
  },
  {
    name: "Workout", label: "Workout", pluralLabel: "Workouts", nouns: ["workout", "exercise", "run", "training"],
    fields: [title, field("date", "Date", "date"), field("duration", "Duration (min)", "number", { core: true }), field("calories", "Calories", "number"), notes],
    samples: ["Leg day", "5k run", "Yoga flow"],
  },
  {
    name: "Event", label: "Event", pluralLabel: "Events", nouns: ["event", "meeting", "appointment", "booking", "reservation"],
    fields: [title, field("date", "Date", "date", { core: true }), field("location", "Location", "string"), field("description", "Description", "text")],
    samples: ["Team offsite", "Birthday dinner", "Product demo"],
  },
  {
    name: "Client", label: "Client", pluralLabel: "Clients", nouns: ["client"],
    fields: [name, field("email", "Email", "email"), field("company", "Company", "string"), field("phone", "Phone", "string")],
    samples: ["Jane Cooper", "Wade Warren", "Esther Howard"],
  },
  {
    name: "Invoice", label: "Invoice", pluralLabel: "Invoices", nouns: ["invoice"],
    fields: [field("number", "Number", "string", { required: true, core: true }), field("amount", "Amount", "number", { required: true, core: true }), field("dueDate", "Due date", "date"), field("paid", "Paid", "boolean")],
    parents: ["Client", "Customer"],
    samples: ["INV-1001", "INV-1002", "INV-1003"],
  },
  {
    name: "Customer", label: "Customer", pluralLabel: "Customers", nouns: ["customer", "buyer", "patient", "guest"],
    fields: [name, field("email", "Email", "email"), field("phone", "Phone", "string"), field("address", "Address", "string")],
    samples: ["Maria Garcia", "Liam Chen", "Noah Patel"],
  },
  {
    name: "Order", label: "Order", pluralLabel: "Orders", nouns: ["order", "sale"],
    fields: [field("reference", "Reference", "string", { required: true, core: true }), field("total", "Total", "number", { core: true }), field("status", "Status", "enum", { options: ["Pending", "Shipped", "Delivered", "Cancelled"] }), field("date", "Date", "date")],
    parents: ["Customer"],
    samples: ["ORD-2001", "ORD-2002", "ORD-2003"],
  },
  {
    name: "Employee", label: "Employee", pluralLabel: "Employees", nouns: ["employee", "staff", "worker", "teammate"],
    fields: [name, field("email", "Email", "email"), field("role", "Role", "string"), field("department", "Department", "string"), field("startDate", "Start date", "date")],
    samples: ["Priya Sharma", "Tom Becker", "Lena Novak"],
  },
  {
    name: "Student", label: "Student", pluralLabel: "Students", nouns: ["student", "pupil"],
    fields: [name, field("email", "Email", "email"), field("grade", "Grade", "string")],
    parents: ["Course"],
    samples: ["Sam Rivera", "Mia Kim", "Leo Rossi"],
  },
  {
    name: "Course", label: "Course", pluralLabel: "Courses", nouns: ["course", "class", "lesson"],
    fields: [title, field("teacher", "Teacher", "string"), field("credits", "Credits", "number"), field("startDate", "Start date", "date")],
    samples: ["Intro to Biology", "World History", "Algebra II"],
  },
  {
    name: "Bookmark", label: "Bookmark", pluralLabel: "Bookmarks", nouns: ["bookmark", "link"],
    fields: [title, field("url", "URL", "url", { required: true, core: true }), field("tags", "Tags", "string")],
    samples: ["MDN Web Docs", "Node.js docs", "Hacker News"],
  },
  {
    name: "Issue", label: "Issue", pluralLabel: "Issues", nouns: ["issue", "bug", "ticket", "story"],
    fields: [title, field("status", "Status", "enum", { options: statusOptions, core: true }), field("priority", "Priority", "enum", { options: priorityOptions }), field("assignee", "Assignee", "string"), field("description", "Description", "text")],
    parents: ["Project"],
    samples: ["Login button unresponsive", "Typo on pricing page", "Slow search results"],
  },
  {
    name: "Post", label: "Post", pluralLabel: "Posts", nouns: ["post", "article", "blog"],
    fields: [title, field("author", "Author", "string"), field("published", "Published", "boolean"), field("date", "Date", "date"), field("body", "Body", "text")],
    samples: ["Hello world", "Release notes", "Our roadmap"],
  },
  {
    name: "Meal", label: "Meal", pluralLabel: "Meals", nouns: ["meal"],
    fields: [name, field("date", "Date", "date"), field("calories", "Calories", "number", { core: true }), notes],
    samples: ["Oatmeal breakfast", "Chicken salad", "Pasta night"],
  },
  {
    name: "Plant", label: "Plant", pluralLabel: "Plants", nouns: ["plant", "flower"],
    fields: [name, field("species", "Species", "string"), field("location", "Location", "string"), field("lastWatered", "Last watered", "date")],
    samples: ["Monstera", "Basil", "Fiddle leaf fig"],
  },
  {
    name: "Pet", label: "Pet", pluralLabel: "Pets", nouns: ["pet", "dog", "cat"],
    fields: [name, field("species", "Species", "string"), field("breed", "Breed", "string"), field("birthday", "Birthday", "date")],
    samples: ["Biscuit", "Luna", "Pepper"],
  },
  {
    name: "Trip", label: "Trip", pluralLabel: "Trips", nouns: ["trip", "journey", "vacation", "holiday"],
    fields: [field("destination", "Destination", "string", { required: true, core: true }), field("startDate", "Start date", "date"), field("endDate", "End date", "date"), field("budget", "Budget", "number")],
    samples: ["Lisbon", "Kyoto", "Reykjavik"],
  },
  {
    name: "Goal", label: "Goal", pluralLabel: "Goals", nouns: ["goal", "objective", "okr", "resolution"],
    fields: [title, field("target", "Target", "number"), field("progress", "Progress", "number"), field("dueDate", "Due date", "date")],
    samples: ["Run a marathon", "Save for a bike", "Learn Spanish"],
  },
  {
    name: "Entry", label: "Entry", pluralLabel: "Entries", nouns: ["entry", "journal", "diary"],
    fields: [title, field("date", "Date", "date", { core: true }), field("mood", "Mood", "enum", { options: ["Great", "Good", "Okay", "Bad"] }), field("body", "Body", "text")],
    samples: ["A quiet Sunday", "First day at work", "Beach trip"],
  },
  {
    name: "Application", label: "Application", pluralLabel: "Applications", nouns: ["application", "job", "applicant"],
    fields: [field("company", "Company", "string", { required: true, core: true }), field("role", "Role", "string"), field("status", "Status", "enum", { options: ["Applied", "Interview", "Offer", "Rejected"], core: true }), field("appliedOn", "Applied on", "date")],
    samples: ["Initech", "Hooli", "Pied Piper"],
  },
  {
    name: "Signup", label: "Signup", pluralLabel: "Signups", nouns: ["signup", "subscriber"],
    fields: [field("email", "Email", "email", { required: true, core: true }), field("name", "Name", "string")],
    samples: ["ada@example.com", "grace@example.com", "alan@example.com"],
  },
];

const byNoun = new Map<string, CatalogEntity>();
const byName = new Map<string, CatalogEntity>();
for (const e of entityCatalog) {
  byName.set(e.name, e);
  for (const n of e.nouns) byNoun.set(n, e);
}

export const catalogEntityForNoun = (singularNoun: string): CatalogEntity | undefined => byNoun.get(singularNoun);
export const catalogEntityByName = (entityName: string): CatalogEntity | undefined => byName.get(entityName);

/** Whole-app domain words that imply a set of entities ("a CRM" → contacts and deals). */
export const domainCatalog: Array<{ pattern: RegExp; entities: string[]; appName: string }> = [
  { pattern: /\bcrm\b|customer relationship|sales pipeline/, entities: ["Contact", "Deal"], appName: "CRM" },
  { pattern: /\bto-?do\b|\btodos?\b|\bto do\b|task (list|manager|tracker)/, entities: ["Task"], appName: "Tasks" },
  { pattern: /\binventory\b|\bwarehouse\b|\bstock (tracker|management)/, entities: ["Product"], appName: "Inventory" },
  { pattern: /\brecipe/, entities: ["Recipe"], appName: "Recipe Book" },
  { pattern: /\bexpense|\bbudget|\bspending\b|\bfinances?\b/, entities: ["Expense"], appName: "Expenses" },
  { pattern: /\binvoic/, entities: ["Client", "Invoice"], appName: "Invoicing" },
  { pattern: /\be-?commerce\b|\bonline (shop|store)\b/, entities: ["Product", "Customer", "Order"], appName: "Shop" },
  { pattern: /\breading list\b|\blibrary\b/, entities: ["Book"], appName: "Library" },
  { pattern: /\bwatch ?list\b/, entities: ["Movie"], appName: "Watchlist" },
  { pattern: /\bbug tracker\b|\bissue tracker\b/, entities: ["Issue"], appName: "Issue Tracker" },
  { pattern: /\bhelp ?desk\b|\bsupport tickets?\b/, entities: ["Issue"], appName: "Helpdesk" },
  { pattern: /\bjob (hunt|search|applications?)\b/, entities: ["Application"], appName: "Job Hunt" },
  { pattern: /\bjournal\b|\bdiary\b/, entities: ["Entry"], appName: "Journal" },
  { pattern: /\bfitness\b|\bgym\b/, entities: ["Workout"], appName: "Fitness Log" },
  { pattern: /\bschool\b|\bgradebook\b/, entities: ["Student", "Course"], appName: "School" },
  { pattern: /\bmeal plan|\bcalorie/, entities: ["Meal"], appName: "Meal Planner" },
  { pattern: /\bhabit/, entities: ["Habit"], appName: "Habits" },
  { pattern: /\bblog\b/, entities: ["Post"], appName: "Blog" },
  { pattern: /\bhr\b|\bstaff directory\b|\bteam directory\b/, entities: ["Employee"], appName: "Team Directory" },
];
