// The form controls of a record: one labelled control per field, the right kind for its type
// (enum → select, or checkboxes in a group when it holds several; boolean → checkbox; rating →
// select 1..max; date → date input; money/number → number input with a step), a select per
// parent ("Member", listing members by title), checkboxes of another kind's records for a pick
// ("Starting 11": players, at most 11), and validation whose message sits next to the
// field (aria-invalid + aria-describedby); image → a file input whose picture is shrunk and kept
// as a small data URL, with a preview and a remove button. Used by the records section (add and
// edit) and the form section.
import { h } from "../lib/dom.js";
import { parentField, singularOf, titleOf } from "./names.js";
import { isPhotoValue, shrinkPhoto } from "./photo.js";

let uid = 0;

const inputTypes = { email: "email", phone: "tel", url: "url", time: "time", date: "date", number: "number", money: "number" };

/** ISO date (YYYY-MM-DD) of a local Date. */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}

/**
 * One field's control.
 * @returns {{ name: string, element: HTMLElement, read: () => unknown, write: (value: unknown) => void, focus: () => void, setError: (message: string) => void, isEmpty: () => boolean, ready?: () => Promise<unknown> | null }}
 */
function fieldControl(field) {
  const id = "rf-" + field.name + "-" + ++uid;
  const errorId = id + "-error";
  const error = h("p", { class: "field-error", id: errorId });
  const mark = field.required ? h("span", { class: "required", "aria-hidden": "true" }, " *") : null;
  const label = h("label", { for: id }, field.label);

  if (field.type === "image") return photoControl(field, { id, errorId, error, mark, label });

  if (field.type === "enum" && field.multiple) {
    const boxes = (field.options || []).map((option, i) => {
      const box = h("input", { type: "checkbox", id: id + "-" + i, value: option });
      return { option, box, element: h("label", { class: "field-check", for: id + "-" + i }, box, option) };
    });
    const legendId = id + "-legend";
    const group = h("fieldset", { class: "field field-options", role: "group", "aria-labelledby": legendId, "aria-describedby": errorId },
      h("legend", { id: legendId }, field.label), mark, h("div", { class: "field-options-list" }, boxes.map((b) => b.element)), error);
    return {
      name: field.name,
      element: group,
      read: () => boxes.filter((b) => b.box.checked).map((b) => b.option),
      write: (value) => boxes.forEach((b) => (b.box.checked = Array.isArray(value) && value.includes(b.option))),
      focus: () => boxes[0] && boxes[0].box.focus(),
      isEmpty: () => !boxes.some((b) => b.box.checked),
      setError: (message) => setError(group, error, message),
    };
  }

  if (field.type === "boolean") {
    const box = h("input", { type: "checkbox", id, name: field.name, "aria-describedby": errorId });
    return {
      name: field.name,
      element: h("div", { class: "field field-check" }, box, label, error),
      read: () => box.checked,
      write: (value) => (box.checked = value === true),
      focus: () => box.focus(),
      isEmpty: () => false,
      setError: (message) => setError(box, error, message),
    };
  }

  /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
  let input;
  if (field.type === "enum") {
    input = h("select", { id, name: field.name, "aria-describedby": errorId },
      h("option", { value: "" }, "Choose…"), (field.options || []).map((option) => h("option", { value: option }, option)));
  } else if (field.type === "rating") {
    const max = field.max || 5;
    const values = Array.from({ length: max - (field.min || 1) + 1 }, (_, i) => (field.min || 1) + i);
    input = h("select", { id, name: field.name, "aria-describedby": errorId },
      h("option", { value: "" }, "No rating"), values.map((n) => h("option", { value: String(n) }, n + (n === 1 ? " star" : " stars"))));
  } else if (field.type === "text") {
    input = h("textarea", { id, name: field.name, rows: 3, "aria-describedby": errorId });
  } else {
    const isNumber = field.type === "number" || field.type === "money";
    input = h("input", {
      id, name: field.name, type: inputTypes[field.type] || "text", "aria-describedby": errorId,
      step: field.type === "money" ? "0.01" : isNumber ? "any" : null,
      min: isNumber && typeof field.min === "number" ? field.min : null,
      max: isNumber && typeof field.max === "number" ? field.max : null,
      inputmode: isNumber ? "decimal" : null,
      autocomplete: field.type === "email" ? "email" : field.type === "phone" ? "tel" : "off",
    });
  }
  const unit = field.unit && (field.type === "number" || field.type === "money") ? h("span", { class: "field-unit muted" }, field.unit) : null;
  const isNumeric = field.type === "number" || field.type === "money" || field.type === "rating";
  return {
    name: field.name,
    element: h("div", { class: "field" }, h("span", { class: "field-label-row" }, label, mark), unit ? h("span", { class: "field-with-unit" }, input, unit) : input, error),
    read: () => {
      const raw = input.value.trim();
      if (isNumeric) return raw === "" || !Number.isFinite(Number(raw)) ? null : Number(raw);
      return raw;
    },
    write: (value) => (input.value = value === null || value === undefined ? "" : String(value)),
    focus: () => input.focus(),
    isEmpty: () => input.value.trim() === "",
    setError: (message) => setError(input, error, message),
  };
}

