// Opening hours: one row per day or range of days ("Monday – Friday", "8:00 – 17:00"). The row
// that covers today is marked, by the page's clock.
import { h } from "../lib/dom.js";

/** @import { SectionSpec, AppContext } from "../engine/app-context" */

const dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** "mon", "Tues", "Thursdays" → 1, 2, 4; -2 weekdays, -3 weekends, -1 when the word is not a day. */
function dayIndex(word) {
  const w = word.toLowerCase().replace(/[^a-z]/g, "").replace(/s$/, "");
  if (w === "weekday") return -2;
  if (w === "weekend") return -3;
  return w.length < 2 ? -1 : dayNames.findIndex((name) => name.startsWith(w));
}

/**
 * The weekdays (0 = Sunday) a "days" label covers: "Monday – Friday", "Sat & Sun", "Weekends",
 * "Every day", "Tuesday".
 * @param {string} label
 * @returns {Set<number>}
 */
export function daysCovered(label) {
  const text = String(label).toLowerCase();
  const covered = new Set();
  if (/\b(every ?day|daily|7 days|all week|seven days)\b/.test(text)) return new Set([0, 1, 2, 3, 4, 5, 6]);
  const parts = text.split(/\s*(?:,|&|\band\b|\/)\s*/);
  for (const part of parts) {
    const range = part.split(/\s*(?:–|—|-|\bto\b|\buntil\b|\btill\b)\s*/).filter(Boolean);
    const indices = range.map(dayIndex);
    if (indices.length === 2 && indices[0] >= 0 && indices[1] >= 0) {
      for (let d = indices[0]; ; d = (d + 1) % 7) {
        covered.add(d);
        if (d === indices[1]) break;
      }
    } else {
      for (const index of indices) {
        if (index >= 0) covered.add(index);
        else if (index === -2) [1, 2, 3, 4, 5].forEach((d) => covered.add(d));
        else if (index === -3) [0, 6].forEach((d) => covered.add(d));
      }
    }
  }
  return covered;
}

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(element, section, app) {
  const rows = Array.isArray(section.rows) ? section.rows : [];
  const today = app.today().getDay();
  const titleId = element.id + "-title";
  element.append(h("div", { class: "card hours" },
    h("table", { class: "hours-table", "aria-labelledby": titleId },
      h("thead", { class: "sr-only" }, h("tr", {}, h("th", { scope: "col" }, "Days"), h("th", { scope: "col" }, "Hours"))),
      h("tbody", {}, rows.map((row) => {
        const isToday = daysCovered(row.days).has(today);
        return h("tr", { class: isToday ? "is-today" : null, "aria-current": isToday ? "date" : null },
          h("th", { scope: "row" }, row.days, isToday ? h("span", { class: "badge badge-0 today-badge" }, "Today") : null),
          h("td", {}, row.hours));
      })))));
}
