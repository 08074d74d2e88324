// How records are named on screen, shared by the data sections and relied on by the acceptance
// checks (see /work/coord/DATA.md): an entity's singular label ("BookLoan" → "Book loan"), a
// record's title (its first field's value), a parent link's field ("Member" → "memberId") and a
// field's value as text.
import { formatValue } from "../engine/expr.js";

/** "BookLoan" → "Book loan": the words of a PascalCase name, only the first capitalised. */
export function singularOf(entity) {
  const words = String(entity.name).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z])/g, "$1 $2");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** The plural in running text ("Book loans" → "book loans"), for "Search book loans". */
export function pluralOf(entity) {
  const plural = String(entity.pluralLabel || singularOf(entity) + "s");
  // Acronyms ("SKUs") keep their capitals.
  return /^[A-Z]{2}/.test(plural) ? plural : plural.charAt(0).toLowerCase() + plural.slice(1);
}

/** "Member" → "memberId": the field of a child record that points at its parent. */
export function parentField(parentName) {
  return parentName.charAt(0).toLowerCase() + parentName.slice(1) + "Id";
}

/** The field a record is known by: the first one. */
export function titleField(entity) {
  return entity.fields[0];
}

/** A record's title: its first field's value as text ("Untitled" when it has none). */
export function titleOf(record, entity) {
  const field = titleField(entity);
  const text = field ? valueText(record[field.name], field) : "";
  return text || "Untitled";
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

