// Age calculator: a date of birth gives the age in years, months and days on a date (today
// unless another is chosen), and the days to the next birthday. A 29 February birthday falls on
// 28 February in other years.
import { h } from "../lib/dom.js";
import { formatLongDate, isoDate, plural } from "../content/format.js";
import { field, figure, uid } from "../content/ui.js";

function parseDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getMonth() === Number(match[2]) - 1 ? date : null;
}

const daysInMonth = (year, month) => new Date(year, month + 1, 0).getDate();

/** The birthday in `year`: the same day, or 28 February for a 29 February birthday in a common year. */
function birthdayIn(birth, year) {
  return new Date(year, birth.getMonth(), Math.min(birth.getDate(), daysInMonth(year, birth.getMonth())));
}

/**
 * Age on `on` for a date of birth: whole years, then months, then days; null when born later.
 * @param {Date} birth @param {Date} on
 */
export function ageOn(birth, on) {
  const day = new Date(on.getFullYear(), on.getMonth(), on.getDate());
  if (birth > day) return null;
  let years = day.getFullYear() - birth.getFullYear();
  if (birthdayIn(birth, day.getFullYear()) > day) years -= 1;
  const last = birthdayIn(birth, birth.getFullYear() + years);
  let months = (day.getFullYear() - last.getFullYear()) * 12 + day.getMonth() - last.getMonth();
  if (day.getDate() < last.getDate()) months -= 1;
  const monthStart = new Date(last.getFullYear(), last.getMonth() + months, Math.min(last.getDate(), daysInMonth(last.getFullYear(), last.getMonth() + months)));
  const days = Math.round((Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()) - Date.UTC(monthStart.getFullYear(), monthStart.getMonth(), monthStart.getDate())) / 86_400_000);
  let next = birthdayIn(birth, day.getFullYear());
  if (next <= day) next = birthdayIn(birth, day.getFullYear() + 1);
  const isBirthday = birthdayIn(birth, day.getFullYear()).getTime() === day.getTime();
  const daysToNext = isBirthday ? 0 : Math.round((Date.UTC(next.getFullYear(), next.getMonth(), next.getDate()) - Date.UTC(day.getFullYear(), day.getMonth(), day.getDate())) / 86_400_000);
  return { years, months, days, nextBirthday: isBirthday ? day : next, daysToNext };
}

export function render(container, _config, { app }) {
  const today = () => (typeof app.today === "function" ? app.today() : new Date());
  const birth = h("input", { id: uid("birth"), type: "date" });
  const on = h("input", { id: uid("on"), type: "date", value: isoDate(today()) });
  const age = figure("Age");
  const detail = figure("Exact age");
  const next = figure("Next birthday");
  function update() {
    const born = parseDate(birth.value);
    const when = parseDate(on.value) || today();
    const result = born ? ageOn(born, when) : null;
    if (!result) {
      age.set(born ? "Not born yet on that date" : "—");
      detail.set("—");
      next.set("—");
      return;
    }
    age.set(plural(result.years, "year"));
    detail.set(plural(result.years, "year") + ", " + plural(result.months, "month") + ", " + plural(result.days, "day"));
    next.set(result.daysToNext === 0 ? "Today!" : "In " + plural(result.daysToNext, "day") + " (" + formatLongDate(result.nextBirthday) + ")");
  }
  for (const input of [birth, on]) input.addEventListener("input", update);
  container.append(h("div", { class: "form-grid form-grid-2" }, field("Date of birth", birth), field("Age on", on)), h("div", { class: "figures" }, age.element, detail.element, next.element));
  update();
}
