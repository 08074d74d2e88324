// Number and time formatting for tools, quizzes and timers. A fixed locale (en-US grouping:
// 1,169.18) so what the app shows, its tests and the acceptance checks read the same everywhere.

/** Exactly `decimals` decimals with thousands separators: 1169.1802 → "1,169.18". */
export function formatFixed(value, decimals) {
  if (!Number.isFinite(value)) return "";
  // -0.004 shown to 2 decimals is "0.00", not "-0.00".
  const rounded = Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value;
  return rounded.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A measured quantity at a sensible precision: about six significant digits, at most four
 * decimals, trailing zeros dropped: 6.21371 → "6.2137", 2.20462 → "2.2046", 212 → "212",
 * 621.371 → "621.371", 0.000123 → "0.0001".
 */
export function formatQuantity(value) {
  if (!Number.isFinite(value)) return "";
  const magnitude = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.min(4, Math.max(0, 5 - magnitude));
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString("en-US", { maximumFractionDigits: decimals, useGrouping: false });
}

/** An amount in a recipe or a list: up to two decimals, no trailing zeros: 1.5, 400, 0.33. */
export function formatAmount(value) {
  if (!Number.isFinite(value)) return "";
  return (Math.round(value * 100) / 100).toLocaleString("en-US", { maximumFractionDigits: 2, useGrouping: false });
}

export function pad2(n) {
  return String(n).padStart(2, "0");
}

/** Milliseconds left as mm:ss, rounding up so "00:00" means done: 1500 → "00:02", 25 min → "25:00". */
export function formatClock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return pad2(Math.floor(total / 60)) + ":" + pad2(total % 60);
}

/** Elapsed time as mm:ss.t (hh:mm:ss.t past an hour), rounding down: a stopwatch never runs ahead. */
export function formatElapsed(ms) {
  const tenths = Math.floor(Math.max(0, ms) / 100);
  const seconds = Math.floor(tenths / 10);
  const hours = Math.floor(seconds / 3600);
  const clock = pad2(Math.floor(seconds / 60) % 60) + ":" + pad2(seconds % 60) + "." + (tenths % 10);
  return hours ? hours + ":" + clock : clock;
}

/** "1 star", "7 stars". */
export function plural(count, singular, pluralForm) {
  return count + " " + (count === 1 ? singular : pluralForm || singular + "s");
}

/** A local date as YYYY-MM-DD (what a date input shows), never through UTC. */
export function isoDate(date) {
  return date.getFullYear() + "-" + pad2(date.getMonth() + 1) + "-" + pad2(date.getDate());
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Saturday 12 September 2026". */
export function formatLongDate(date) {
  return WEEKDAYS[date.getDay()] + " " + date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
}
