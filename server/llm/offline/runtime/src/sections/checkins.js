// Check-ins section: each record of `entity` (a habit, a medication, a hen) gets a tick — or a
// count with + and − — for the day on show. Each check-in is a record of `logEntity`, which
// belongs to `entity` and holds the date (and the count, and the slot: "Morning" and "Evening"
// doses are separate ticks when the entity has a `slotsField`). Previous day / Next day / Today move
// between days; computed values of the entity (a streak) are shown per record; `showDueToday`
// lists what is still not done today; `dailyGoal` is the count (or the number of ticks) a day needs.
// With `every: "month"` a check-in is for a calendar month (rent paid for each flat): it is dated
// the month's first day, and Previous month / This month / Next month move between months.
import { h } from "../lib/dom.js";
import { isoDate } from "../content/format.js";
import { uid } from "../content/ui.js";
import { evaluate, formatValue, matches } from "../engine/expr.js";
import { toneWords } from "../records/columns.js";
import { recordTitle } from "../engine/store.js";
import { rerender } from "../widgets/interact.js";
import {
  addOneName, countLabel, dueListName, dueText, figureLabel, linkField, periodText, shiftDay, shiftMonth, singularWords, takeOneName, tickLabel,
} from "../widgets/names.js";

/** @import { AppContext, EntitySpec, SectionSpec } from "../engine/app-context" */

/**
 * Which fields of the log entity hold what.
 * @param {EntitySpec} log
 * @param {EntitySpec} entity
 * @param {string | undefined} slotsField
 */
export function logFieldsOf(log, entity, slotsField) {
  const fields = log.fields || [];
  const streak = (entity.computed || []).map((c) => /** @type {any} */ (c.expr)).find((e) => e && e.agg === "streak" && e.entity === log.name && e.dateField);
  const date = (streak && streak.dateField) || (fields.find((f) => f.type === "date") || { name: "date" }).name;
  const count = (fields.find((f) => f.name === "count" && f.type === "number") || fields.find((f) => f.type === "number") || { name: "count" }).name;
  const slotOptions = slotsField ? ((entity.fields.find((f) => f.name === slotsField) || {}).options || []) : [];
  const slotField = fields.find((f) => f.name === "slot") || fields.find((f) => f.type === "enum" && (f.options || []).some((o) => slotOptions.includes(o)));
  return { link: linkField(entity.name), date, count, slot: slotField ? slotField.name : "slot" };
}

/** The slots a record is checked in for: its values of the slots field ([] = one check-in a day). */
export function slotsOf(record, slotsField, entity) {
  if (!slotsField) return [];
  const value = record[slotsField];
  const values = Array.isArray(value) ? value : value ? [value] : [];
  const options = (entity.fields.find((f) => f.name === slotsField) || {}).options || [];
  // In the field's option order: Morning before Evening whatever order they were picked in.
  return [...values].map(String).sort((a, b) => options.indexOf(a) - options.indexOf(b));
}