/**
 * A picture: a file input; the chosen file is shrunk (records/photo.js) while the form waits for
 * it (`ready`), previewed, and kept as a data URL; "Remove <label>" clears it.
 */
function photoControl(field, { id, errorId, error, mark, label }) {
  /** @type {string | null} */
  let value = null;
  /** The photo being shrunk, until it is done. */
  /** @type {Promise<unknown> | null} */
  let pending = null;
  const input = h("input", { id, name: field.name, type: "file", accept: "image/*", "aria-describedby": errorId });
  const preview = h("img", { class: "field-photo-preview", alt: "Chosen " + field.label.toLowerCase(), hidden: true });
  const remove = h("button", { type: "button", class: "btn btn-small", hidden: true, onClick: () => show(null) }, "Remove " + field.label.toLowerCase());
  const status = h("p", { class: "field-hint", "aria-live": "polite" });
  const show = (/** @type {string | null} */ next) => {
    value = next;
    if (next) preview.setAttribute("src", next);
    else preview.removeAttribute("src");
    preview.hidden = !next;
    remove.hidden = !next;
    if (!next) input.value = "";
  };
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (!file) return;
    status.textContent = "Preparing the " + field.label.toLowerCase() + "…";
    setError(input, error, "");
    const shrinking = shrinkPhoto(file).then((url) => {
      show(url);
      status.textContent = "";
    }, () => {
      show(null);
      status.textContent = "";
      setError(input, error, "That file is not a picture this app can read: choose a JPEG or PNG photo");
    }).finally(() => {
      if (pending === shrinking) pending = null;
    });
    pending = shrinking;
  });
  return {
    name: field.name,
    element: h("div", { class: "field field-photo" }, h("span", { class: "field-label-row" }, label, mark), input, h("div", { class: "field-photo-chosen" }, preview, remove), status, error),
    read: () => value,
    write: (next) => {
      setError(input, error, "");
      status.textContent = "";
      show(isPhotoValue(next) ? String(next) : null);
    },
    focus: () => input.focus(),
    isEmpty: () => !value,
    setError: (message) => setError(input, error, message),
    ready: () => pending,
  };
}

function setError(control, error, message) {
  error.textContent = message;
  if (message) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
}

/**
 * Records of another kind picked for this one ("Starting 11": players for a match): a group of
 * checkboxes, one per record labelled by its title, kept by id. With `maxChoices`, a count says
 * how many are picked and, once that many are, the others cannot be ticked.
 */
function pickControl(field, app) {
  const source = app.entity(field.ref);
  const id = "rk-" + field.name + "-" + ++uid;
  const legendId = id + "-legend";
  const errorId = id + "-error";
  const error = h("p", { class: "field-error", id: errorId });
  const count = h("p", { class: "field-hint", "aria-live": "polite" });
  const list = h("div", { class: "field-options-list" });
  const group = h("fieldset", { class: "field field-options field-picks", role: "group", "aria-labelledby": legendId, "aria-describedby": errorId },
    h("legend", { id: legendId }, field.label), list, count, error);
  const max = typeof field.maxChoices === "number" ? field.maxChoices : null;
  /** @type {Set<string>} */
  let chosen = new Set();
  /** @type {HTMLInputElement[]} */
  let boxes = [];
  const plural = source ? String(source.pluralLabel).toLowerCase() : "records";
  function update() {
    const isFull = max !== null && chosen.size >= max;
    for (const box of boxes) box.disabled = isFull && !box.checked;
    count.textContent = max !== null ? chosen.size + " of " + max + " chosen" + (isFull ? " — untick one to choose another" : "") : chosen.size ? chosen.size + " chosen" : "";
  }
  function fill() {
    const records = source ? app.store.list(source.name) : [];
    boxes = records.map((record, i) => {
      const box = h("input", { type: "checkbox", id: id + "-" + i, value: String(record.id), checked: chosen.has(String(record.id)) });
      box.addEventListener("change", () => {
        if (box.checked) chosen.add(box.value);
        else chosen.delete(box.value);
        update();
      });
      return box;
    });
    list.replaceChildren(...(records.length
      ? records.map((record, i) => h("label", { class: "field-check", for: id + "-" + i }, boxes[i], titleOf(record, source)))
      : [h("p", { class: "field-hint" }, "No " + plural + " yet — add them first.")]));
    update();
  }
  fill();
  return {
    name: field.name,
    element: group,
    read: () => [...chosen],
    write: (value) => {
      chosen = new Set(Array.isArray(value) ? value.map(String) : []);
      for (const box of boxes) box.checked = chosen.has(box.value);
      update();
    },
    focus: () => boxes[0] && boxes[0].focus(),
    isEmpty: () => chosen.size === 0,
    setError: (message) => setError(group, error, message),
    refresh: fill,
  };
}

