// Kanban board: one column per status option. Cards move with buttons or drag and drop.
import { h } from "../lib/dom.js";
import { formatValue, plural } from "../lib/format.js";
import { entityByName } from "../schema.js";
import { ValidationError } from "../store.js";
import { emptyState } from "../ui/empty-state.js";
import { fieldControl } from "../ui/fields.js";

export function renderBoardPage(root, { page, store, announce }) {
  const entity = entityByName(page.entity);
  const status = entity.fields.find((f) => f.name === entity.status);
  const columns = status.options;
  const singular = entity.label.toLowerCase();
  // The quick-add form asks only for what a card needs; the rest can be edited later.
  const formFields = entity.fields.filter((f) => f !== status && (f.name === entity.primary || f.required));
  const controls = formFields.map(fieldControl);
  const formError = h("p", { class: "form-error", role: "alert" });
  const form = h("form", { class: "card board-form", novalidate: true, "aria-label": "New " + singular, onSubmit: onSubmit },
    h("div", { class: "form-row" }, controls.map((c) => c.wrapper),
      h("button", { type: "submit", class: "btn btn-primary" }, "Add " + singular)),
    formError);
  const summary = h("p", { class: "board-summary", "aria-live": "polite" });
  const board = h("div", { class: "board" });
  root.append(h("section", { class: "page" },
    h("header", { class: "page-head" }, h("div", {}, h("h1", {}, page.title), summary)),
    form, board));

  function onSubmit(event) {
    event.preventDefault();
    const input = { [status.name]: columns[0] };
    controls.forEach((c) => { input[c.field.name] = c.read(); c.setError(""); });
    formError.textContent = "";
    try {
      store.create(entity.name, input);
      form.reset();
      announce(entity.label + " added to " + columns[0]);
      controls[0].input.focus();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      controls.forEach((c) => c.setError(error.errors[c.field.name]));
      formError.textContent = "Please fix the highlighted fields.";
    }
  }

  function move(record, column) {
    store.update(entity.name, record.id, { [status.name]: column });
    announce("Moved to " + column);
  }

  function card(record) {
    const name = String(record[entity.primary] ?? "#" + record.id);
    const index = Math.max(0, columns.indexOf(record[status.name]));
    const meta = entity.fields
      .filter((f) => f !== status && f.name !== entity.primary && f.type !== "text" && record[f.name] !== null && record[f.name] !== "" && record[f.name] !== false)
      .slice(0, 3)
      .map((f) => h("span", { class: f.type === "enum" ? "badge badge-" + ((f.options || []).indexOf(record[f.name]) % 6) : "chip" }, f.type === "boolean" ? f.label : formatValue(f, record[f.name])));
    const el = h("article", { class: "kanban-card", draggable: "true" },
      h("h3", {}, name),
      meta.length ? h("div", { class: "card-meta" }, meta) : null,
      h("div", { class: "card-actions" },
        index > 0 ? h("button", { type: "button", class: "btn btn-icon", "aria-label": "Move " + name + " to " + columns[index - 1], title: "Move to " + columns[index - 1], onClick: () => move(record, columns[index - 1]) }, "←") : null,
        index < columns.length - 1 ? h("button", { type: "button", class: "btn btn-icon", "aria-label": "Move " + name + " to " + columns[index + 1], title: "Move to " + columns[index + 1], onClick: () => move(record, columns[index + 1]) }, "→") : null,
        h("button", { type: "button", class: "btn btn-icon btn-danger", "aria-label": "Delete " + name, title: "Delete", onClick: () => { store.remove(entity.name, record.id); announce(entity.label + " deleted"); } }, "✕")));
    el.addEventListener("dragstart", (e) => {
      e.dataTransfer.setData("text/plain", String(record.id));
      el.classList.add("is-dragging");
    });
    el.addEventListener("dragend", () => el.classList.remove("is-dragging"));
    return el;
  }

  function render() {
    const records = store.list(entity.name);
    const byColumn = columns.map((column, i) => records.filter((r) => r[status.name] === column || (i === 0 && !columns.includes(r[status.name]))));
    summary.textContent = [plural(records.length, singular, entity.pluralLabel.toLowerCase())]
      .concat(columns.map((c, i) => byColumn[i].length + " " + c.toLowerCase()))
      .join(" · ");
    board.replaceChildren(...columns.map((column, i) => {
      const list = h("div", { class: "column-cards" },
        byColumn[i].length ? byColumn[i].map(card) : h("p", { class: "column-empty" }, "No cards"));
      const col = h("section", { class: "column", "aria-label": column },
        h("header", { class: "column-head" }, h("h2", {}, column), h("span", { class: "count", "aria-hidden": "true" }, String(byColumn[i].length))),
        list);
      col.addEventListener("dragover", (e) => { e.preventDefault(); col.classList.add("is-over"); });
      col.addEventListener("dragleave", () => col.classList.remove("is-over"));
      col.addEventListener("drop", (e) => {
        e.preventDefault();
        col.classList.remove("is-over");
        const record = store.get(entity.name, Number(e.dataTransfer.getData("text/plain")));
        if (record && record[status.name] !== column) move(record, column);
      });
      return col;
    }));
    if (records.length === 0) board.prepend(h("div", { class: "board-empty" }, emptyState("The board is empty", "Add a " + singular + " above; it starts in " + columns[0] + ".")));
  }

  render();
  return store.subscribe(render);
}
