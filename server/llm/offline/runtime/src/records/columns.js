// What a records section shows per record: its columns (fields, computed values, parents and
// parents' fields) as text, with a computed value's highlight when its condition holds; a photo
// field as the picture itself; records picked from another kind by their titles.
import { evaluate, fieldValue, formatValue, matches } from "../engine/expr.js";
import { parentField, parentOf, singularOf, titleOf, valueText } from "./names.js";
import { isPhotoValue } from "./photo.js";

/** Words that say a highlight in text, so it does not rest on colour alone. */
export const toneWords = { danger: "Alert", warning: "Warning", success: "Good" };

/**
 * @typedef {{ key: string, label: string, read: (record: Record<string, unknown>, scope: object) => { text: string, tone?: string, image?: string } }} Column
 */

/** The columns of `entity` named in `names` (default: every field, then the parents, then the computed values). */
export function columnsOf(entity, names, app) {
  const computed = entity.computed || [];
  const wanted = names && names.length ? names : [...entity.fields.map((f) => f.name), ...(entity.belongsTo || []), ...computed.map((c) => c.name)];
  /** @type {Column[]} */
  const columns = [];
  for (const name of wanted) {
    const column = columnOf(entity, name, app);
    if (column && !columns.some((c) => c.key === column.key)) columns.push(column);
  }
  return columns;
}

/** @returns {Column | null} */
function columnOf(entity, name, app) {
  const field = entity.fields.find((f) => f.name === name);
  if (field && field.type === "image") return { key: name, label: field.label, read: (record) => ({ text: "", image: isPhotoValue(record[name]) ? String(record[name]) : undefined }) };
  if (field && field.ref) return { key: name, label: field.label, read: (record) => ({ text: pickedText(record[name], field, app) }) };
  if (field) return { key: name, label: field.label, read: (record) => ({ text: valueText(record[name], field) }) };
  const computed = (entity.computed || []).find((c) => c.name === name);
  if (computed) {
    return {
      key: name,
      label: computed.label,
      read: (record, scope) => {
        const value = evaluate(computed.expr, record, entity, scope);
        const text = value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value)) ? "" : formatValue(value, computed.format || "number");
        const highlight = /** @type {{ when: object, tone: string } | undefined} */ (computed.highlight);
        const tone = highlight && value !== null && matches([{ ...highlight.when, field: name }], record, entity, scope) ? highlight.tone : undefined;
        return { text, tone };
      },
    };
  }
  // A parent ("Member" or "memberId") is shown by its title; "Member.phone" by that field.
  const parentName = (entity.belongsTo || []).find((p) => p === name || parentField(p) === name);
  if (parentName) {
    const parent = app.entity(parentName);
    if (!parent) return null;
    return { key: parentName, label: singularOf(parent), read: (record) => {
      const found = parentOf(record, parentName, app.store);
      return { text: found ? titleOf(found, parent) : "" };
    } };
  }
  const [owner, path] = name.split(".");
  if (path && (entity.belongsTo || []).includes(owner)) {
    const parent = app.entity(owner);
    const parentFieldSpec = parent && parent.fields.find((f) => f.name === path);
    if (!parentFieldSpec) return null;
    return { key: name, label: parentFieldSpec.label, read: (record, scope) => ({ text: valueText(fieldValue(record, name, entity, scope), parentFieldSpec) }) };
  }
  return null;
}

/** Records picked for this one, by title, with how many ("2 players: Ada, Ben"); ones since deleted are left out. */
export function pickedText(value, field, app) {
  const source = app.entity(field.ref);
  if (!source || !Array.isArray(value)) return "";
  const titles = value.map((id) => app.store.get(source.name, String(id))).filter(Boolean).map((record) => titleOf(record, source));
  if (!titles.length) return "";
  const noun = titles.length === 1 ? singularOf(source).toLowerCase() : String(source.pluralLabel).toLowerCase();
  return titles.length + " " + noun + ": " + titles.join(", ");
}

/** Everything a search can find a record by: its fields and its parents' titles. */
export function searchTextOf(record, entity, app) {
  const parts = entity.fields.map((f) => (f.ref ? pickedText(record[f.name], f, app) : valueText(record[f.name], f)));
  for (const parentName of entity.belongsTo || []) {
    const parent = app.entity(parentName);
    const found = parent ? parentOf(record, parentName, app.store) : null;
    if (found) parts.push(titleOf(found, parent));
  }
  return parts.join(" ").toLowerCase();
}
