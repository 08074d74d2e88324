// Requirement extraction, table-driven: many phrasings per construct. Each row says which
// requirement (kind, status) must be found with a quote containing the given words of the prompt,
// and optionally what the plan must then contain.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../compile-app-plan";

type Row = [prompt: string, kind: string, quote: string, check?: (plan: TPlan) => boolean];

const compile = (prompt: string): TPlan => {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};
const field = (plan: TPlan, entity: string, name: string) => plan.entities.find((e) => e.name === entity)?.fields.find((f) => f.name === name);
const sequence = (plan: TPlan) => plan.pages.flatMap((p) => p.sections ?? []).find((s) => s.type === "sequence") as { itemOf: string; title?: string; total?: { of: object } } | undefined;
const weekPlan = (plan: TPlan) => plan.pages.flatMap((p) => p.sections ?? []).find((s) => s.type === "weekPlan") as { slots: string[]; shopping?: { field: string } } | undefined;
/** The entity with a start/stop timer, whose Stop logs time entries belonging to it. */
const timedBy = (plan: TPlan) => plan.entities.find((e) => e.timer && plan.entities.some((t) => t.name === e.timer!.entity && t.belongsTo.includes(e.name)))?.name;
const fieldNames = (plan: TPlan, entity: string) => plan.entities.find((e) => e.name === entity)?.fields.map((f) => f.name).join();
const hasComputed = (plan: TPlan, entity: string, name: string) => !!plan.entities.find((e) => e.name === entity)?.computed?.some((c) => c.name === name);
const hasSection = (plan: TPlan, type: string) => plan.pages.some((p) => p.sections?.some((s) => s.type === type));

