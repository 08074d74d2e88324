// Sequence section: an ordered selection of records of `itemOf` (a setlist of songs). Each item is
// a record of `entity`, which belongs to `itemOf` and keeps its place in a number field
// ("position", else any field so named, else a stored "position"). Items are picked from a select
// and added at the end, or dragged from the library list onto an item's place (or into the set),
// then reordered with Move up / Move down (or dragged onto another item's place) and removed; the
// list is numbered and `total` sums a value over the items. Library records are dragged as items
// too, with ids "pick:<record id>", so one drop zone per place takes both.
import { h } from "../lib/dom.js";
import { uid } from "../content/ui.js";
import { evaluate, formatValue, toNumber } from "../engine/expr.js";
import { recordTitle } from "../engine/store.js";
import { draggable, dropZone, rerender } from "../widgets/interact.js";
import { addToName, linkField, moveDownName, moveUpName, removeItemName, sequenceLibraryName, sequenceListName, singularLabelOf } from "../widgets/names.js";

/** @import { AppContext, EntitySpec, SectionSpec } from "../engine/app-context" */

/** The field that holds an item's place. */
export function positionFieldOf(entity) {
  const field = entity.fields.find((f) => ["position", "order", "sortOrder", "rank"].includes(f.name) && f.type === "number");
  return field ? field.name : "position";
}

/** Items in their order: by position, then (no position yet) by when they were added. */
export function ordered(items, positionField) {
  const place = (item) => {
    const n = Number(item[positionField]);
    return Number.isFinite(n) && item[positionField] !== null && item[positionField] !== "" ? n : Infinity;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => place(a.item) - place(b.item) || a.index - b.index)
    .map((entry) => entry.item);
}

/** The ids in their new order after moving `id` to `toIndex` (the place of the item it is dropped on). */
export function moveTo(ids, id, toIndex) {
  const from = ids.indexOf(id);
  if (from < 0 || toIndex < 0 || toIndex >= ids.length || from === toIndex) return ids;
  const next = ids.filter((x) => x !== id);
  next.splice(toIndex, 0, id);
  return next;
}

