// One entity's page: a form to add or edit records and a searchable table of them.
import { h } from "../lib/dom.js";
import { formatValue, plural } from "../lib/format.js";
import { entityByName, parentKey } from "../schema.js";
import { ValidationError } from "../store.js";
import { emptyState } from "../ui/empty-state.js";
import { fieldControl, parentControl } from "../ui/fields.js";

const MAX_COLUMNS = 5;

export function renderCrudPage(root, { page, store, announce }) {
  const entity = entityByName(page.entity);
  const parents = entity.parents.map(entityByName).filter(Boolean);
  const singular = entity.label.toLowerCase();
  const plural_ = entity.pluralLabel.toLowerCase();
  let editingId = null;
  let query = "";

  const controls = entity.fields.map(fieldControl);
  const parentControls = parents.map((parent) => ({ parent, control: parentControl(parent, parentKey(parent.name)) }));
  const formTitle = h("h2", { class: "card-title" });
  const formError = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { type: "submit", class: "btn btn-primary" });
  const cancel = h("button", { type: "button", class: "btn btn-ghost", onClick: resetForm }, "Cancel");
  const form = h("form", { class: "card form", novalidate: true, "aria-labelledby": "form-title", onSubmit: onSubmit },
    formTitle,
    h("div", { class: "form-grid" }, controls.map((c) => c.wrapper), parentControls.map((p) => p.control.wrapper)),
    formError,
    h("div", { class: "form-actions" }, submit, cancel));
  formTitle.id = "form-title";

  const search = h("input", { type: "search", id: "search-" + entity.name, placeholder: "Search " + plural_ + "…", autocomplete: "off", onInput: (e) => { query = e.target.value.trim().toLowerCase(); renderList(); } });
  const count = h("p", { class: "muted" });
  const listBody = h("div", { class: "list-body" });
  const list = h("section", { class: "card list", "aria-label": entity.pluralLabel },
    h("div", { class: "toolbar" },
      h("label", { for: search.id, class: "sr-only" }, "Search " + plural_),
      h("div", { class: "search" }, search)),
    listBody);

  root.append(h("section", { class: "page" },
    h("header", { class: "page-head" }, h("div", {}, h("h1", {}, entity.pluralLabel), count)),
    h("div", { class: "split" }, form, list)));

  function resetForm() {
    editingId = null;
    form.reset();
    controls.forEach((c) => c.setError(""));
    parentControls.forEach((p) => p.control.setError(""));
    formError.textContent = "";
    formTitle.textContent = "New " + singular;
    submit.textContent = "Add " + singular;
    cancel.hidden = true;
  }

  function startEdit(record) {
    resetForm();
    editingId = record.id;
    controls.forEach((c) => c.write(record[c.field.name]));
    parentControls.forEach((p) => p.control.write(record[parentKey(p.parent.name)]));
    formTitle.textContent = "Edit " + singular;
    submit.textContent = "Save " + singular;
    cancel.hidden = false;
    form.scrollIntoView({ block: "nearest" });
    controls[0].input.focus();
  }

  function onSubmit(event) {
    event.preventDefault();
    const input = {};
    controls.forEach((c) => { input[c.field.name] = c.read(); });
    parentControls.forEach((p) => { input[parentKey(p.parent.name)] = p.control.read(); });
    controls.forEach((c) => c.setError(""));
    parentControls.forEach((p) => p.control.setError(""));
    try {
      if (editingId === null) {
        store.create(entity.name, input);
        announce(entity.label + " added");
      } else {
        store.update(entity.name, editingId, input);
        announce(entity.label + " saved");
      }
      resetForm();
      controls[0].input.focus();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const c of controls) c.setError(error.errors[c.field.name]);
      for (const p of parentControls) p.control.setError(error.errors[parentKey(p.parent.name)]);
      formError.textContent = "Please fix the highlighted fields.";
    }
  }

  function parentName(parent, id) {
    const record = id === null || id === undefined ? null : store.get(parent.name, id);
    return record ? String(record[parent.primary] ?? "") : "";
  }

  function matches(record) {
    if (!query) return true;
    const texts = entity.fields.map((f) => formatValue(f, record[f.name]));
    parents.forEach((p) => texts.push(parentName(p, record[parentKey(p.name)])));
    return texts.some((t) => t.toLowerCase().includes(query));
  }

  function cell(field, record) {
    const value = record[field.name];
    if (field.type === "boolean") {
      const box = h("input", { type: "checkbox", checked: Boolean(value), "aria-label": field.label + ": " + record[entity.primary],
        onChange: () => store.update(entity.name, record.id, { [field.name]: box.checked }) });
      return h("td", { class: "cell-check" }, box);
    }
    if (value === null || value === undefined || value === "") return h("td", { class: "muted" }, "—");
    if (field.type === "enum") {
      const index = (field.options || []).indexOf(value);
      return h("td", {}, h("span", { class: "badge badge-" + (index % 6) }, value));
    }
    if (field.type === "url") return h("td", {}, h("a", { href: value, target: "_blank", rel: "noopener noreferrer" }, value.replace(/^https?:\/\//, "")));
    if (field.type === "email") return h("td", {}, h("a", { href: "mailto:" + value }, value));
    if (field.type === "number") return h("td", { class: "num" }, formatValue(field, value));
    return h("td", { class: field.type === "text" ? "cell-text" : null }, formatValue(field, value));
  }

  function renderList() {
    const records = store.list(entity.name).reverse();
    const shown = records.filter(matches);
    count.textContent = plural(records.length, singular, plural_);
    parentControls.forEach((p) => p.control.setOptions(store.list(p.parent.name), p.parent.primary));
    if (records.length === 0) {
      listBody.replaceChildren(emptyState("No " + plural_ + " yet", "Use the form to add your first " + singular + "."));
      return;
    }
    if (shown.length === 0) {
      listBody.replaceChildren(emptyState("No matches", "No " + plural_ + " match your search."));
      return;
    }
    const primary = entity.fields.find((f) => f.name === entity.primary);
    const columns = [primary, ...entity.fields.filter((f) => f !== primary)].slice(0, MAX_COLUMNS);
    const table = h("table", {},
      h("thead", {}, h("tr", {}, columns.map((f) => h("th", { scope: "col", class: f.type === "number" ? "num" : null }, f.label)), parents.map((p) => h("th", { scope: "col" }, p.label)), h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Actions")))),
      h("tbody", {}, shown.map((record) => {
        const name = String(record[entity.primary] ?? "#" + record.id);
        return h("tr", { class: editingId === record.id ? "is-editing" : null },
          columns.map((f) => (f === primary ? h("th", { scope: "row" }, name) : cell(f, record))),
          parents.map((p) => h("td", {}, parentName(p, record[parentKey(p.name)]) || "—")),
          h("td", { class: "row-actions" },
            h("button", { type: "button", class: "btn btn-small", "aria-label": "Edit " + name, onClick: () => startEdit(store.get(entity.name, record.id)) }, "Edit"),
            h("button", { type: "button", class: "btn btn-small btn-danger", "aria-label": "Delete " + name, onClick: () => {
              store.remove(entity.name, record.id);
              if (editingId === record.id) resetForm();
              announce(entity.label + " deleted");
            } }, "Delete")));
      })));
    listBody.replaceChildren(h("div", { class: "table-wrap" }, table));
  }

  resetForm();
  renderList();
  return store.subscribe(renderList);
}
