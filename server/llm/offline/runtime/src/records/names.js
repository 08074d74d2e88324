// How records are named on screen, shared by the data sections and relied on by the acceptance
// checks (see /work/coord/DATA.md): an entity's singular label ("BookLoan" → "Book loan"), a
// record's title (its first field's value), a parent link's field ("Member" → "memberId") and a
// field's value as text.
import { formatValue } from "../engine/expr.js";
import { parentField, recordTitle, singularLabel } from "../engine/store.js";

// The naming rules are the engine's (engine/store.js), so every data section names alike.
export { parentField, recordTitle as titleOf, singularLabel as singularOf };

/** The plural in running text ("Book loans" → "book loans"), for "Search book loans". */
export function pluralOf(entity) {
  const plural = String(entity.pluralLabel || singularLabel(entity) + "s");
  // Acronyms ("SKUs") keep their capitals.
  return /^[A-Z]{2}/.test(plural) ? plural : plural.charAt(0).toLowerCase() + plural.slice(1);
}

/** The field a record is known by: the first one. */
export function titleField(entity) {
  return entity.fields[0];
}

/** The parent record a child points at, or null. */
export function parentOf(record, parentName, store) {
  const id = record[parentField(parentName)];
  return id ? store.get(parentName, String(id)) : null;
}

/**
 * A stored value as a person reads it. Dates are shown as stored (YYYY-MM-DD, the way a date
 * input shows them, so what is typed is what is seen); booleans as Yes/No; ratings as stars;
 * money with two decimals; numbers with their unit (formatValue's rules).
 */
export function valueText(value, field) {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.join(", ");
  switch (field && field.type) {
    // A photo is a picture, not words: a data URL is nothing to read, search or filter by.
    case "image":
      return "";
    case "boolean":
      return value ? "Yes" : "No";
    case "money":
    case "number":
      return formatValue(Number(value), field.type, field.unit ? { unit: field.unit } : {});
    case "rating":
      return formatValue(Number(value), "stars", { max: field.max || 5 });
    default:
      return String(value);
  }
}