const rows: Row[] = [
  // ── Entities ──
  ["habit tracker where i can tick off each habit", "entity", "habit"],
  ["simple todo list with due dates", "entity", "todo list"],
  ["a to do list app", "entity", "to do list"],
  ["keep track of my clients", "entity", "clients"],
  ["track my bird sightings", "entity", "sightings"],
  ["an app for my recipes with ingredients", "entity", "recipes"],
  ["log my workouts", "entity", "workouts"],
  ["a list of guests for my party", "entity", "guests"],
  ["inventory of products with SKU and quantity", "entity", "products"],
  ["suppliers with name and phone", "entity", "suppliers"],
  ["I keep 6 hens", "entity", "hens"],
  ["track my plants", "entity", "plants"],
  ["manage my invoices", "entity", "invoices"],
  ["a song library with title and key", "entity", "song library"],
  ["my students and their marks", "entity", "students"],
  ["a member list for our club", "entity", "member list"],
  ["reading list with author", "entity", "reading list"],
  ["keep my vinyl records organised with artist and year", "entity", "records"],
  ["expense tracker with amount and date", "entity", "expense tracker"],
  ["a app to trak my expences", "entity", "expences"],
  // ── Fields with types ──
  ["todo list with due dates", "field", "due dates", (p) => field(p, "Task", "dueDate")?.type === "date"],
  ["orders with a pickup date", "field", "pickup date", (p) => field(p, "Order", "pickupDate")?.type === "date"],
  ["expenses with amount, category and date", "field", "amount", (p) => field(p, "Expense", "amount")?.type === "money"],
  ["products with a price", "field", "price", (p) => field(p, "Product", "price")?.type === "money"],
  ["books with a 1-5 star rating", "field", "1-5 star rating", (p) => field(p, "Book", "rating")?.max === 5],
  ["films with a rating out of 10", "field", "rating out of 10", (p) => p.entities.some((e) => e.fields.some((f) => f.type === "rating" && f.max === 10))],
  ["bakery order list — customer, paid or not", "field", "paid or not", (p) => field(p, "Order", "paid")?.type === "boolean"],
  ["member list with name and whether they've paid", "field", "whether they've paid", (p) => p.entities[0]!.fields.some((f) => f.type === "boolean")],
  ["suppliers with name, phone, email", "field", "phone", (p) => field(p, "Supplier", "phone")?.type === "phone"],
  ["suppliers with name, phone, email", "field", "email", (p) => field(p, "Supplier", "email")?.type === "email"],
  // A picture is a field named by its own words, whatever else the phrase says.
  ["add plants with a photo, species and the date I got them", "field", "a photo", (p) => field(p, "Plant", "photo")?.type === "image"],
  ["recipe book where each recipe has a photo, ingredients and steps", "field", "a photo", (p) => field(p, "Recipe", "photo")?.type === "image"],
  ["recipe collection: each recipe has a title, an image, and a rating out of 5", "field", "an image", (p) => field(p, "Recipe", "image")?.label === "Image"],
  ["contacts with name, phone and a profile photo", "field", "a profile photo", (p) => p.entities[0]!.fields.some((f) => f.type === "image" && f.label === "Profile photo")],
  ["inventory of my tools with an image of each tool and where it is stored", "field", "an image of each tool", (p) => p.entities[0]!.fields.some((f) => f.type === "image" && f.label === "Image")],
  ["a wardrobe app: log my clothes with a picture", "field", "a picture", (p) => p.entities.filter((e) => e.fields.some((f) => f.type === "image")).map((e) => e.name).join() === "Clothe"],
  ["dogs (name, owner, owner phone, address)", "field", "owner phone", (p) => field(p, "Dog", "ownerPhone")?.type === "phone"],
  ["products have a name, SKU, quantity in stock and a reorder level", "field", "quantity in stock", (p) => field(p, "Product", "quantity")?.type === "number"],
  ["products have a name, SKU, quantity in stock and a reorder level", "field", "reorder level", (p) => field(p, "Product", "reorderLevel")?.type === "number"],
  ["songs with title, key, length in minutes", "field", "length in minutes", (p) => field(p, "Song", "minutes")?.unit === "min"],
  ["Log my workouts - exercise, sets, reps and weight", "field", "sets", (p) => field(p, "Workout", "sets")?.type === "number"],
  ["Log my workouts - exercise, sets, reps and weight", "field", "reps"],
  ["Log my workouts - exercise, sets, reps and weight", "field", "weight"],
  ["Log my workouts - exercise, sets, reps and weight", "field", "exercise"],
  ["Car maintenance log: date, mileage, what was done, cost", "field", "mileage"],
  ["Car maintenance log: date, mileage, what was done, cost", "field", "what was done"],
  ["Car maintenance log: date, mileage, what was done, cost", "field", "cost", (p) => p.entities[0]!.fields.some((f) => f.type === "money")],
  ["leads (name, company, email, source)", "field", "company"],
  ["leads (name, company, email, source)", "field", "source"],
  ["member list for our chess club with name, rating, date joined", "field", "date joined", (p) => p.entities[0]!.fields.some((f) => f.name === "dateJoined" && f.type === "date")],
  ["member list for our chess club with name, rating, date joined", "field", "rating", (p) => p.entities[0]!.fields.some((f) => f.name === "rating" && f.type === "number")],
  ["plants with species and the date I got them", "field", "species"],
  ["plants with species and the date I got them", "field", "the date I got them", (p) => p.entities[0]!.fields.some((f) => f.type === "date")],
  ["team roster - players with shirt number and position", "field", "shirt number", (p) => field(p, "Player", "shirtNumber")?.type === "number"],
  ["recipes with ingredients and steps", "field", "ingredients", (p) => field(p, "Recipe", "ingredients")?.type === "text"],
  ["recipes with ingredients and steps", "field", "steps"],
  ["reading list with title and author", "field", "author"],
  ["guest list with name and whether they're coming", "field", "whether they're coming", (p) => p.entities[0]!.fields.some((f) => f.type === "boolean")],
  ["Each medication has a name, dose, and times of day she takes it (morning, noon, evening)", "field", "dose"],
  ["Each medication has a name, dose, and times of day she takes it (morning, noon, evening)", "field", "times of day", (p) => p.entities[0]!.fields.some((f) => f.type === "enum" && !!f.multiple)],
  ["stock portfolio: ticker, number of shares, buy price", "field", "buy price", (p) => p.entities[0]!.fields.some((f) => f.name === "buyPrice" && f.type === "money")],
  ["stock portfolio: ticker, number of shares, buy price", "field", "ticker"],
  ["clients with their hourly rate", "field", "hourly rate", (p) => p.entities[0]!.fields.some((f) => f.type === "money")],
  ["assignments with a max score", "field", "max score", (p) => field(p, "Assignment", "maxScore")?.type === "number"],
  ["walks booked on days and times", "field", "times", (p) => field(p, "Walk", "time")?.type === "time"],
  ["tasks with a status and due date", "field", "status"],
  // ── Options ──
  ["deals with an amount and a stage (new, proposal, won, lost)", "content", "(new, proposal, won, lost)", (p) => field(p, "Deal", "stage")?.options?.join() === "New,Proposal,Won,Lost"],
  ["players with a position (GK, DEF, MID, FWD)", "content", "(GK, DEF, MID, FWD)", (p) => field(p, "Player", "position")?.options?.join() === "GK,DEF,MID,FWD"],
  ["guest list with dietary needs (vegetarian, vegan, gluten free, none)", "content", "(vegetarian, vegan, gluten free, none)", (p) => field(p, "Guest", "diet")?.options?.join() === "Vegetarian,Vegan,Gluten free,None"],
  ["bookings: pick a service (skin fade, beard trim, kids cut)", "content", "(skin fade, beard trim, kids cut)"],
  ["tickets with a priority (low, normal, urgent)", "content", "(low, normal, urgent)"],
  ["orders with a size (small, medium, large)", "content", "(small, medium, large)"],
  ["reading list: books I want to read, reading, and finished", "field", "I want to read, reading, and finished", (p) => field(p, "Book", "status")?.options?.join() === "Want to read,Reading,Finished"],
  ["set a budget for each category (rent, groceries, fun, transport)", "content", "(rent, groceries, fun, transport)", (p) => p.entities.some((e) => e.initialRecords?.length === 4)],
  ["I go running, cycling and to the gym. Let me log each workout with type, date and minutes", "content", "running, cycling and to the gym", (p) => field(p, "Workout", "type")?.options?.includes("Cycling") ?? false],
  ["Guests enter their name, yes/no/maybe", "field", "yes/no/maybe"],
  // ── Relations ──
  ["deals linked to a lead with an amount", "relation", "deals linked to a lead", (p) => p.entities.find((e) => e.name === "Deal")?.belongsTo.includes("Lead") ?? false],
  ["each product comes from a supplier", "relation", "product comes from a supplier", (p) => p.entities.find((e) => e.name === "Product")?.belongsTo.includes("Supplier") ?? false],
  ["Projects have tasks", "relation", "Projects have tasks", (p) => p.entities.find((e) => e.name === "Task")?.belongsTo.includes("Project") ?? false],
  ["each task is assigned to a team member", "relation", "task is assigned to a team member"],
  ["create invoices for a client", "relation", "invoices for a client", (p) => p.entities.find((e) => e.name === "Invoice")?.belongsTo.includes("Client") ?? false],
  ["keep track of my clients and their dogs", "relation", "clients and their dogs", (p) => p.entities.find((e) => e.name === "Dog")?.belongsTo.includes("Client") ?? false],
  ["write dated notes about each plant", "relation", "notes about each plant"],
  ["members borrow books", "relation", "members borrow books", (p) => p.entities.find((e) => e.name === "Loan")?.belongsTo.join() === "Member,Book"],
  ["library app to track books and who borrowed them", "relation", "borrowed", (p) => p.entities.some((e) => e.name === "Loan")],
  ["invoices with line items (description, quantity, unit price)", "relation", "line items", (p) => p.entities.find((e) => e.name === "LineItem")?.belongsTo.includes("Invoice") ?? false],
  ["I enter each student's mark per assignment", "relation", "mark per assignment"],
  // ── Computed values and views ──
  ["show an overdue list of loans with a due date", "view", "overdue list", (p) => hasSection(p, "records")],
  ["tasks with due dates; show overdue ones", "view", "overdue"],
  ["Each task has a due date. I want overdue tasks highlighted in red", "computed", "highlighted in red", (p) => p.entities.some((e) => e.computed?.some((c) => c.highlight?.tone === "danger")) && p.theme.accent !== "#dc2626"],
  ["Students and assignments, and I enter each student's mark per assignment. Show each student's average", "computed", "each student's average", (p) => p.pages.some((g) => g.sections?.some((s) => s.type === "groupTable" && s.entity === "Mark" && s.groupBy && "field" in s.groupBy && s.groupBy.field === "Student.name"))],
  ["Students, assignments with a max score, and I enter each student's mark per assignment. Show each student's average as a percentage", "computed", "each student's average as a percentage", (p) => JSON.stringify(p.pages).includes('"of":{"fn":"percent","args":[{"field":"score"},{"field":"Assignment.maxScore"}]},"format":"percent"') && p.requirements!.every((r) => r.status === "planned")],
  ["Students and assignments with max points; I enter each student's mark per assignment and show each student's average in percent", "computed", "each student's average in percent", (p) => JSON.stringify(p.pages).includes('{"field":"Assignment.maxScore"}')],
  ["Students and assignments, and I enter each student's mark per assignment. Show the class average for each assignment", "computed", "class average for each assignment", (p) => p.entities.find((e) => e.name === "Mark")?.belongsTo?.includes("Student") === true],
  ["I keep 6 hens and want to write down how many eggs each one lays every day", "interaction", "how many eggs each one lays every day", (p) => JSON.stringify(p.pages).includes('"type":"checkins","title":"Eggs today"') && JSON.stringify(p.pages).includes('"mode":"count"') && field(p, "EggCount", "count")?.label === "Eggs"],
  ["I'm a landlord with 4 flats. Track tenants, rent amount per flat, and each month mark whether rent came in.", "interaction", "each month mark whether rent came in", (p) => JSON.stringify(p.pages).includes('"type":"checkins","title":"Rent came in"') && JSON.stringify(p.pages).includes('"every":"month"') && !p.entities.some((e) => e.name === "Mark") && field(p, "Flat", "rent")?.type === "money" && p.requirements!.every((r) => r.status === "planned")],
  ["Flats with a tenant and monthly rent. Tick off every month if the rent was paid, flag who is behind, and show how much rent was collected this year.", "view", "flag who is behind", (p) => p.entities.find((e) => e.name === "Flat")?.computed?.some((c) => c.name === "daysLate" && c.highlight?.tone === "danger") === true && p.requirements!.every((r) => r.status === "planned")],
  ["Landlord app: properties with tenant and rent. Mark whether rent came in each month and show the total rent collected this year", "computed", "total rent collected this year", (p) => JSON.stringify(p.pages).includes('{"agg":"sum","entity":"RentCheckin","of":{"field":"Flat.rent"},"where":[{"field":"date","op":"inRange","period":{"range":"thisYear"}}]}')],
  ["I'm a landlord with 4 flats. Highlight anyone who's late", "entity", "I'm a landlord with 4 flats"],
  ["Track how many eggs my hens lay per day. Show eggs per hen this week.", "computed", "eggs per hen this week", (p) => p.pages.some((g) => g.sections?.some((s) => s.type === "groupTable" && s.entity === "EggCount" && JSON.stringify(s.where) === '[{"field":"date","op":"inRange","period":{"range":"thisWeek"}}]'))],
  ["I keep 6 hens and want to write down how many eggs each one lays every day. Show eggs per hen this week and who's the best layer.", "computed", "who's the best layer", (p) => p.pages.some((g) => g.sections?.some((s) => s.type === "groupTable" && s.limit === 1 && s.sort?.direction === "desc")) && p.requirements!.every((r) => r.status === "planned")],
  ["I keep ducks; log how many eggs each duck lays daily and which duck laid the most this week", "computed", "which duck laid the most this week", (p) => p.pages.some((g) => g.sections?.some((s) => s.type === "groupTable" && s.entity === "EggCount" && s.limit === 1))],
  ["Chickens: I want to count how many eggs each chicken lays each day, and see the total eggs per chicken for the last 7 days", "computed", "total eggs per chicken for the last 7 days", (p) => JSON.stringify(p.pages).includes('"range":"lastNDays","n":7')],
  ["small crm: leads and deals linked to a lead with an amount and a stage (new, won, lost). show total value of open deals", "computed", "total value of open", (p) => p.appName === "CRM"],
  ["dark mode journal app, one entry per day with mood emoji, searchable", "field", "mood emoji", (p) => !p.entities[0]!.fields.some((f) => f.name === "searchable")],
  ["team roster for my under-12 football team - players with shirt number and position", "name", "under-12 football team", (p) => p.appName === "Under-12 Football Team Roster" && !p.entities.some((e) => e.fields.some((f) => /football/i.test(f.label)))],
  ["Monthly budget planner. Set a budget for each category and log what I spend. Show how much is left in each category this month", "computed", "how much is left in each category this month", (p) => p.entities.find((e) => e.name === "Category")?.computed?.some((c) => c.name === "left") === true],
  ["budget per category (food, fun); log what I spend; show what's left and turn it red when I go over", "computed", "turn it red when I go over", (p) => p.entities.find((e) => e.name === "Category")?.computed?.find((c) => c.name === "left")?.highlight?.tone === "danger"],
  ["Set a budget for each category and log what I spend", "entity", "log what I spend", (p) => p.entities.find((e) => e.name === "Expense")?.belongsTo?.includes("Category") === true],
  ["times table quiz for my 7 year old", "look", "for my 7 year old", (p) => (p.theme.textScale ?? 1) >= 1.25],
  ["website for Sharp Lines Barbers where customers can request a booking: pick a service and a date", "entity", "request a booking"],
  ["loans with due dates; overdue ones highlighted", "computed", "highlighted", (p) => p.entities.some((e) => e.computed?.some((c) => c.name === "daysPastDue"))],
  ["bakery orders with a pickup date. sort by pickup date", "view", "sort by pickup date"],
  ["a guestbook where visitors leave their name and a message, newest first", "view", "newest first"],
  ["deals with an amount and a stage (new, proposal, won, lost). show total value of open deals", "computed", "total value", (p) => hasSection(p, "stats")],
  ["Log my workouts - exercise and weight. show my best lift for each exercise", "computed", "best lift for each exercise", (p) => hasSection(p, "groupTable")],
  ["Car maintenance log: date, cost. Total spent per year", "computed", "Total spent per year"],
  ["habit tracker where i tick off each habit every day and see my current streak", "computed", "current streak", (p) => p.entities.some((e) => e.computed?.some((c) => "agg" in c.expr && c.expr.agg === "streak"))],
  ["dark mode journal app, one entry per day", "interaction", "one entry per day"],
  ["journal with entries, searchable", "interaction", "searchable"],
  ["medications to tick each day and show which ones are still due", "view", "still due"],
  // ── Recurring care: due lists, "Watered" buttons, not-seen lists ──
  ["plant watering reminders - each plant has how often it needs water (every X days). show which plants need watering today and a button to say I watered it", "field", "how often it needs water (every X days)", (p) => field(p, "Plant", "everyDays")?.type === "number" && !field(p, "Plant", "everyDays")?.options],
  ["plant watering reminders - each plant has how often it needs water (every X days). show which plants need watering today and a button to say I watered it", "view", "which plants need watering today", (p) => p.entities[0]!.computed?.some((c) => c.name === "nextWatering") === true && field(p, "Plant", "lastWatered")?.type === "date"],
  ["plant watering reminders - each plant has how often it needs water (every X days). show which plants need watering today and a button to say I watered it", "interaction", "a button to say I watered it", (p) => JSON.stringify(p.entities[0]!.actions) === JSON.stringify([{ label: "Watered", set: { lastWatered: { today: true } }, requirementIds: p.entities[0]!.actions![0]!.requirementIds }])],
  ["plant watering reminders - each plant has how often it needs water (every X days). show which plants need watering today and a button to say I watered it", "name", "plant watering reminders", (p) => p.appName === "Plant Watering Reminders"],
  ["each plant has how often it needs water (every 5 days)", "field", "how often it needs water (every 5 days)", (p) => field(p, "Plant", "everyDays")?.type === "number"],
  ["water my plants every 5 days; show which plants need watering", "field", "water my plants every 5 days", (p) => field(p, "Plant", "everyDays")?.defaultValue === 5],
  ["water my plants every 5 days; show which plants need watering", "view", "which plants need watering"],
  ["my plants, I water each one every week. show which plants need watering today", "field", "water each one every week", (p) => field(p, "Plant", "everyDays")?.defaultValue === 7],
  ["list my plants with how often they need water in days, a button to say I watered it today", "interaction", "a button to say I watered it", (p) => !p.entities[0]!.fields.some((f) => /button/i.test(f.label))],
  ["so basically i run a little dog grooming thing out of my garage and i need something to keep track of my clients and their dogs and when each dog was last groomed and what i charged and maybe a way to see who i havent seen in over 2 months so i can text them", "name", "dog grooming thing out of my garage", (p) => p.appName === "Dog Grooming" && p.requirements!.every((r) => r.status === "planned")],
  ["so basically i run a little dog grooming thing out of my garage and i need something to keep track of my clients and their dogs and when each dog was last groomed and what i charged", "field", "when each dog was last groomed", (p) => field(p, "Dog", "lastGroomed")?.type === "date"],
  ["so basically i run a little dog grooming thing out of my garage and i need something to keep track of my clients and their dogs and when each dog was last groomed and what i charged", "field", "what i charged", (p) => field(p, "Dog", "amountCharged")?.type === "money"],
  ["my clients and their dogs and when each dog was last groomed and maybe a way to see who i havent seen in over 2 months so i can text them", "view", "who i havent seen in over 2 months", (p) => JSON.stringify(p.pages.flatMap((pg) => pg.sections ?? []).find((s) => s.type === "records" && s.where)).includes('"op":"olderThanDays","days":60')],
  ["my clients and their dogs and when each dog was last groomed and maybe a way to see who i havent seen in over 2 months so i can text them", "field", "so i can text them", (p) => field(p, "Client", "phone")?.type === "phone"],
  ["my clients and when each client was last seen; who I haven't seen in 6 weeks", "view", "haven't seen in 6 weeks", (p) => JSON.stringify(p.pages).includes('"days":42')],
  ["clients I haven't seen in 6 weeks", "view", "haven't seen in 6 weeks", (p) => field(p, "Client", "lastSeen")?.type === "date"],
  ["my dogs and when each dog was last groomed, show dogs not groomed for over a month", "view", "not groomed for over a month", (p) => JSON.stringify(p.pages).includes('"days":30')],
  // ── Birthdays: the next one, and the age turned ──
  ["keep track of friends and family birthdays and show the upcoming birthdays this month, with how old they're turning", "entity", "friends and family", (p) => p.entities.length === 1 && field(p, "Person", "birthday")?.type === "date"],
  ["keep track of friends and family birthdays and show the upcoming birthdays this month, with how old they're turning", "view", "upcoming birthdays this month", (p) => JSON.stringify(p.pages).includes('"where":[{"field":"nextBirthday","op":"inRange","period":{"range":"thisMonth"}}]')],
  ["keep track of friends and family birthdays and show the upcoming birthdays this month, with how old they're turning", "computed", "how old they're turning", (p) => p.entities[0]!.computed?.some((c) => c.name === "turning") === true],
  ["friends' birthdays; show upcoming birthdays this week and how old they will be", "view", "upcoming birthdays this week", (p) => JSON.stringify(p.pages).includes('"range":"thisWeek"')],
  ["friends' birthdays; show upcoming birthdays this week and how old they will be", "computed", "how old they will be"],
  ["keep my family members with their birthday, list birthdays coming up and the age they turn", "view", "birthdays coming up", (p) => JSON.stringify(p.pages).includes('"op":"withinNextDays","days":30')],
  ["keep my family members with their birthday, list birthdays coming up and the age they turn", "computed", "age they turn"],
  // ── Thresholds: one number of a record against another, grouped by the parent to contact ──
  ["Products have a name, quantity and a reorder level, and each product comes from a supplier (supplier has name, phone). Show me a list of products that are below their reorder level, grouped by supplier so I know who to call.", "view", "below their reorder level", (p) => JSON.stringify(p.pages).includes('"where":[{"field":"quantity","op":"lt","valueField":"reorderLevel"}]')],
  ["Products have a name, quantity and a reorder level, and each product comes from a supplier (supplier has name, phone). Show me a list of products that are below their reorder level, grouped by supplier so I know who to call.", "view", "grouped by supplier", (p) => JSON.stringify(p.pages).includes('"groupBy":{"field":"Supplier.name"}') && p.pages.flatMap((pg) => pg.sections ?? []).filter((s) => s.type === "records").length === 3],
  ["Products have a name, quantity and a reorder level, and each product comes from a supplier (supplier has name, phone). Show me a list of products that are below their reorder level, grouped by supplier so I know who to call.", "view", "so I know who to call", (p) => JSON.stringify(p.pages).includes('"Supplier.phone"]')],
  ["products with a name, stock and reorder level. which products are at or below their reorder level", "view", "at or below their reorder level", (p) => JSON.stringify(p.pages).includes('"op":"lte","valueField":"reorderLevel"')],
  ["parts inventory with part name, qty on hand and reorder point. show parts whose qty on hand is under the reorder point", "view", "qty on hand is under the reorder point", (p) => JSON.stringify(p.pages).includes('"field":"qtyOnHand","op":"lt","valueField":"reorderLevel"')],
  ["projects with a name, budget and amount spent; show projects where the amount spent is over the budget", "view", "amount spent is over the budget", (p) => JSON.stringify(p.pages).includes('"op":"gt","valueField":"budget"')],
  ["Clients have a name and phone. Jobs have a title and a price, and each job belongs to a client. List jobs grouped by client so i can call them.", "view", "so i can call them", (p) => JSON.stringify(p.pages).includes('"columns":["name","title","price","Client","Client.phone"]')],
  // ── A day's bookings: today's records in order of time, a walk booked for a dog ──
  ["dog walking schedule. dogs (name, owner, owner phone, address) and walks booked on days and times. show todays walks in order and let me mark a walk done and paid", "relation", "walks booked", (p) => p.entities.find((e) => e.name === "Walk")?.belongsTo.includes("Dog") === true],
  ["dog walking schedule. dogs (name, owner, owner phone, address) and walks booked on days and times. show todays walks in order and let me mark a walk done and paid", "view", "todays walks", (p) => JSON.stringify(p.pages).includes('"where":[{"field":"date","op":"isToday"}]')],
  ["dog walking schedule. dogs (name, owner, owner phone, address) and walks booked on days and times. show todays walks in order and let me mark a walk done and paid", "view", "in order", (p) => JSON.stringify(p.pages).includes('"sort":{"field":"time","direction":"asc"}')],
  ["dog walking schedule. dogs (name, owner, owner phone, address) and walks booked on days and times. show todays walks in order and let me mark a walk done and paid", "interaction", "mark a walk done and paid", (p) => p.requirements?.some((r) => r.text === "Mark a walk as done, and separately as paid") === true],
  ["dogs (name, owner) and walks with a date and time. show walks for today earliest first", "view", "walks for today", (p) => JSON.stringify(p.pages).includes('"op":"isToday"')],
  ["dogs (name, owner) and walks with a date and time. show walks for today earliest first", "view", "earliest first", (p) => JSON.stringify(p.pages).includes('"sort":{"field":"time","direction":"asc"}')],
  ["my dogs and their walks (date, time). list todays walks sorted by time", "view", "sorted by time", (p) => JSON.stringify(p.pages).includes('"title":"Today\'s walks"')],
  // ── Charts and periods ──
  ["dashboard showing my spending by category as a pie chart for this month", "chart", "pie chart", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "chart" && s.chartType === "pie"))],
  ["dashboard showing my spending by category as a pie chart for this month", "view", "this month", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "chart" && s.period?.range === "thisMonth"))],
  ["log each workout with type, date and minutes, and give me a bar chart of workouts per week for the last 8 weeks", "chart", "bar chart", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "chart" && s.chartType === "bar" && "bucket" in s.groupBy && s.groupBy.bucket === "week"))],
  ["log each workout with type, date and minutes, and give me a bar chart of workouts per week for the last 8 weeks", "view", "last 8 weeks", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "chart" && s.period?.range === "lastNWeeks" && s.period.n === 8))],
  ["I enter each sale with date, product and amount. Line chart of sales per month", "chart", "Line chart", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "chart" && s.chartType === "line"))],
  ["expenses with amount and category. a donut chart by category", "chart", "donut chart"],
  // ── Check-ins ──
  ["habit tracker where I tick off habits each day", "interaction", "tick off habits each day", (p) => hasSection(p, "checkins")],
  ["medications I tick every day", "interaction", "tick every day"],
  // A tick that holds for today is a daily check-in; several times of day are a tick each.
  ["Let me tick each dose when she's taken it today. Medications with times of day (morning, noon, evening)", "interaction", "tick each dose when she's taken it today", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "checkins" && s.slotsField === "timesOfDay"))],
  ["my dad's pills with a dose and times of day (morning, evening). tick them off when he's had them today", "interaction", "tick them off when he's had them today", (p) => field(p, "MedicationCheckin", "slot")?.options?.length === 2],
  ["pills I check off when I've taken them today", "interaction", "check off when I've taken them today", (p) => hasSection(p, "checkins")],
  // Whose records they are is part of the ask, never words left over.
  ["keep track of my mum's medications", "entity", "mum's medications", (p) => !p.requirements?.some((r) => r.status === "unsupported")],
  ["track my son's homework with a due date", "entity", "son's homework", (p) => !p.requirements?.some((r) => r.status === "unsupported")],
  // Points earned by doing things and spent on rewards: a computed balance, a rule on spending.
  ["chore chart for my 3 kids with points. they earn points for each chore done and can swap points for rewards", "computed", "earn points for each chore done", (p) => field(p, "Chore", "points")?.type === "number" && !field(p, "Kid", "points") && !!p.entities.find((e) => e.name === "Kid")?.computed?.some((c) => c.name === "points")],
  ["chore chart for my 3 kids with points. they earn points for each chore done and can swap points for rewards", "interaction", "swap points for rewards", (p) => field(p, "Reward", "cost")?.type === "number" && p.entities.find((e) => e.name === "RewardSwap")?.addOnlyWhen?.conditions[0]?.valueField === "Reward.cost"],
  ["reward chart for my two boys. they earn points for each task and can trade points in for prizes", "interaction", "trade points in for prizes", (p) => !!p.entities.find((e) => e.name === "RewardSwap")?.belongsTo.includes("Kid")],
  ["the kids get stars for each chore and spend their stars on treats", "interaction", "spend their stars on treats", (p) => !!p.entities.find((e) => e.name === "Kid")?.computed?.some((c) => c.name === "stars")],
  // No one to earn them: the points are not given to the rewards.
  ["earn points for each task", "entity", "task", (p) => !p.entities.some((e) => e.computed?.length)],
  // Points per purchase are no worth of a thing done: left unread, not planned as chores.
  ["customers earn points for each purchase and can swap points for rewards", "entity", "customers", (p) => !p.entities.some((e) => e.computed?.length) && p.requirements!.some((r) => r.status === "unsupported" && r.quote.includes("earn points"))],
  // A setlist: records picked from a library into an order of their own, with the picked ones' total length.
  ["setlist builder for my band. song library with title, key, length in minutes. drag songs into a setlist and show the total set length", "interaction", "drag songs into a setlist", (p) => sequence(p)?.itemOf === "Song" && !p.requirements!.some((r) => r.status === "unsupported")],
  ["setlist builder for my band. song library with title, key, length in minutes. drag songs into a setlist and show the total set length", "computed", "total set length", (p) => sequence(p)?.total?.of && "field" in sequence(p)!.total!.of ? (sequence(p)!.total!.of as { field: string }).field === "Song.minutes" && !hasSection(p, "stats") : false],
  ["gig planner. keep my songs with title and key, put songs into a set list in order and show the total length of the set", "computed", "total length of the set", (p) => field(p, "Song", "minutes")?.unit === "min" && sequence(p)?.title === "Set list" && !p.requirements!.some((r) => r.status === "unsupported")],
  ["songs with artist and duration in minutes. add songs to the playlist and show how long the playlist is", "interaction", "add songs to the playlist", (p) => sequence(p)?.title === "Playlist" && !!sequence(p)?.total],
  // The picked items are named by the song they pick: no name field of their own to fill in.
  // A week of meals: the slots named for each day (no daily ticks, no list of slots), and the shopping list of the planned meals' ingredients (no list of items of its own).
  ["weekly meal planner with breakfast lunch and dinner for each day and a shopping list generated from the meals", "view", "breakfast lunch and dinner for each day", (p) => JSON.stringify(weekPlan(p)?.slots) === '["Breakfast","Lunch","Dinner"]' && weekPlan(p)?.shopping?.field === "ingredients" && !hasSection(p, "checkins") && !p.entities.some((e) => e.name === "Item") && !p.requirements!.some((r) => r.status === "unsupported")],
  ["weekly meal planner with breakfast lunch and dinner for each day and a shopping list generated from the meals", "computed", "a shopping list generated from the meals"],
  ["plan our dinners for the week: lunch and dinner every day, then make a grocery list from the recipes", "computed", "grocery list from the recipes", (p) => JSON.stringify(weekPlan(p)?.slots) === '["Lunch","Dinner"]' && field(p, "Meal", "ingredients")?.type === "text"],
  ["meal plan with breakfast, lunch, dinner and snacks for the week", "view", "breakfast, lunch, dinner and snacks for the week", (p) => JSON.stringify(weekPlan(p)?.slots) === '["Breakfast","Lunch","Dinner","Snack"]' && !weekPlan(p)?.shopping && !field(p, "Meal", "ingredients")],
  // Meals of the day without a week or a day said are no week plan.
  ["a recipe box with breakfast and lunch recipes", "entity", "recipe", (p) => !weekPlan(p)],
  ["my songs with title and key. make a setlist", "view", "setlist", (p) => !!p.entities.find((e) => e.name === "SetlistItem" && !e.fields.some((f) => f.required))],
  // Totals from lines and what is owed: computed, never typed in.
  ["Clients, and invoices for a client with line items (description, quantity, unit price). Calculate the invoice total", "computed", "Calculate the invoice total", (p) => JSON.stringify(p.entities.find((e) => e.name === "Invoice")?.computed?.[0]?.expr) === '{"agg":"sum","entity":"LineItem","of":{"op":"mul","args":[{"field":"quantity"},{"field":"unitPrice"}]}}'],
  ["Clients, invoices for each client with line items (description, quantity, unit price). Show each invoice's total and how much each client owes on unpaid invoices. I can mark an invoice paid", "computed", "how much each client owes on unpaid invoices", (p) => JSON.stringify(p.entities.find((e) => e.name === "Client")?.computed?.[0]?.expr) === '{"agg":"sum","entity":"Invoice","of":{"field":"total"},"where":[{"field":"paid","op":"isFalse"}]}' && !p.requirements!.some((r) => r.status === "unsupported")],
  ["Clients, invoices for each client with line items (description, quantity, unit price). Show each invoice's total and how much each client owes on unpaid invoices", "computed", "each invoice's total", (p) => field(p, "Invoice", "paid")?.type === "boolean"],
  // "Mark" opening an instruction is the verb, not a record of marks; "an invoicing tool" is named for its invoices.
  ["Make me an invoicing tool. I add clients and invoices for a client. Mark invoices as paid.", "interaction", "Mark invoices as paid", (p) => !p.entities.some((e) => e.name === "Mark") && p.appName === "Invoices"],
  // Hours this week per client and what they earn at the client's rate: computed from time entries.
  ["Clients with a name and hourly rate. Show a weekly summary of hours and pay per client", "computed", "pay", (p) => JSON.stringify(p.entities.find((e) => e.name === "Client")?.computed?.map((c) => c.name)) === '["hoursThisWeek","earningsThisWeek"]' && p.entities.some((e) => e.name === "TimeEntry" && e.belongsTo.includes("Client"))],
  ["track hours I work for my clients, each client has an hourly rate. show hours worked this week and what I earned", "computed", "hours worked this week", (p) => field(p, "Client", "hourlyRate")?.type === "money"],
  ["Freelance time tracker with a start/stop timer per client and a weekly report of hours and earnings at each client's hourly rate", "field", "hourly rate"],
  // A start/stop timer on each record logs time entries: the record named after "per"/"each" (else the one with the rate) gets it, and no field stands in for it.
  ["Freelance time tracker with a start/stop timer per client and a weekly report of hours and earnings at each client's hourly rate", "interaction", "start/stop timer", (p) => timedBy(p) === "Client" && !p.requirements?.some((r) => r.status !== "planned")],
  ["Track my clients with an hourly rate, a timer per client and hours this week", "interaction", "timer", (p) => timedBy(p) === "Client" && fieldNames(p, "Client") === "name,hourlyRate"],
  ["Projects with a start/stop timer for each project and a weekly summary of hours", "interaction", "start/stop timer", (p) => timedBy(p) === "Project" && fieldNames(p, "Project") === "name" && hasComputed(p, "Project", "hoursThisWeek")],
  ["track time on each project with a timer", "interaction", "timer", (p) => timedBy(p) === "Project" && !p.requirements?.some((r) => r.status !== "planned")],
  ["clock in/clock out per job and show hours worked this week", "interaction", "clock in/clock out", (p) => !!timedBy(p) && !p.requirements?.some((r) => r.status !== "planned")],
  ["start and stop a timer on each task", "interaction", "start and stop a timer", (p) => timedBy(p) === "Task" && !p.requirements?.some((r) => r.status !== "planned")],
  ["time tracker for my jobs with a timer per job and total hours per week", "interaction", "timer", (p) => !!timedBy(p) && !p.requirements?.some((r) => r.status !== "planned")],
  // A plain timer with nothing about time worked is no time tracking (a recipe's timer counts down).
  ["Recipe book with a timer for each recipe", "entity", "recipe", (p) => !timedBy(p) && !p.entities.some((e) => e.name === "TimeEntry")],
  ["log the hours I spend on each project: punch in and out", "interaction", "punch in and out", (p) => timedBy(p) === "Project" && !p.requirements?.some((r) => r.status !== "planned")],
  ["track my habits daily", "interaction", "daily"],
  // "tick off" before "daily" is the ticking itself, not words left over.
  ["a habit tracker where I tick off daily habits", "interaction", "tick off daily", (p) => hasSection(p, "checkins") && !p.requirements?.some((r) => r.status === "unsupported")],
  // ── Content ──
  ["quiz on capitals of europe with a score at the end", "content", "capitals of europe", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "quiz" && s.source.kind === "dataset" && s.source.dataset === "europe-capitals"))],
  ["quiz on capitals of europe with a score at the end", "computed", "score at the end"],
  ["a world capitals quiz", "content", "capitals"],
  ["times table quiz, pick which table (2 to 12), 10 questions, show stars for right answers", "content", "2 to 12", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "quiz" && s.source.kind === "times-table" && s.source.tables.length === 11))],
  ["times table quiz, pick which table (2 to 12), 10 questions, show stars for right answers", "content", "10 questions"],
  ["times table quiz, pick which table (2 to 12), 10 questions, show stars for right answers", "computed", "stars"],
  ["Flashcards for learning Spanish vocabulary. I type the Spanish word and the English meaning", "field", "Spanish word", (p) => hasSection(p, "flashcards")],
  ["Flashcards for learning Spanish vocabulary. I type the Spanish word and the English meaning", "field", "English meaning"],
  ["flashcards where cards I get wrong come back more often", "computed", "come back more often", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "flashcards" && s.spaced === true))],
  ["flash cards for my exams", "entity", "flash cards"],
  // ── Tools ──
  ["unit converter for km to miles, kg to lb and celsius to fahrenheit, both directions", "computed", "km to miles", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "tool" && JSON.stringify(s.config.pairs) === JSON.stringify(["km-mi", "kg-lb", "c-f"])))],
  ["unit converter for km to miles, kg to lb and celsius to fahrenheit, both directions", "interaction", "both directions"],
  ["convert kg to lb", "computed", "kg to lb"],
  ["tip calculator that splits the bill between people", "computed", "tip calculator"],
  ["tip calculator that splits the bill between people", "computed", "splits the bill"],
  ["BMI calculator (metric and imperial)", "interaction", "metric and imperial"],
  ["Mortgage calculator: loan amount, interest rate, term in years. Show monthly payment, total interest paid and an amortization table by year.", "computed", "monthly payment"],
  ["Mortgage calculator: loan amount, interest rate, term in years. Show monthly payment, total interest paid and an amortization table by year.", "computed", "total interest paid"],
  ["Mortgage calculator: loan amount, interest rate, term in years. Show monthly payment, total interest paid and an amortization table by year.", "view", "amortization table"],
  ["word counter with character count and reading time", "computed", "character count"],
  ["word counter with character count and reading time", "computed", "reading time"],
  ["password generator - choose length, include numbers/symbols, copy button", "field", "choose length"],
  ["password generator - choose length, include numbers/symbols, copy button", "interaction", "copy button"],
  ["recipe scaler: I enter ingredients with amounts for 4 servings", "field", "for 4 servings", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "tool" && s.config.baseServings === 4))],
  ["currency converter for EUR USD GBP", "content", "EUR USD GBP"],
  // ── Timers and countdowns ──
  ["pomodoro timer 25 min work 5 min break, long break after 4 rounds", "content", "25 min work 5 min break", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "timer" && s.workMinutes === 25 && s.breakMinutes === 5))],
  ["pomodoro timer 25 min work 5 min break, long break after 4 rounds", "computed", "long break after 4 rounds"],
  ["pomodoro timer, play a sound when time is up", "interaction", "play a sound"],
  ["pomodoro timer, count how many pomodoros i did today", "computed", "count how many pomodoros i did today"],
  ["pomodoro timer with 25/5 cycles", "content", "25/5", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "timer" && s.workMinutes === 25 && s.breakMinutes === 5))],
  ["countdown to my wedding day 12 September", "content", "12 September", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "timer" && s.target === "09-12"))],
  ["countdown to my wedding day 12 September", "content", "wedding day"],
  ["countdown to christmas 25 December", "content", "25 December"],
  ["a stopwatch", "interaction", "stopwatch"],
  // ── Boards and feeds ──
  ["kanban board with columns Backlog, Doing, Review, Done. drag cards between columns", "content", "Backlog, Doing, Review, Done", (p) => field(p, "Card", "status")?.options?.join() === "Backlog,Doing,Review,Done"],
  ["kanban board with columns Backlog, Doing, Review, Done. drag cards between columns", "interaction", "drag cards"],
  ["kanban board with To Do, In Progress, Done", "content", "To Do, In Progress, Done", (p) => field(p, "Card", "status")?.options?.join() === "To Do,In Progress,Done"],
  // The board's own words restate it: checked by the board's checks, not a separate list or words not understood.
  ["A kanban board with columns and cards", "content", "columns", (p) => field(p, "Card", "status")?.options?.join() === "To do,Doing,Done" && p.acceptanceChecks.some((c) => c.id.endsWith("-columns") && (c.requirementIds ?? []).length > 0) && !(p.requirements ?? []).some((r) => r.status === "unsupported")],
  ["A kanban board with columns and cards", "entity", "cards", (p) => (p.requirements ?? []).every((r) => r.status !== "planned" || p.acceptanceChecks.some((c) => (c.requirementIds ?? []).includes(r.id)))],
  ["a guestbook where visitors leave their name and a message", "entity", "guestbook", (p) => hasSection(p, "feed")],
  ["a message wall for the office", "entity", "message wall"],
  // ── Sites ──
  ["Landing page for my café, The Little Fox Café in Bristol", "name", "The Little Fox Café", (p) => p.appName === "The Little Fox Café"],
  ["Landing page for my café, The Little Fox Café in Bristol", "content", "Bristol"],
  ["landing page for Rosie's Bakery with our menu and opening hours", "section", "opening hours", (p) => hasSection(p, "hours")],
  ["landing page for Rosie's Bakery with our menu and opening hours", "section", "menu", (p) => hasSection(p, "menu")],
  ["Needs our menu with prices (coffees, cakes, sandwiches) on a website", "content", "(coffees, cakes, sandwiches)", (p) => p.pages.some((pg) => pg.sections?.some((s) => s.type === "menu" && s.groups.length === 3))],
  ["website for my bakery with a contact form", "section", "contact form", (p) => hasSection(p, "form")],
  ["one page portfolio site for a wedding photographer named Ana Ruiz, with a gallery, about me, pricing packages and a contact form", "section", "gallery"],
  ["one page portfolio site for a wedding photographer named Ana Ruiz, with a gallery, about me, pricing packages and a contact form", "section", "about me"],
  ["one page portfolio site for a wedding photographer named Ana Ruiz, with a gallery, about me, pricing packages and a contact form", "section", "pricing packages", (p) => hasSection(p, "pricing")],
  ["one page portfolio site for a wedding photographer named Ana Ruiz, with a gallery, about me, pricing packages and a contact form", "name", "Ana Ruiz"],
  ["a website for my plumbing business with an FAQ and testimonials", "section", "FAQ"],
  ["a website for my plumbing business with an FAQ and testimonials", "section", "testimonials"],
  ["website for Sharp Lines Barbers where customers can request a booking. I need a page to see all the booking requests", "page", "page to see all the booking", (p) => p.pages.length >= 2],
  // ── Names ──
  ["Build a plant journal called Sprout", "name", "Sprout", (p) => p.appName === "Sprout"],
  ["Sales tracker for my Etsy candle shop called Wick & Wax", "name", "Wick & Wax", (p) => p.appName === "Wick & Wax"],
  ["website for Sharp Lines Barbers", "name", "Sharp Lines Barbers"],
  ["habit tracker", "name", "habit tracker", (p) => p.appName === "Habit Tracker"],
  ["Car maintenance log: date, mileage", "name", "Car maintenance log", (p) => p.appName === "Car Maintenance Log"],
  // ── Records picked for each record of another kind ──
  ["players with shirt number, and pick a starting 11 for each match", "relation", "pick a starting 11", (p) => field(p, "Match", "starting11")?.ref === "Player" && field(p, "Match", "starting11")?.maxChoices === 11],
  ["players with shirt number, and pick a starting 11 for each match", "entity", "each match", (p) => !p.entities.find((e) => e.name === "Player")!.fields.some((f) => /starting/i.test(f.label))],
  ["netball squad: players with name and position, choose the team for each game", "relation", "choose the team", (p) => field(p, "Match", "team")?.ref === "Player" && field(p, "Match", "team")?.maxChoices === undefined],
  ["5-a-side team: players, and pick the starting 5 for every fixture", "relation", "pick the starting 5", (p) => field(p, "Match", "starting5")?.maxChoices === 5],
  ["my choir members and pick a lineup for each gig", "relation", "pick a lineup", (p) => p.entities.some((e) => e.name === "Gig" && e.fields.some((f) => f.ref === "Member" && f.multiple))],
  // ── Looks ──
  ["dark mode journal app", "look", "dark mode", (p) => p.theme.colorScheme === "dark"],
  ["Warm cosy colours for my recipe box", "look", "cosy colours", (p) => p.theme.palette === "warm"],
  ["guest list. Use sage green and cream.", "look", "sage green and cream", (p) => p.theme.palette === "sage"],
  ["times table quiz. bright colours", "look", "bright colours", (p) => p.theme.palette === "bright"],
  ["medication list. Big text please", "look", "Big text", (p) => (p.theme.textScale ?? 1) >= 1.5],
  ["recipe box with a serif font", "look", "serif font", (p) => p.theme.font === "serif"],
  ["plant journal. Green theme.", "look", "Green theme", (p) => p.theme.accent === "#15803d"],
  ["todo list, use blue", "look", "use blue", (p) => p.theme.accent === "#2563eb"],
  ["todo list with larger text", "look", "larger text"],
  ["todo list in dark mode", "look", "dark mode"],
  // ── Fields after an ask read elsewhere, or before a purpose ──
  ["grocery list that syncs between our phones, with aisles", "field", "aisles", (p) => field(p, "Item", "aisle")?.label === "Aisle"],
  ["grocery list with aisles so we can shop faster", "field", "aisles", (p) => field(p, "Item", "aisle")?.label === "Aisle"],
  ["grocery list with aisles so we can shop faster", "view", "shop faster", (p) => p.pages.some((page) => page.sections?.some((s) => s.type === "records" && s.groupBy && "field" in s.groupBy && s.groupBy.field === "aisle" && s.create !== false))],
  ["shopping list with a section for each item so I get round the supermarket faster", "view", "get round the supermarket faster"],
];

