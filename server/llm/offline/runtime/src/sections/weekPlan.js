// Week plan section: Monday to Sunday by the slots of a day (Breakfast, Lunch, Dinner). Each filled
// slot is a record of `entity` with its date, its slot and the name typed there; a name that is the
// title of a record of `itemOf` (a meal) plans that record, any other name is kept as free text.
// Previous week / This week / Next week move between weeks. With `shopping`, the section lists what
// the week's planned records need: the words of their `shopping.field` (ingredients, comma or line
// separated), combined case-insensitively so each is listed once (with × 2 when needed twice), each
// with a tick that is kept for that week (a record of `entity` with no slot, dated the Monday).
import { h } from "../lib/dom.js";
import { uid } from "../content/ui.js";
import { isoDate } from "../content/format.js";
import { recordTitle } from "../engine/store.js";
import { rerender } from "../widgets/interact.js";
import { listWords, mondayOf, shiftDay, weekGridName, weekSlotName, weekText, weekdayOf } from "../widgets/names.js";

/** @import { AppContext, SectionSpec } from "../engine/app-context" */

/**
 * What the week's planned records need, each once, in the order first planned: [{ key, text, count }].
 * @param {Array<Record<string, unknown>>} planned filled slots of the week, in day and slot order
 * @param {Array<Record<string, unknown>>} sources the records a slot may name
 * @param {(record: Record<string, unknown>) => string} titleOf
 * @param {string} field the field of a source record listing what it needs
 */
export function shoppingList(planned, sources, titleOf, field) {
  /** @type {Map<string, { key: string, text: string, count: number }>} */
  const items = new Map();
  for (const slot of planned) {
    const name = String(slot.name ?? "").trim().toLowerCase();
    const source = name ? sources.find((s) => titleOf(s).trim().toLowerCase() === name) : undefined;
    if (!source) continue;
    for (const word of listWords(source[field])) {
      const key = word.toLowerCase();
      const item = items.get(key);
      if (item) item.count += 1;
      else items.set(key, { key, text: word, count: 1 });
    }
  }
  return [...items.values()];
}

