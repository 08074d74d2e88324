// Formatting helpers. Fixed locale so the UI (and its tests) read the same everywhere.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatNumber(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function formatMoney(value) {
  const safe = Number.isFinite(value) ? value : 0;
  const sign = safe < 0 ? "-" : "";
  return sign + "$" + Math.abs(safe).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "2025-03-14" → "Mar 14, 2025" without timezone surprises (no Date parsing). */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return iso || "";
  return MONTHS[Number(match[2]) - 1] + " " + Number(match[3]) + ", " + match[1];
}

export function formatMonth(key) {
  const match = /^(\d{4})-(\d{2})$/.exec(key || "");
  return match ? MONTHS[Number(match[2]) - 1] + " " + match[1].slice(2) : key;
}

export function formatValue(field, value) {
  if (value === null || value === undefined || value === "") return "";
  if (field.type === "number") return formatNumber(value);
  if (field.type === "date") return formatDate(value);
  if (field.type === "boolean") return value ? "Yes" : "No";
  return String(value);
}

export function pad(n, width) {
  return String(n).padStart(width || 2, "0");
}

export function plural(count, singular, pluralForm) {
  return count + " " + (count === 1 ? singular : pluralForm);
}
