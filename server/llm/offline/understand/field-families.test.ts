// Phrasing families of records and their fields, table-driven: a field list after a record named
// with a clause ("books we read (title, author, month)") or a compound and a colon ("fuel fill
// ups: date, litres"), fields named by a unit, money said with a participle, yes/no answers,
// ratings people give records, a measure per period as a chart, totals over ticked records, and
// the compounds that say what an app is for ("yard sale", "book club"). Each row must plan every
// requirement (nothing "not understood") and give the plan the named shape.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { compileAppPlan } from "../compile-app-plan";

const compile = (prompt: string): TPlan => {
  const result = compileAppPlan(prompt);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};
const entity = (plan: TPlan, name: string) => plan.entities.find((e) => e.name === name);
const field = (plan: TPlan, entityName: string, name: string) => entity(plan, entityName)?.fields.find((f) => f.name === name);
const sections = (plan: TPlan) => plan.pages.flatMap((p) => p.sections ?? []);
const json = (value: unknown) => JSON.stringify(value);

type Row = [prompt: string, check: (plan: TPlan) => boolean];

const families: Record<string, Row[]> = {
  "a field list after a record and a clause that adds nothing": [
    ["Book club app: books we read (title, author, month)", (p) => json(entity(p, "Book")?.fields.map((f) => f.name)) === '["title","author","month"]'],
    ["restaurants we've tried - name, cuisine, rating", (p) => !!field(p, "Restaurant", "cuisine")],
    ["keep a list of the films I've watched (title, year, rating)", (p) => !!field(p, "Film", "year") && !!field(p, "Film", "title")],
    ["plants I own with name and species", (p) => p.entities.length === 1 && p.entities[0]!.name === "Plant" && !!field(p, "Plant", "species")],
    ["wines we tasted (name, grape, price)", (p) => field(p, "Wine", "price")?.type === "money"],
    ["hikes we did: date, distance, notes", (p) => field(p, "Hike", "distance")?.unit === "km"],
  ],
  "a record named by a compound before a colon": [
    ["track fuel fill ups: date, litres, price paid, odometer", (p) => p.entities.length === 1 && p.entities[0]!.pluralLabel === "Fuel fill ups"],
    ["track my fill ups: date, gallons, cost", (p) => p.entities.length === 1 && !!p.entities[0]!.fields.find((f) => f.name === "gallons")],
    ["log fill-ups with date, liters and cost", (p) => p.entities[0]?.name === "FillUp"],
    ["bike rides: date, distance, cost", (p) => p.entities.length === 1 && p.entities[0]!.fields.some((f) => f.type === "money")],
    ["electricity meter readings: date, kwh, cost", (p) => p.entities.length === 1 && p.entities[0]!.fields.some((f) => f.unit === "kWh")],
  ],
  "fields named by a unit": [
    ["fuel log with date, litres and cost", (p) => p.entities[0]!.fields.some((f) => f.label === "Litres" && f.unit === "L" && f.type === "number")],
    ["fuel log with date, liters and cost", (p) => p.entities[0]!.fields.some((f) => f.label === "Liters" && f.unit === "L")],
    ["fuel log with date, gallons and cost", (p) => p.entities[0]!.fields.some((f) => f.label === "Gallons" && f.unit === "gal")],
    ["runs with date and miles", (p) => p.entities[0]!.fields.some((f) => f.label === "Miles" && f.unit === "mi")],
    ["runs with date and km", (p) => p.entities[0]!.fields.some((f) => f.unit === "km" && f.type === "number")],
    ["weigh-ins with date and kg", (p) => p.entities[0]!.fields.some((f) => f.name === "weight" && f.unit === "kg")],
  ],
  "money said with a participle": [
    ["fuel log with date and price paid", (p) => p.entities[0]!.fields.some((f) => f.type === "money") && !p.entities[0]!.fields.some((f) => f.type === "boolean")],
    ["purchases with item and amount paid", (p) => p.entities[0]!.fields.some((f) => f.name === "amount" && f.type === "money")],
    ["trips with destination and amount spent", (p) => p.entities[0]!.fields.some((f) => f.type === "money")],
    ["gigs with date, venue and money made", (p) => p.entities[0]!.fields.some((f) => f.type === "money" && f.label === "Money made")],
    ["repairs with date and cost", (p) => p.entities[0]!.fields.some((f) => f.type === "money")],
  ],
  "odometer and readings": [
    ["fuel log with date and odometer", (p) => p.entities[0]!.fields.some((f) => f.name === "mileage" && f.type === "number")],
    ["fuel log with date and odometer reading", (p) => p.entities[0]!.fields.some((f) => f.name === "mileage")],
    ["fuel fill ups: date, mileage, litres", (p) => p.entities[0]!.fields.some((f) => f.name === "mileage")],
    ["gas meter readings: date, meter reading, cost", (p) => p.entities[0]!.fields.some((f) => f.name === "mileage" && f.type === "number")],
    ["car log: date, odo, litres", (p) => p.entities[0]!.fields.some((f) => f.name === "mileage")],
  ],
  "yes/no answers": [
    ["items with price and sold yes/no", (p) => field(p, "Item", "sold")?.type === "boolean"],
    ["orders with customer, amount and paid y/n", (p) => field(p, "Order", "paid")?.type === "boolean"],
    ["loans with date and returned (yes/no)", (p) => field(p, "Loan", "returned")?.type === "boolean"],
    ["items: name, price, sold (yes or no)", (p) => field(p, "Item", "sold")?.type === "boolean"],
    ["tickets with title and urgent yes/no", (p) => p.entities[0]!.fields.some((f) => f.label === "Urgent" && f.type === "boolean")],
    ["cakes with price and sold or not", (p) => field(p, "Cake", "sold")?.type === "boolean"],
  ],
  "compounds that say what the app is for": [
    ["yard sale inventory, items with price and sold yes/no", (p) => p.appName === "Yard Sale Inventory" && !entity(p, "Sale") && !entity(p, "Product") && !field(p, "Item", "done")],
    ["bake sale: cakes with price and sold yes/no", (p) => p.appName === "Bake Sale" && !entity(p, "Sale")],
    ["car boot sale tracker - things with price, sold y/n", (p) => p.appName === "Car Boot Sale Tracker" && !!entity(p, "Thing")],
    ["garage sale: items with price", (p) => !entity(p, "Sale") && !!entity(p, "Item")],
    ["wine club: wines we tasted (name, grape, price)", (p) => p.appName === "Wine Club" && p.entities.length === 1],
    ["film night: films we watched with title and year", (p) => p.appName === "Film Night"],
  ],
  "ratings people give records": [
    ["books with title, and members can leave a rating 1-5 for each book", (p) => json(entity(p, "Rating")?.belongsTo) === '["Book","Member"]' && field(p, "Rating", "rating")?.max === 5],
    ["wines (name, grape, price) and members give each wine a score out of 10", (p) => field(p, "Rating", "score")?.max === 10 && !entity(p, "Mark")],
    ["films we watched with title; friends rate each film out of 10", (p) => json(entity(p, "Rating")?.belongsTo) === '["Film","Person"]'],
    ["recipes: name, ingredients. everyone can rate each recipe 1-5", (p) => field(p, "Rating", "ratedBy")?.required === true && json(entity(p, "Rating")?.belongsTo) === '["Recipe"]'],
    ["my recipes with name and ingredients, I rate each recipe 1-5 stars", (p) => field(p, "Recipe", "rating")?.type === "rating" && !entity(p, "Rating")],
    ["dishes with name; guests can give a rating to each dish", (p) => json(entity(p, "Rating")?.belongsTo) === '["Meal","Guest"]'],
  ],
  "an average of ratings per record": [
    ["Book club app: books we read (title, author, month), and members can leave a rating 1-5 for each book. Show the average rating per book.", (p) => json(sections(p).find((s) => s.type === "groupTable")).includes('"entity":"Rating","groupBy":{"field":"Book.title"}') && json(sections(p)).includes('"agg":"avg","of":{"field":"rating"}')],
    ["wine club: wines we tasted (name, grape, price) and members give each wine a score out of 10. show average score per wine", (p) => json(sections(p)).includes('"groupBy":{"field":"Wine.name"}')],
    ["film night: films we watched with title and year; friends rate each film out of 10, show the average rating for each film", (p) => json(sections(p)).includes('"groupBy":{"field":"Film.title"}') && !field(p, "Person", "rating")],
    ["restaurants with name; members rate each restaurant 1-5. average rating per restaurant", (p) => json(sections(p)).includes('"groupBy":{"field":"Restaurant.name"}')],
    ["games (title) and players give each game a rating from 1 to 10; show the average rating of each game", (p) => json(sections(p)).includes('"agg":"avg"')],
  ],
  "a measure per period as a chart": [
    ["track fuel fill ups: date, litres, price paid, odometer. show total spent per month as a bar chart", (p) => json(sections(p).find((s) => s.type === "chart")).includes('"groupBy":{"dateField":"date","bucket":"month"},"measure":{"agg":"sum","of":{"field":"price"},"format":"money"}') && !sections(p).some((s) => s.type === "stats")],
    ["log fill-ups with date, liters and cost. line chart of total liters per month", (p) => json(sections(p)).includes('"measure":{"agg":"sum","of":{"field":"litres"},"format":"number"}')],
    ["expenses with date and amount, total spent per week as a bar chart", (p) => json(sections(p)).includes('"bucket":"week"') && json(sections(p)).includes('"agg":"sum"')],
    ["runs with date and km. bar chart of average km per week", (p) => json(sections(p)).includes('"measure":{"agg":"avg","of":{"field":"distance"}')],
    ["sales with date and amount; show total sales per month as a line chart", (p) => json(sections(p)).includes('"chartType":"line"') && json(sections(p)).includes('"bucket":"month"')],
  ],
  "totals over ticked records": [
    ["yard sale inventory, items with price and sold yes/no, total money made from sold items", (p) => json(sections(p)).includes('"where":[{"field":"sold","op":"isTrue"}]')],
    ["items with price and sold yes/no. sum of the price of items marked sold", (p) => json(sections(p)).includes('"where":[{"field":"sold","op":"isTrue"}]')],
    ["orders with customer, amount and paid or not. show the total of unpaid orders", (p) => json(sections(p)).includes('"where":[{"field":"paid","op":"isFalse"}]')],
    ["bake sale: cakes with price and sold yes/no, and the total of sold cakes", (p) => json(sections(p)).includes('"op":"isTrue"')],
    ["orders with customer, amount and paid y/n. total of paid orders", (p) => json(sections(p)).includes('"where":[{"field":"paid","op":"isTrue"}]')],
    ["car boot sale tracker - things with price, sold y/n. total made from sold things", (p) => json(sections(p)).includes('"where":[{"field":"sold","op":"isTrue"}]')],
  ],
};

describe("field phrasing families", () => {
  for (const [family, rows] of Object.entries(families)) {
    describe(family, () => {
      it.each(rows)("%s", (prompt, check) => {
        const plan = compile(prompt);
        const unread = plan.requirements!.filter((r) => r.status !== "planned").map((r) => r.quote);
        expect(unread).toEqual([]);
        expect(check(plan)).toBe(true);
      });
    });
  }
});