/**
 * @param {HTMLElement} sectionElement
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(sectionElement, section, app) {
  const entity = app.entity(section.entity);
  const log = app.entity(section.logEntity);
  if (!entity || !log) throw new Error("Check-ins need the entities " + section.entity + " and " + section.logEntity);
  const fields = logFieldsOf(log, entity, section.slotsField);
  const isCount = section.mode === "count";
  const goal = section.dailyGoal || null;
  const noun = singularWords(entity.name);
  const isMonthly = section.every === "month";
  // The period on show is named by its first day: the day itself, or the month's 1st.
  const todayIso = () => (isMonthly ? shiftMonth(isoDate(app.today()), 0) : isoDate(app.today()));
  const keyOf = (iso) => String(iso || "").slice(0, isMonthly ? 7 : 10);
  const shift = (iso, n) => (isMonthly ? shiftMonth(iso, n) : shiftDay(iso, n));
  const scope = () => ({ store: app.store, spec: app.spec, today: app.today() });
  // A page elsewhere that keeps the records; without one, this section adds them itself.
  const recordsPage = app.spec.pages.find((p) => p.sections.some((s) => s.type === "records" && s.entity === entity.name));

  let shown = todayIso();
  const root = h("div", { class: "checkins" });
  sectionElement.append(root);

  /** The log records of one record on one day (and slot). */
  function entriesOf(record, day, slot) {
    return app.store
      .children(log.name, entity.name, String(record.id))
      .filter((entry) => keyOf(entry[fields.date]) === keyOf(day) && (slot === undefined || entry[fields.slot] === slot));
  }

  const countOf = (record, day) => entriesOf(record, day).reduce((sum, entry) => sum + (Number(entry[fields.count]) || (entry[fields.count] === 0 ? 0 : 1)), 0);

  function setTicked(record, day, slot, ticked) {
    const title = recordTitle(record, entity);
    if (ticked) {
      if (!entriesOf(record, day, slot || undefined).length) {
        app.store.create(log.name, { [fields.link]: record.id, [fields.date]: day, [fields.count]: 1, ...(slot ? { [fields.slot]: slot } : {}) });
      }
    } else {
      for (const entry of entriesOf(record, day, slot || undefined)) app.store.remove(log.name, String(entry.id));
    }
    app.announce(tickLabel(title, day, slot, section.every) + (ticked ? "" : ": not any more"));
  }

  function changeCount(record, day, delta) {
    const entries = entriesOf(record, day);
    const next = Math.max(0, countOf(record, day) + delta);
    const [first, ...rest] = entries;
    for (const entry of rest) app.store.remove(log.name, String(entry.id));
    if (next === 0) {
      if (first) app.store.remove(log.name, String(first.id));
    } else if (first) app.store.update(log.name, String(first.id), { [fields.count]: next });
    else app.store.create(log.name, { [fields.link]: record.id, [fields.date]: day, [fields.count]: next });
    app.announce(countLabel(recordTitle(record, entity), day) + ": " + next);
  }

  /** Is this record (slot) done on `day`? Count mode: the goal (or one) reached. */
  const isDone = (record, day, slot) => (isCount ? countOf(record, day) >= (goal || 1) : entriesOf(record, day, slot).length > 0);

  function tickControl(record, title, slot) {
    // The visible label is short ("Done", "Morning"); the accessible name says what and which day.
    const box = h("input", { id: uid("tick"), type: "checkbox", checked: isDone(record, shown, slot || undefined), "aria-label": tickLabel(title, shown, slot, section.every), "data-focus-key": "tick:" + record.id + ":" + (slot || "") });
    box.addEventListener("change", () => setTicked(record, shown, slot, box.checked));
    return h("span", { class: "checkin-tick" }, box, h("label", { for: box.id }, slot || "Done"));
  }

  function countControl(record, title) {
    const count = countOf(record, shown);
    const output = h("output", { id: uid("count"), class: "checkin-count-value" }, String(count));
    const label = h("label", { for: output.id, class: "visually-hidden" }, countLabel(title, shown));
    const reached = goal && count >= goal;
    return h("span", { class: "checkin-count" },
      h("button", { type: "button", class: "btn btn-small checkin-step", "aria-label": takeOneName(title), disabled: count === 0, "data-focus-key": "minus:" + record.id, onClick: () => changeCount(record, shown, -1) }, "−"),
      label, output,
      h("button", { type: "button", class: "btn btn-small checkin-step", "aria-label": addOneName(title), "data-focus-key": "plus:" + record.id, onClick: () => changeCount(record, shown, 1) }, "+"),
      goal ? h("span", { class: "checkin-goal" + (reached ? " is-reached" : "") }, "of " + goal + (reached ? " · goal reached" : "")) : null);
  }

  /** The entity's computed values (a streak) for one record, each an <output> named for the record. */
  function figures(record, title) {
    return (entity.computed || []).map((computed) => {
      const expr = /** @type {any} */ (computed.expr);
      const value = evaluate(expr, record, entity, scope());
      let text = formatValue(value, computed.format || "number");
      if (expr && expr.agg === "streak" && typeof value === "number") text += " " + (expr.unit === "week" ? (value === 1 ? "week" : "weeks") : value === 1 ? "day" : "days");
      // A highlighted value (days late) says so in words too, as in a records list.
      const highlight = /** @type {{ when: object, tone: string } | undefined} */ (computed.highlight);
      const tone = highlight && value !== null && matches([{ ...highlight.when, field: computed.name }], record, entity, scope()) ? highlight.tone : undefined;
      const output = h("output", { id: uid("figure"), class: "checkin-figure-value" + (tone ? " record-value tone-" + tone : "") }, text, tone ? h("span", { class: "record-tone" }, " " + toneWords[tone]) : null);
      return h("span", { class: "checkin-figure" + (expr && expr.agg === "streak" ? " is-streak" : "") },
        h("label", { for: output.id }, computed.label, h("span", { class: "visually-hidden" }, figureLabel("", title))), output);
    });
  }

  function row(record) {
    const title = recordTitle(record, entity);
    const slots = isCount ? [] : slotsOf(record, section.slotsField, entity);
    const controls = isCount ? [countControl(record, title)] : slots.length ? slots.map((slot) => tickControl(record, title, slot)) : [tickControl(record, title, null)];
    const done = isCount ? isDone(record, shown) : slots.length ? slots.every((slot) => isDone(record, shown, slot)) : isDone(record, shown);
    return h("li", { class: "checkin" + (done ? " is-done" : "") },
      h("span", { class: "checkin-title" }, title),
      h("span", { class: "checkin-controls" }, controls),
      h("span", { class: "checkin-figures" }, figures(record, title)));
  }

  /** What is still not done today (always today, whichever day is on show). */
  function dueList(records) {
    const today = todayIso();
    const due = [];
    for (const record of records) {
      const title = recordTitle(record, entity);
      const slots = isCount ? [] : slotsOf(record, section.slotsField, entity);
      if (slots.length) for (const slot of slots) { if (!isDone(record, today, slot)) due.push(dueText(title, slot)); }
      else if (!isDone(record, today)) due.push(dueText(title, null));
    }
    const headingId = uid("due");
    return h("div", { class: "checkins-due card" },
      h("h3", { id: headingId, class: "checkins-due-title" }, dueListName),
      due.length
        ? h("ul", { class: "checkins-due-list", "aria-labelledby": headingId }, due.map((text) => h("li", {}, text)))
        : h("p", { class: "muted" }, records.length ? "All done for today." : "Nothing yet."));
  }

  function summary(records) {
    if (isCount) {
      const total = records.reduce((sum, record) => sum + countOf(record, shown), 0);
      return h("p", { class: "checkins-summary muted" }, "Total: " + total);
    }
    let done = 0;
    let all = 0;
    for (const record of records) {
      const slots = slotsOf(record, section.slotsField, entity);
      for (const slot of slots.length ? slots : [undefined]) {
        all += 1;
        if (isDone(record, shown, slot)) done += 1;
      }
    }
    const target = goal || all;
    return h("p", { class: "checkins-summary muted" }, done + " of " + target + " done" + (goal && done >= goal ? " · goal reached" : ""));
  }

  function nav() {
    const today = todayIso();
    const isToday = shown === today;
    const headingId = uid("day");
    const current = isMonthly ? "This month" : "Today";
    const go = (day) => {
      shown = day > today ? today : day;
      draw();
    };
    return h("div", { class: "checkins-nav" },
      h("h3", { id: headingId, class: "checkins-day", "aria-live": "polite", tabindex: "-1", "data-focus-key": "nav" }, periodText(shown, section.every), isToday ? h("span", { class: "badge badge-0 checkins-today" }, current) : null),
      h("div", { class: "checkins-nav-buttons" },
        h("button", { type: "button", class: "btn btn-small", "data-focus-key": "nav:previous", onClick: () => go(shift(shown, -1)) }, isMonthly ? "Previous month" : "Previous day"),
        h("button", { type: "button", class: "btn btn-small", disabled: isToday, "data-focus-key": "nav:today", onClick: () => go(today) }, current),
        h("button", { type: "button", class: "btn btn-small", disabled: isToday, "data-focus-key": "nav:next", onClick: () => go(shift(shown, 1)) }, isMonthly ? "Next month" : "Next day")));
  }

  function addForm() {
    const titleField = entity.fields[0];
    const input = h("input", { id: uid("new"), type: "text", autocomplete: "off", required: titleField.required || null });
    const error = h("p", { class: "field-error", "aria-live": "polite" });
    const form = h("form", { class: "form checkins-add", "aria-label": "Add " + noun, novalidate: true },
      h("div", { class: "field" }, h("label", { for: input.id }, titleField.label), input, error),
      h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Add " + noun)));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = input.value.trim();
      error.textContent = value ? "" : titleField.label + " is required";
      input.setAttribute("aria-invalid", String(!value));
      if (!value) return input.focus();
      app.store.create(entity.name, { [titleField.name]: value });
      app.announce("Added " + value);
      input.value = "";
      input.focus();
    });
    return form;
  }

  function draw() {
    const today = todayIso();
    if (shown > today) shown = today;
    const records = app.store.list(entity.name);
    const listName = entity.pluralLabel + (isMonthly ? " in " : " on ") + periodText(shown, section.every);
    const empty = recordsPage
      ? h("p", { class: "empty" }, "No " + entity.pluralLabel.toLowerCase() + " yet — ", h("a", { href: app.href(recordsPage.path) }, "add the first one on the " + recordsPage.title + " page"), ".")
      : h("p", { class: "empty" }, "No " + entity.pluralLabel.toLowerCase() + " yet — add the first one above.");
    rerender(root, [
      recordsPage ? null : addForm(),
      nav(),
      records.length ? h("ul", { class: "checkins-list", "aria-label": listName }, records.map(row)) : empty,
      records.length ? summary(records) : null,
      section.showDueToday ? dueList(records) : null,
    ].filter(Boolean));
  }

  draw();
  return app.store.subscribe(draw);
}
