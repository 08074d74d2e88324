// Board section (kanban): one column per option of the enum `columnField`, in order, each a
// region and a list named by the option; the records are cards in the column of their value.
// A card moves with its buttons ("Move Fix login to Done", to the next and previous column) or by
// dragging it onto another column (with `drag`); the form above adds a card to a chosen column.
import { h } from "../lib/dom.js";
import { uid } from "../content/ui.js";
import { formatValue } from "../engine/expr.js";
import { recordTitle } from "../engine/store.js";
import { draggable, dropZone, rerender } from "../widgets/interact.js";
import { boardColumnsName, moveCardName, singularWords } from "../widgets/names.js";

/** @import { AppContext, EntitySpec, FieldSpec, SectionSpec } from "../engine/app-context" */

/** The column a record is in: its value, or the field's default (else the first column) when it has none that fits. */
export function columnOf(record, field) {
  const options = field.options || [];
  const value = record[field.name];
  if (typeof value === "string" && options.includes(value)) return value;
  return typeof field.defaultValue === "string" && options.includes(field.defaultValue) ? field.defaultValue : options[0];
}

/** A short line of a card's other fields ("Due 2026-03-10 · Sam"), the column field and the title left out. */
function detailsOf(record, entity, columnField) {
  const parts = [];
  for (const field of entity.fields.slice(1)) {
    if (field.name === columnField || parts.length >= 3) continue;
    const value = record[field.name];
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
    const text = field.type === "boolean" ? (value ? field.label : "") : field.type === "money" ? formatValue(value, "money", { unit: field.unit }) : Array.isArray(value) ? value.join(", ") : String(value) + (field.unit ? " " + field.unit : "");
    if (text) parts.push(field.type === "boolean" ? text : field.label + ": " + text);
  }
  return parts.join(" · ");
}

/**
 * @param {HTMLElement} sectionElement
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(sectionElement, section, app) {
  const entity = app.entity(section.entity);
  const field = entity && entity.fields.find((f) => f.name === section.columnField);
  if (!entity || !field || !(field.options || []).length) throw new Error("A board needs an enum field " + section.columnField + " with options");
  const columns = /** @type {string[]} */ (field.options);
  const titleField = entity.fields[0];
  const noun = singularWords(entity.name);
  const canDrag = section.drag !== false;

  const form = addForm();
  const boardTitle = sectionElement.querySelector("h2") ? String(sectionElement.querySelector("h2").textContent) : section.title || "Board";
  const board = h("div", { class: "board", role: "group", "aria-label": boardColumnsName(boardTitle) });
  sectionElement.append(form, board);

  function move(id, column) {
    const record = app.store.get(entity.name, id);
    if (!record || columnOf(record, field) === column) return;
    app.store.update(entity.name, id, { [field.name]: column });
    app.announce(recordTitle(record, entity) + " moved to " + column);
  }

  function addForm() {
    const titleInput = h("input", { id: uid("card-title"), type: "text", autocomplete: "off" });
    const columnSelect = h("select", { id: uid("card-column") }, columns.map((c) => h("option", { value: c }, c)));
    columnSelect.value = typeof field.defaultValue === "string" && columns.includes(field.defaultValue) ? field.defaultValue : columns[0];
    const error = h("p", { class: "field-error", "aria-live": "polite" });
    const element = h("form", { class: "form board-add", "aria-label": "Add " + noun, novalidate: true },
      h("div", { class: "field board-add-title" }, h("label", { for: titleInput.id }, titleField.label), titleInput, error),
      h("div", { class: "field" }, h("label", { for: columnSelect.id }, field.label), columnSelect),
      h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Add " + noun)));
    element.addEventListener("submit", (event) => {
      event.preventDefault();
      const title = titleInput.value.trim();
      error.textContent = title ? "" : titleField.label + " is required";
      titleInput.setAttribute("aria-invalid", String(!title));
      if (!title) return titleInput.focus();
      app.store.create(entity.name, { [titleField.name]: title, [field.name]: columnSelect.value });
      app.announce("Added " + title + " to " + columnSelect.value);
      titleInput.value = "";
      titleInput.focus();
    });
    return element;
  }

  function card(record, index) {
    const title = recordTitle(record, entity);
    const id = String(record.id);
    const prev = columns[index - 1];
    const next = columns[index + 1];
    const details = detailsOf(record, entity, field.name);
    const element = h("li", { class: "board-card", tabindex: "-1", "data-focus-key": "card:" + id },
      h("span", { class: "board-card-title" }, title),
      details ? h("span", { class: "board-card-details muted" }, details) : null,
      h("span", { class: "board-card-actions" },
        prev ? h("button", { type: "button", class: "btn btn-small", "aria-label": moveCardName(title, prev), title: moveCardName(title, prev), "data-focus-key": "card:" + id + ":prev", onClick: () => move(id, prev) }, h("span", { "aria-hidden": "true" }, "← " + prev)) : null,
        next ? h("button", { type: "button", class: "btn btn-small", "aria-label": moveCardName(title, next), title: moveCardName(title, next), "data-focus-key": "card:" + id + ":next", onClick: () => move(id, next) }, h("span", { "aria-hidden": "true" }, next + " →")) : null));
    if (canDrag) draggable(element, "card", id);
    return element;
  }

  function column(name, index, records) {
    const headingId = uid("column");
    const cards = records.filter((r) => columnOf(r, field) === name);
    const element = h("section", { class: "board-column", "aria-labelledby": headingId },
      h("div", { class: "board-column-head" },
        h("h3", { id: headingId, class: "board-column-title" }, name),
        h("span", { class: "badge board-column-count" }, cards.length + (cards.length === 1 ? " card" : " cards"))),
      h("ul", { class: "board-cards", "aria-labelledby": headingId }, cards.map((r) => card(r, index))),
      cards.length ? null : h("p", { class: "board-empty muted" }, canDrag ? "No cards — drag one here or add one above." : "No cards yet."));
    if (canDrag) dropZone(element, "card", (id) => move(id, name));
    return element;
  }

  function draw() {
    const records = app.store.list(entity.name);
    board.style.setProperty("--board-columns", String(columns.length));
    rerender(board, columns.map((name, index) => column(name, index, records)));
  }

  draw();
  return app.store.subscribe(draw);
}