const unsupportedRows: [prompt: string, quote: string][] = [
  ["track my stock portfolio with live stock prices", "live stock prices"],
  ["water tracker, and email me a reminder at 3pm if I'm behind", "email me a reminder"],
  ["currency converter with live exchange rates", "live exchange rates"],
  ["customers pay by card at checkout", "pay by card"],
  ["Recipe book where it generates an AI picture of each dish", "AI picture"],
  ["a diary where I can attach a pdf to each entry", "attach a pdf"],
  ["upload documents for each client", "upload documents"],
  ["a team app where each user has a login", "login"],
  ["send me push notifications when a task is due", "push notifications"],
  ["text me when stock is low", "text me"],
  ["Students and assignments, and I enter each student's mark per assignment. Show each student's average as a percentage", "as a percentage"],
  ["blorptastic zwingle", "blorptastic zwingle"],
];

// Rows the compiler does not get right yet (reported, not hidden): each is expected to fail, so
// fixing one turns its test red until it moves back into the passing rows.
const knownGaps = new Set<string>([]);
const keyOf = (row: Row) => `${row[0]}|${row[1]}|${row[2]}`;

describe("requirement extraction", () => {
  it.fails.each(rows.filter((row) => knownGaps.has(keyOf(row))))("known gap: %s → %s «%s»", (prompt, kind, quote, check) => {
    const plan = compile(prompt);
    const found = plan.requirements?.find((r) => r.kind === kind && r.status === "planned" && (r.quote.includes(quote) || quote.includes(r.quote)));
    expect(found).toBeDefined();
    if (check) expect(check(plan)).toBe(true);
  });

  it.each(rows.filter((row) => !knownGaps.has(keyOf(row))))("%s → %s «%s»", (prompt, kind, quote, check) => {
    const plan = compile(prompt);
    const found = plan.requirements?.find((r) => r.kind === kind && r.status === "planned" && (r.quote.includes(quote) || quote.includes(r.quote)));
    expect(found, JSON.stringify(plan.requirements?.map((r) => [r.kind, r.quote]))).toBeDefined();
    for (const r of plan.requirements ?? []) expect(prompt).toContain(r.quote);
    if (check) expect(check(plan)).toBe(true);
  });

  it.each(unsupportedRows)("%s → unsupported «%s», with a reason", (prompt, quote) => {
    const plan = compile(prompt);
    const found = plan.requirements?.find((r) => r.status === "unsupported" && r.quote.includes(quote));
    expect(found, JSON.stringify(plan.requirements?.map((r) => [r.status, r.quote]))).toBeDefined();
    expect(found?.reason).toMatch(/\w/);
  });

  it("fixes typos against the catalogs but quotes what was typed", () => {
    const plan = compile("a app to trak my expences by categry");
    expect(plan.entities.map((e) => e.name)).toContain("Expense");
    expect(plan.requirements?.some((r) => r.quote === "expences")).toBe(true);
  });
});
