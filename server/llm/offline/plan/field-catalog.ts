// Well-known field phrases → typed fields. Anything not listed still becomes a text field, so
// the catalog only has to cover phrases where a better type or a fixed option list matters.
import type { TPlanField } from "~/server/plan/plan-schema";
import { camelOf, labelOf, singularize, wordsOf } from "./naming";

type FieldTemplate = Omit<TPlanField, "required"> & { required?: boolean };

const f = (
  name: string,
  label: string,
  type: TPlanField["type"],
  options?: string[],
): FieldTemplate => (options ? { name, label, type, options } : { name, label, type });

export const priorityOptions = ["Low", "Medium", "High"];
export const statusOptions = ["To do", "In progress", "Done"];

const catalog: Array<[string[], FieldTemplate]> = [
  [["title", "headline"], f("title", "Title", "string")],
  [["name", "full name"], f("name", "Name", "string")],
  [["description", "details", "summary", "body", "content"], f("description", "Description", "text")],
  [["note", "notes", "comment", "comments", "memo"], f("notes", "Notes", "text")],
  [["due date", "deadline", "due", "due by"], f("dueDate", "Due date", "date")],
  [["date", "day", "when"], f("date", "Date", "date")],
  [["start date", "start"], f("startDate", "Start date", "date")],
  [["end date", "end"], f("endDate", "End date", "date")],
  [["birthday", "birth date", "date of birth", "dob"], f("birthday", "Birthday", "date")],
  [["priority", "priority level", "importance"], f("priority", "Priority", "enum", priorityOptions)],
  [["status", "state"], f("status", "Status", "enum", statusOptions)],
  [["done", "completed", "complete", "finished", "checked"], f("done", "Done", "boolean")],
  [["email", "e mail", "email address"], f("email", "Email", "email")],
  [["phone", "phone number", "telephone", "mobile"], f("phone", "Phone", "string")],
  [["address", "street address"], f("address", "Address", "string")],
  [["company", "company name", "organization", "organisation"], f("company", "Company", "string")],
  [["website", "url", "link", "homepage", "web site"], f("website", "Website", "url")],
  [["image", "photo", "picture", "image url", "photo url"], f("imageUrl", "Image URL", "url")],
  [["price", "unit price"], f("price", "Price", "number")],
  [["cost"], f("cost", "Cost", "number")],
  [["amount", "total", "sum"], f("amount", "Amount", "number")],
  [["value", "deal value", "worth"], f("value", "Value", "number")],
  [["quantity", "qty", "stock", "count", "units"], f("quantity", "Quantity", "number")],
  [["sku", "stock keeping unit", "product code"], f("sku", "SKU", "string")],
  [["barcode"], f("barcode", "Barcode", "string")],
  [["category", "categories"], f("category", "Category", "enum", ["General", "Work", "Personal", "Other"])],
  [["type", "kind"], f("type", "Type", "string")],
  [["tag", "tags", "label", "labels"], f("tags", "Tags", "string")],
  [["ingredient", "ingredients"], f("ingredients", "Ingredients", "text")],
  [["instruction", "instructions", "steps", "method", "directions"], f("instructions", "Instructions", "text")],
  [["rating", "stars", "score"], f("rating", "Rating", "number")],
  [["author", "writer"], f("author", "Author", "string")],
  [["genre"], f("genre", "Genre", "string")],
  [["year", "release year"], f("year", "Year", "number")],
  [["duration", "minutes", "length", "time"], f("duration", "Duration (min)", "number")],
  [["calorie", "calories", "kcal"], f("calories", "Calories", "number")],
  [["serving", "servings", "portions"], f("servings", "Servings", "number")],
  [["location", "place", "where", "venue"], f("location", "Location", "string")],
  [["city"], f("city", "City", "string")],
  [["country"], f("country", "Country", "string")],
  [["stage", "pipeline stage", "deal stage"], f("stage", "Stage", "enum", ["Lead", "Qualified", "Proposal", "Won", "Lost"])],
  [["assignee", "owner", "assigned to"], f("assignee", "Assignee", "string")],
  [["weight"], f("weight", "Weight", "number")],
  [["height"], f("height", "Height", "number")],
  [["age"], f("age", "Age", "number")],
  [["color", "colour"], f("color", "Color", "string")],
  [["budget"], f("budget", "Budget", "number")],
  [["hour", "hours"], f("hours", "Hours", "number")],
  [["distance"], f("distance", "Distance (km)", "number")],
  [["isbn"], f("isbn", "ISBN", "string")],
  [["species"], f("species", "Species", "string")],
  [["breed"], f("breed", "Breed", "string")],
  [["role", "job title", "position"], f("role", "Role", "string")],
  [["department", "team"], f("department", "Department", "string")],
  [["salary"], f("salary", "Salary", "number")],
  [["payee", "merchant", "vendor", "supplier"], f("vendor", "Vendor", "string")],
  [["method", "payment method"], f("paymentMethod", "Payment method", "string")],
  [["goal", "target"], f("target", "Target", "number")],
  [["streak"], f("streak", "Streak", "number")],
  [["frequency"], f("frequency", "Frequency", "enum", ["Daily", "Weekly", "Monthly"])],
  [["mood"], f("mood", "Mood", "enum", ["Great", "Good", "Okay", "Bad"])],
  [["grade"], f("grade", "Grade", "string")],
  [["credits"], f("credits", "Credits", "number")],
  [["paid"], f("paid", "Paid", "boolean")],
  [["watched", "read", "visited"], f("finished", "Finished", "boolean")],
  [["favorite", "favourite", "starred"], f("favorite", "Favorite", "boolean")],
];

const byPhrase = new Map<string, FieldTemplate>();
for (const [phrases, template] of catalog) for (const p of phrases) byPhrase.set(p, template);

/** The catalog entry for a phrase, trying its singular form too ("due dates" → due date). */
export function lookupField(phrase: string): FieldTemplate | undefined {
  const words = wordsOf(phrase);
  if (words.length === 0) return undefined;
  const joined = words.join(" ");
  const singular = [...words.slice(0, -1), singularize(words[words.length - 1]!)].join(" ");
  return byPhrase.get(joined) ?? byPhrase.get(singular);
}

/** A typed field for any phrase: catalog match, or a generic text field named after the words. */
export function fieldFromPhrase(phrase: string): TPlanField | undefined {
  const known = lookupField(phrase);
  if (known) return { ...known, required: known.required ?? false, ...(known.options ? { options: [...known.options] } : {}) };
  const words = wordsOf(phrase).slice(0, 4);
  if (words.length === 0 || words.every((w) => /^[0-9]+$/.test(w))) return undefined;
  const last = words[words.length - 1]!;
  const normalized = [...words.slice(0, -1), singularize(last)];
  return { name: camelOf(normalized), label: labelOf(normalized), type: "string", required: false };
}
