// The field catalog: words people use for a piece of information on a record, and what the app
// should make of it (type, bounds, unit, a sample value for checks). Data, not code: the reader
// matches these words against a field phrase of the prompt ("pickup date", "unit price",
// "owner phone"), so a new kind of field is one line here.
import type { TFieldType } from "~/server/plan/field-types";

export type FieldConcept = {
  /** Trigger phrases, lowercase and singular ("due date", "price"); the longest match wins. */
  words: string[];
  /** The field's name and label when the phrase is just the trigger (a longer phrase keeps its own words). */
  name: string;
  label: string;
  type: TFieldType;
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  unit?: string;
  /** A realistic value for acceptance checks and examples. */
  sample?: string | number | boolean;
  /** The field is what names a record (shown first, required). */
  primary?: boolean;
  /** The most a value can be (a max score): a figure "as a percentage" divides each value by it. */
  outOf?: boolean;
  /** A unit named as the field ("litres", "gallons"): the field is labelled with the user's own word. */
  ownWord?: boolean;
};

export const fieldConcepts: FieldConcept[] = [
  // ── Names and words ──
  { words: ["name", "full name", "first name"], name: "name", label: "Name", type: "string", primary: true, sample: "Alex Morgan" },
  { words: ["title", "headline"], name: "title", label: "Title", type: "string", primary: true, sample: "Morning run" },
  { words: ["author", "writer"], name: "author", label: "Author", type: "string", sample: "Frank Herbert" },
  { words: ["company", "business", "organisation", "organization"], name: "company", label: "Company", type: "string", sample: "Baker & Co" },
  { words: ["source", "lead source", "channel"], name: "source", label: "Source", type: "string", sample: "Referral" },
  { words: ["species", "breed", "variety"], name: "species", label: "Species", type: "string", sample: "Monstera deliciosa" },
  { words: ["owner"], name: "owner", label: "Owner", type: "string", sample: "Kate Jones" },
  { words: ["customer", "client name", "customer name"], name: "customer", label: "Customer", type: "string", primary: true, sample: "Mrs Patel" },
  { words: ["sku", "code", "product code", "barcode"], name: "sku", label: "SKU", type: "string", sample: "HM-001" },
  { words: ["ticker", "symbol"], name: "ticker", label: "Ticker", type: "string", sample: "AAPL" },
  { words: ["key", "musical key"], name: "key", label: "Key", type: "string", sample: "F#m" },
  { words: ["exercise", "lift", "movement"], name: "exercise", label: "Exercise", type: "string", primary: true, sample: "Squat" },
  { words: ["product", "item", "product name", "item name"], name: "product", label: "Product", type: "string", primary: true, sample: "Lavender jar" },
  { words: ["dose", "dosage"], name: "dose", label: "Dose", type: "string", sample: "75 mg" },
  { words: ["position", "role"], name: "position", label: "Position", type: "string", sample: "Midfield" },
  { words: ["table", "table number"], name: "table", label: "Table", type: "string", sample: "Table 3" },
  { words: ["aisle", "section"], name: "aisle", label: "Aisle", type: "string", sample: "Dairy" },
  { words: ["tag", "label"], name: "tags", label: "Tags", type: "string", sample: "weekend" },
  { words: ["mood", "mood emoji", "emoji"], name: "mood", label: "Mood", type: "enum", options: ["😀", "🙂", "😐", "🙁", "😢"], sample: "🙂" },
  // ── Longer text ──
  { words: ["note", "notes", "comment", "remark"], name: "notes", label: "Notes", type: "text", sample: "after lunch" },
  { words: ["description", "details", "detail"], name: "description", label: "Description", type: "text", sample: "Logo design" },
  { words: ["message", "text", "body", "entry"], name: "message", label: "Message", type: "text", sample: "Hi from Leeds!" },
  { words: ["ingredient", "ingredients"], name: "ingredients", label: "Ingredients", type: "text", sample: "flour, sugar, butter, eggs" },
  { words: ["step", "steps", "method", "instruction", "instructions", "direction"], name: "steps", label: "Steps", type: "text", sample: "Mix. Bake for 30 minutes." },
  { words: ["address", "street address", "location"], name: "address", label: "Address", type: "text", sample: "12 Mill Lane" },
  // ── Contact ──
  { words: ["email", "e-mail", "email address", "mail"], name: "email", label: "Email", type: "email", sample: "jo@example.com" },
  { words: ["phone", "phone number", "telephone", "mobile", "number to call", "cell"], name: "phone", label: "Phone", type: "phone", sample: "0117 496 0000" },
  { words: ["website", "url", "link", "web address"], name: "website", label: "Website", type: "url", sample: "https://example.com" },
  // ── Dates and times ──
  { words: ["date", "day"], name: "date", label: "Date", type: "date", sample: "{{today}}" },
  // A month written as words ("March 2026"): which month a book was read, a club met, a bill came.
  { words: ["month", "which month"], name: "month", label: "Month", type: "string", sample: "March 2026" },
  { words: ["due date", "due", "deadline", "due by"], name: "dueDate", label: "Due date", type: "date", sample: "{{today+7}}" },
  { words: ["pickup date", "collection date"], name: "pickupDate", label: "Pickup date", type: "date", sample: "{{today+2}}" },
  { words: ["date joined", "join date", "joined", "member since"], name: "dateJoined", label: "Date joined", type: "date", sample: "2021-09-01" },
  { words: ["birthday", "birth date", "date of birth", "born", "dob"], name: "birthday", label: "Birthday", type: "date", sample: "1990-06-20" },
  { words: ["start date"], name: "startDate", label: "Start date", type: "date", sample: "{{today}}" },
  { words: ["end date"], name: "endDate", label: "End date", type: "date", sample: "{{today+7}}" },
  { words: ["time", "time of day", "start time"], name: "time", label: "Time", type: "time", sample: "10:00" },
  { words: ["time slot", "slot", "appointment time"], name: "timeSlot", label: "Time slot", type: "enum", options: ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"], sample: "10:30" },
  // ── Numbers and money ──
  { words: ["amount", "total", "sum", "amount paid", "amount spent", "money spent", "total paid", "total spent", "total cost", "sum paid"], name: "amount", label: "Amount", type: "money", min: 0, sample: 12.5 },
  { words: ["price", "cost", "charge", "fee", "charged", "spent", "paid amount", "price paid", "cost paid", "sale price", "selling price", "asking price", "sold for"], name: "price", label: "Price", type: "money", min: 0, sample: 35 },
  { words: ["unit price", "price each"], name: "unitPrice", label: "Unit price", type: "money", min: 0, sample: 50 },
  { words: ["buy price", "purchase price", "bought at"], name: "buyPrice", label: "Buy price", type: "money", min: 0, sample: 150 },
  { words: ["hourly rate", "rate per hour", "rate"], name: "hourlyRate", label: "Hourly rate", type: "money", min: 0, sample: 60 },
  { words: ["rent", "rent amount", "monthly rent"], name: "rent", label: "Rent", type: "money", min: 0, sample: 800 },
  { words: ["budget", "limit", "allowance"], name: "budget", label: "Budget", type: "money", min: 0, sample: 300 },
  { words: ["salary", "income", "earning"], name: "income", label: "Income", type: "money", min: 0, sample: 2000 },
  { words: ["value", "deal value", "deal size"], name: "value", label: "Value", type: "money", min: 0, sample: 1000 },
  { words: ["quantity", "qty", "quantity in stock", "stock", "stock level", "count", "how many"], name: "quantity", label: "Quantity", type: "number", min: 0, sample: 3 },
  { words: ["reorder level", "reorder point", "minimum stock", "min stock", "threshold"], name: "reorderLevel", label: "Reorder level", type: "number", min: 0, sample: 5 },
  { words: ["set", "sets"], name: "sets", label: "Sets", type: "number", min: 0, sample: 3 },
  { words: ["rep", "reps", "repetition"], name: "reps", label: "Reps", type: "number", min: 0, sample: 5 },
  { words: ["weight"], name: "weight", label: "Weight", type: "number", min: 0, unit: "kg", sample: 80 },
  { words: ["minute", "minutes", "duration", "length in minutes", "length"], name: "minutes", label: "Minutes", type: "number", min: 0, unit: "min", sample: 45 },
  { words: ["hour", "hours", "hours worked"], name: "hours", label: "Hours", type: "number", min: 0, unit: "h", sample: 2 },
  { words: ["mileage", "odometer", "odometer reading", "mileage reading", "meter reading", "odo"], name: "mileage", label: "Mileage", type: "number", min: 0, sample: 48200 },
  { words: ["distance", "km", "kilometre", "kilometer", "kilometres", "kilometers"], name: "distance", label: "Distance", type: "number", min: 0, unit: "km", sample: 5 },
  // ── Amounts in a unit, named by the unit ("date, litres, price paid") ──
  { words: ["mile", "miles"], name: "miles", label: "Miles", type: "number", min: 0, unit: "mi", sample: 12, ownWord: true },
  { words: ["litre", "liter", "litres", "liters", "ltr"], name: "litres", label: "Litres", type: "number", min: 0, unit: "L", sample: 40, ownWord: true },
  { words: ["gallon", "gallons", "gal"], name: "gallons", label: "Gallons", type: "number", min: 0, unit: "gal", sample: 10, ownWord: true },
  { words: ["millilitre", "milliliter", "ml"], name: "ml", label: "ml", type: "number", min: 0, unit: "ml", sample: 250 },
  { words: ["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"], name: "weight", label: "Weight", type: "number", min: 0, unit: "kg", sample: 80 },
  { words: ["lb", "lbs"], name: "weight", label: "Weight", type: "number", min: 0, unit: "lb", sample: 150 },
  { words: ["kwh", "units used"], name: "kwh", label: "kWh", type: "number", min: 0, unit: "kWh", sample: 12 },
  { words: ["share", "number of share", "shares"], name: "shares", label: "Shares", type: "number", min: 0, sample: 10 },
  { words: ["point", "points"], name: "points", label: "Points", type: "number", min: 0, sample: 5 },
  { words: ["score", "mark", "grade", "test score"], name: "score", label: "Score", type: "number", min: 0, sample: 40 },
  { words: ["max score", "maximum score", "out of", "max mark", "total marks", "max points", "maximum points", "possible points"], name: "maxScore", label: "Max score", type: "number", min: 1, sample: 50, outOf: true },
  { words: ["shirt number", "squad number", "jersey number"], name: "shirtNumber", label: "Shirt number", type: "number", min: 0, max: 99, sample: 7 },
  { words: ["age"], name: "age", label: "Age", type: "number", min: 0, sample: 30 },
  { words: ["serving", "servings"], name: "servings", label: "Servings", type: "number", min: 1, sample: 4 },
  { words: ["calorie", "calories", "kcal"], name: "calories", label: "Calories", type: "number", min: 0, sample: 450 },
  { words: ["glass", "glasses"], name: "glasses", label: "Glasses", type: "number", min: 0, sample: 1 },
  { words: ["egg", "eggs"], name: "eggs", label: "Eggs", type: "number", min: 0, sample: 1 },
  { words: ["page", "pages"], name: "pages", label: "Pages", type: "number", min: 0, sample: 320 },
  { words: ["interest rate"], name: "interestRate", label: "Interest rate", type: "number", min: 0, unit: "%", sample: 5 },
  // ── Ratings and choices ──
  { words: ["rating", "star rating", "stars", "star"], name: "rating", label: "Rating", type: "rating", min: 1, max: 5, sample: 4 },
  { words: ["priority", "importance"], name: "priority", label: "Priority", type: "enum", options: ["Low", "Medium", "High"], sample: "High" },
  { words: ["status", "state", "progress"], name: "status", label: "Status", type: "enum", options: ["To do", "In progress", "Done"], sample: "In progress" },
  { words: ["stage", "pipeline stage", "deal stage"], name: "stage", label: "Stage", type: "enum", options: ["New", "Contacted", "Proposal", "Won", "Lost"], sample: "Proposal" },
  { words: ["category", "categories", "type of expense"], name: "category", label: "Category", type: "enum", options: ["Food", "Transport", "Rent", "Bills", "Fun", "Other"], sample: "Food" },
  { words: ["type", "kind", "activity", "sort"], name: "type", label: "Type", type: "enum", options: ["Type A", "Type B", "Other"], sample: "Other" },
  { words: ["service"], name: "service", label: "Service", type: "enum", options: ["Standard", "Premium"], sample: "Standard" },
  { words: ["size"], name: "size", label: "Size", type: "enum", options: ["Small", "Medium", "Large"], sample: "Large" },
  { words: ["dietary need", "dietary needs", "diet", "dietary requirement", "allergy"], name: "diet", label: "Dietary needs", type: "enum", options: ["None", "Vegetarian", "Vegan", "Gluten free"], sample: "Vegetarian" },
  { words: ["time of day", "times of day", "when taken", "dose time"], name: "timesOfDay", label: "Times of day", type: "enum", multiple: true, options: ["Morning", "Noon", "Evening"], sample: "Morning" },
  { words: ["response", "answer", "attending", "rsvp"], name: "response", label: "Response", type: "enum", options: ["Yes", "No", "Maybe"], sample: "Yes" },
  { words: ["frequency", "how often", "every x days", "interval"], name: "everyDays", label: "Every (days)", type: "number", min: 1, unit: "days", sample: 3 },
  // ── Pictures ──
  { words: ["photo", "photos", "picture", "pictures", "image", "images", "pic", "snapshot"], name: "photo", label: "Photo", type: "image" },
  // ── Yes / no ──
  { words: ["done", "completed", "complete", "finished"], name: "done", label: "Done", type: "boolean", sample: true },
  { words: ["paid", "paid or not", "is paid"], name: "paid", label: "Paid", type: "boolean", sample: true },
  { words: ["returned"], name: "returned", label: "Returned", type: "boolean", sample: true },
  { words: ["sold"], name: "sold", label: "Sold", type: "boolean", sample: true },
  { words: ["coming", "attending or not"], name: "coming", label: "Coming", type: "boolean", sample: true },
  { words: ["favourite", "favorite", "starred"], name: "favourite", label: "Favourite", type: "boolean", sample: true },
  { words: ["active"], name: "active", label: "Active", type: "boolean", sample: true },
];

/** Words that, heading a phrase, make it a money amount whatever else it says ("what i charged"). */
export const moneyWords = ["price", "cost", "charge", "charged", "fee", "amount", "rent", "budget", "spent", "spend", "paid", "salary", "earning", "rate", "value", "owed", "revenue", "sale", "money", "takings", "profit"];
/** Nouns that name a sum of money: before a participle ("money made", "amount owed") they make the phrase money, not a yes/no. */
export const moneyNouns = ["price", "cost", "amount", "money", "sum", "total", "fee", "payment", "takings", "revenue", "profit"];
/** Words that make a phrase a date ("when each dog was last groomed", "the date I got them"). */
export const dateWords = ["date", "when", "day", "born", "birthday", "deadline", "due"];