/** A select of the parent's records by title, labelled with the parent's singular label. */
function parentControl(parent, store) {
  const id = "rp-" + parent.name + "-" + ++uid;
  const select = h("select", { id, name: parentField(parent.name) });
  const hint = h("p", { class: "field-hint" });
  const fill = () => {
    const chosen = select.value;
    const records = store.list(parent.name);
    select.replaceChildren(h("option", { value: "" }, "Choose…"), ...records.map((r) => h("option", { value: String(r.id) }, titleOf(r, parent))));
    select.value = records.some((r) => String(r.id) === chosen) ? chosen : "";
    hint.textContent = records.length ? "" : "No " + String(parent.pluralLabel).toLowerCase() + " yet — add one first.";
  };
  fill();
  return {
    name: parentField(parent.name),
    element: h("div", { class: "field" }, h("label", { for: id }, singularOf(parent)), select, hint),
    read: () => select.value || null,
    write: (value) => {
      select.value = value ? String(value) : "";
    },
    focus: () => select.focus(),
    isEmpty: () => !select.value,
    setError: () => {},
    refresh: fill,
  };
}

/**
 * The controls for a record of `entity`: `fieldNames` (default all fields) and, when `withParents`,
 * a select per parent; `todayField` starts at today's date. read() gives the values to store; validate() marks what is missing or out
 * of range and returns the first bad control (null when all is well).
 */
export function recordControls(entity, app, { fieldNames = null, withParents = true, todayField = null } = {}) {
  const fields = fieldNames ? fieldNames.map((name) => entity.fields.find((f) => f.name === name)).filter(Boolean) : entity.fields;
  const controls = fields.map((field) => ({ field, control: field.ref && field.type === "enum" && field.multiple ? pickControl(field, app) : fieldControl(field) }));
  const parents = withParents ? (entity.belongsTo || []).map((name) => app.entity(name)).filter(Boolean).map((parent) => parentControl(parent, app.store)) : [];

  /** The values a new record starts with: defaults, today for a "Date" field (and the one-per-date field). */
  function reset() {
    for (const { field, control } of controls) {
      if (field.defaultValue !== undefined) control.write(field.defaultValue);
      else if (field.type === "date" && (field.name === "date" || field.name === todayField)) control.write(isoDay(app.today()));
      else control.write(field.type === "enum" && field.multiple ? [] : "");
      control.setError("");
    }
    for (const parent of parents) parent.write("");
  }

  return {
    elements: [...controls.map((c) => c.control.element), ...parents.map((p) => p.element)],
    reset,
    read() {
      /** @type {Record<string, unknown>} */
      const values = {};
      for (const { control } of controls) values[control.name] = control.read();
      for (const parent of parents) values[parent.name] = parent.read();
      return values;
    },
    write(record) {
      for (const { control } of controls) control.write(record[control.name]);
      for (const parent of parents) parent.write(record[parent.name]);
      for (const { control } of controls) control.setError("");
    },
    /** A promise that settles once every control has its value (a photo still being shrunk), or null when all have it now. */
    ready() {
      const waits = controls.map(({ control }) => (control.ready ? control.ready() : null)).filter(Boolean);
      return waits.length ? Promise.all(waits) : null;
    },
    validate() {
      let first = null;
      for (const { field, control } of controls) {
        const message = problemOf(field, control);
        control.setError(message);
        if (message && !first) first = control;
      }
      return first;
    },
    refreshParents() {
      for (const parent of parents) parent.refresh();
      for (const { control } of controls) if ("refresh" in control && typeof control.refresh === "function") control.refresh();
    },
    focusFirst() {
      const first = controls[0] ? controls[0].control : parents[0];
      if (first) first.focus();
    },
  };
}

/** What is wrong with a control's value, in words for the person filling it in ("" when nothing). */
function problemOf(field, control) {
  if (field.required && control.isEmpty()) return field.type === "enum" || field.type === "image" ? "Choose " + article(field.label) : "Enter " + article(field.label);
  const value = control.read();
  if ((field.type === "number" || field.type === "money") && !control.isEmpty()) {
    if (value === null) return field.label + " must be a number";
    if (typeof field.min === "number" && value < field.min) return field.label + " must be at least " + field.min;
    if (typeof field.max === "number" && value > field.max) return field.label + " must be at most " + field.max;
  }
  if (field.type === "enum" && field.multiple && typeof field.maxChoices === "number" && Array.isArray(value) && value.length > field.maxChoices) return "Choose at most " + field.maxChoices;
  if (field.type === "email" && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value))) return "Enter an email address like name@example.com";
  return "";
}

/** "a name", "an email" — lower case unless the label is an acronym. */
function article(label) {
  const text = /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
  return (/^[aeiou]/i.test(text) ? "an " : "a ") + text;
}