/**
 * @param {HTMLElement} sectionElement
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(sectionElement, section, app) {
  const entity = app.entity(section.entity);
  const source = app.entity(section.itemOf);
  if (!entity || !source) throw new Error("A week plan needs the entities " + section.entity + " and " + section.itemOf);
  const title = sectionElement.querySelector("h2") ? String(sectionElement.querySelector("h2").textContent) : section.title || "Week";
  const slots = section.slots || [];
  const sourcePage = app.spec.pages.find((p) => p.sections.some((s) => s.type === "records" && s.entity === source.name));
  const todayIso = () => isoDate(app.today());
  let monday = mondayOf(todayIso());
  const root = h("div", { class: "week-plan" });
  const optionsId = uid("meals");
  sectionElement.append(root);

  const titleOf = (record) => recordTitle(record, source);
  const filled = () => app.store.list(entity.name).filter((r) => r.slot);
  const find = (date, slot) => filled().find((r) => r.date === date && r.slot === slot);

  /** Keeps what was typed in a slot: a new record, a changed one, or none when emptied. */
  function save(date, slot, raw) {
    const name = String(raw).trim();
    const existing = find(date, slot);
    if (existing && String(existing.name ?? "") === name) return;
    if (!name) {
      if (existing) app.store.remove(entity.name, String(existing.id));
    } else if (existing) app.store.update(entity.name, String(existing.id), { name });
    else app.store.create(entity.name, { date, slot, name });
    app.announce(name ? name + " planned for " + weekSlotName(date, slot) : weekSlotName(date, slot) + " cleared");
  }

  function cell(date, slot) {
    const existing = find(date, slot);
    const key = "slot:" + date + ":" + slot;
    const input = h("input", {
      type: "text", autocomplete: "off", list: optionsId, class: "week-slot-input", value: existing ? String(existing.name ?? "") : "",
      "aria-label": weekSlotName(date, slot), "data-focus-key": key,
    });
    input.addEventListener("change", () => save(date, slot, input.value));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        save(date, slot, input.value);
      }
    });
    return h("td", { class: "week-slot" }, input);
  }

  function nav() {
    const current = mondayOf(todayIso());
    const go = (day) => {
      monday = day;
      draw();
    };
    return h("div", { class: "checkins-nav" },
      h("h3", { class: "checkins-day", "aria-live": "polite", tabindex: "-1", "data-focus-key": "nav" }, weekText(monday), monday === current ? h("span", { class: "badge badge-0 checkins-today" }, "This week") : null),
      h("div", { class: "checkins-nav-buttons" },
        h("button", { type: "button", class: "btn btn-small", "data-focus-key": "nav:previous", onClick: () => go(shiftDay(monday, -7)) }, "Previous week"),
        h("button", { type: "button", class: "btn btn-small", disabled: monday === current, "data-focus-key": "nav:this", onClick: () => go(current) }, "This week"),
        h("button", { type: "button", class: "btn btn-small", "data-focus-key": "nav:next", onClick: () => go(shiftDay(monday, 7)) }, "Next week")));
  }

  function shopping(days, sources) {
    const spec = section.shopping;
    if (!spec) return null;
    const planned = days.flatMap((date) => slots.map((slot) => find(date, slot)).filter(Boolean));
    const items = shoppingList(planned, sources, titleOf, spec.field);
    const ticks = app.store.list(entity.name).filter((r) => !r.slot && r.date === monday);
    const headingId = uid("shopping");
    const toggle = (item) => {
      const tick = ticks.find((t) => String(t.name ?? "").toLowerCase() === item.key);
      if (tick) app.store.remove(entity.name, String(tick.id));
      else app.store.create(entity.name, { date: monday, slot: "", name: item.key });
    };
    return h("div", { class: "week-shopping" },
      h("h3", { id: headingId }, spec.title),
      items.length
        ? h("ul", { class: "week-shopping-list", "aria-labelledby": headingId }, items.map((item) => {
          const id = uid("buy");
          const done = ticks.some((t) => String(t.name ?? "").toLowerCase() === item.key);
          return h("li", { class: "week-shopping-item" + (done ? " is-done" : "") },
            h("input", { id, type: "checkbox", checked: done, "data-focus-key": "buy:" + item.key, onChange: () => toggle(item) }),
            h("label", { for: id }, item.text),
            item.count > 1 ? h("span", { class: "muted", title: "Needed for " + item.count + " meals" }, " × " + item.count) : null);
        }))
        : h("p", { class: "empty" }, "Nothing to buy yet — plan " + source.pluralLabel.toLowerCase() + " that list what they need."));
  }

  function draw() {
    const sources = app.store.list(source.name);
    const days = Array.from({ length: 7 }, (_, i) => shiftDay(monday, i));
    const hint = sourcePage && !sources.length
      ? h("p", { class: "muted" }, "Type anything in a slot, or ", h("a", { href: app.href(sourcePage.path) }, "add " + source.pluralLabel.toLowerCase()), " to pick them here.")
      : null;
    rerender(root, [
      nav(),
      h("datalist", { id: optionsId }, sources.map((s) => h("option", { value: titleOf(s) }))),
      hint,
      h("div", { class: "table-wrap" },
        h("table", { class: "week-grid", "aria-label": weekGridName(source.pluralLabel, title) },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Day"), ...slots.map((slot) => h("th", { scope: "col" }, slot)))),
          h("tbody", {}, days.map((date) => h("tr", {}, h("th", { scope: "row" }, weekdayOf(date)), ...slots.map((slot) => cell(date, slot))))))),
      shopping(days, sources),
    ].filter(Boolean));
  }

  draw();
  return app.store.subscribe(draw);
}