/**
 * @param {HTMLElement} sectionElement
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(sectionElement, section, app) {
  const entity = app.entity(section.entity);
  const source = app.entity(section.itemOf);
  if (!entity || !source) throw new Error("A sequence needs the entities " + section.entity + " and " + section.itemOf);
  const link = linkField(source.name);
  const positionField = positionFieldOf(entity);
  const sourceLabel = singularLabelOf(source.name);
  const title = sectionElement.querySelector("h2") ? String(sectionElement.querySelector("h2").textContent) : section.title || entity.pluralLabel;
  const scope = () => ({ store: app.store, spec: app.spec, today: app.today() });
  const sourcePage = app.spec.pages.find((p) => p.sections.some((s) => s.type === "records" && s.entity === source.name));

  const select = h("select", { id: uid("pick") });
  const picker = h("form", { class: "form sequence-add", "aria-label": addToName(title), novalidate: true },
    h("div", { class: "field" }, h("label", { for: select.id }, sourceLabel), select),
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, addToName(title))));
  const library = h("ul", { class: "sequence-library", "aria-label": sequenceLibraryName(source.pluralLabel, title) });
  const body = h("div", { class: "sequence-body" });
  sectionElement.append(picker, library, body);

  /** Adds a library record at the end, or at `toIndex` (the place of the item it was dropped on). */
  function addPicked(pickedId, toIndex) {
    const picked = pickedId && app.store.get(source.name, pickedId);
    if (!picked) return false;
    const items = app.store.list(entity.name);
    const last = items.reduce((max, item) => Math.max(max, toNumber(item[positionField]) ?? 0), 0);
    const created = app.store.create(entity.name, { [link]: picked.id, [positionField]: last + 1 });
    if (toIndex !== null && created) saveOrder(moveTo(ordered(app.store.list(entity.name), positionField).map((i) => String(i.id)), String(created.id), toIndex));
    app.announce(recordTitle(picked, source) + " added to " + title);
    return true;
  }
  const PICK = "pick:";
  /** A drop on an item's place (or, `toIndex` null, on the set): a library record is added there, an item moved there. */
  const onDrop = (toIndex) => (dropped) => {
    if (dropped.startsWith(PICK)) addPicked(dropped.slice(PICK.length), toIndex);
    else moveItem(dropped, toIndex ?? ordered(app.store.list(entity.name), positionField).length - 1);
  };
  dropZone(body, "item", onDrop(null));

  picker.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!addPicked(select.value, null)) select.focus();
  });

  const itemTitle = (item) => {
    const parent = item[link] ? app.store.get(source.name, String(item[link])) : null;
    return parent ? recordTitle(parent, source) : recordTitle(item, entity);
  };

  /** Writes positions 1…n in this order (only the ones that change). */
  function saveOrder(ids) {
    const items = app.store.list(entity.name);
    ids.forEach((id, index) => {
      const item = items.find((i) => i.id === id);
      if (item && Number(item[positionField]) !== index + 1) app.store.update(entity.name, id, { [positionField]: index + 1 });
    });
  }

  function moveItem(id, toIndex) {
    const ids = ordered(app.store.list(entity.name), positionField).map((i) => String(i.id));
    const next = moveTo(ids, id, toIndex);
    if (next === ids) return;
    saveOrder(next);
    const item = app.store.get(entity.name, id);
    if (item) app.announce(itemTitle(item) + " is now number " + (next.indexOf(id) + 1));
  }

  function removeItem(item) {
    app.store.remove(entity.name, String(item.id));
    app.announce(itemTitle(item) + " removed from " + title);
  }

  /** The value an item adds to the total, when the total is per item (not an aggregate of its own). */
  const perItem = section.total && !("agg" in section.total.of) ? section.total.of : null;

  function totalValue(items) {
    if (!section.total) return null;
    if (!perItem) return evaluate(section.total.of, null, null, scope());
    return items.reduce((sum, item) => sum + (toNumber(evaluate(perItem, item, entity, scope())) ?? 0), 0);
  }

  function row(item, index, count) {
    const id = String(item.id);
    const name = itemTitle(item);
    const amount = perItem ? evaluate(perItem, item, entity, scope()) : null;
    const element = h("li", { class: "sequence-item", tabindex: "-1", "data-focus-key": "item:" + id },
      h("span", { class: "sequence-number", "aria-hidden": "true" }, String(index + 1)),
      h("span", { class: "sequence-title" }, name),
      amount !== null && amount !== "" ? h("span", { class: "sequence-amount muted" }, formatValue(amount, section.total.format || "number")) : null,
      h("span", { class: "sequence-actions" },
        h("button", { type: "button", class: "btn btn-small", "aria-label": moveUpName(name), title: moveUpName(name), disabled: index === 0, "data-focus-key": "item:" + id + ":up", onClick: () => moveItem(id, index - 1) }, h("span", { "aria-hidden": "true" }, "↑")),
        h("button", { type: "button", class: "btn btn-small", "aria-label": moveDownName(name), title: moveDownName(name), disabled: index === count - 1, "data-focus-key": "item:" + id + ":down", onClick: () => moveItem(id, index + 1) }, h("span", { "aria-hidden": "true" }, "↓")),
        h("button", { type: "button", class: "btn btn-small btn-danger", "aria-label": removeItemName(name), "data-focus-key": "item:" + id + ":remove", onClick: () => removeItem(item) }, "Remove")));
    draggable(element, "item", id);
    dropZone(element, "item", onDrop(index));
    return element;
  }

  function draw() {
    const sources = app.store.list(source.name);
    const current = select.value;
    select.replaceChildren(
      h("option", { value: "" }, sources.length ? "Choose a " + sourceLabel.toLowerCase() : "No " + source.pluralLabel.toLowerCase() + " yet"),
      ...sources.map((s) => h("option", { value: String(s.id) }, recordTitle(s, source))));
    select.value = sources.some((s) => String(s.id) === current) ? current : "";
    library.hidden = !sources.length;
    library.replaceChildren(...sources.map((s) => {
      const element = h("li", { class: "sequence-source" }, recordTitle(s, source));
      draggable(element, "item", PICK + String(s.id));
      return element;
    }));

    const items = ordered(app.store.list(entity.name), positionField);
    const listId = uid("sequence");
    const total = section.total ? h("output", { id: uid("total"), class: "sequence-total-value" }, formatValue(totalValue(items), section.total.format || "number")) : null;
    const hint = sourcePage && !sources.length ? h("a", { href: app.href(sourcePage.path) }, "Add " + source.pluralLabel.toLowerCase() + " first") : null;
    rerender(body, [
      items.length
        ? h("ol", { id: listId, class: "sequence-list", "aria-label": sequenceListName(source.pluralLabel, title) }, items.map((item, index) => row(item, index, items.length)))
        : h("p", { class: "empty" }, "Nothing here yet — pick a " + sourceLabel.toLowerCase() + " above and add it. ", hint),
      total ? h("p", { class: "sequence-total" }, h("label", { for: total.id }, section.total.label), " ", total) : null,
    ].filter(Boolean));
  }

  draw();
  return app.store.subscribe(draw);
}
