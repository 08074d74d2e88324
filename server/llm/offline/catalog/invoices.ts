// Totals worked out from lines and what is still owed: invoices with line items, orders with their
// items, quotes. Patterns as in app-shapes.ts (token lemmas, "|" alternatives, "…" a short gap).

/** A line's count: its amount is this times the price. Field names as the field catalog makes them. */
export const lineQuantityFields = ["quantity", "hours", "units"];

/** A line's price per unit; a line with no count is worth its price (or amount) once. */
export const linePriceFields = ["unitPrice", "price", "rate", "hourlyRate", "cost", "amount"];

/** "the invoice total", "each order's total", "total of each invoice": the word before or after the record. */
export const totalWords = ["total", "subtotal", "sum"];

/** Verbs that ask for a total to be worked out; part of what the requirement quotes. */
export const totalVerbs = ["calculate", "compute", "work", "show", "display", "add", "sum", "get"];

/** "total owed per client", "amount outstanding for each customer", "balance due by client". */
export const owedPatterns = ["total|amount|balance|sum? owed|outstanding|due|owing per|by|for|to each|every|a|the?", "how much each|every|a? … owe|owes"];

/** The word of an owed pattern that says money is still to come. */
export const owingWords = ["owe", "owed", "owes", "outstanding", "due", "owing"];

/** What a record is marked once settled, and the word for not yet ("unpaid invoices"). */
export const settledField = "paid";
export const unsettledWords = ["unpaid", "outstanding", "open", "unsettled"];
