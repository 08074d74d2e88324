// Form controls for schema fields: one labelled control per field, with an inline error slot.
import { h } from "../lib/dom.js";

let uid = 0;

export function fieldControl(field) {
  const id = "field-" + field.name + "-" + ++uid;
  const errorId = id + "-error";
  const error = h("p", { class: "field-error", id: errorId });
  let input;
  if (field.type === "text") {
    input = h("textarea", { id, name: field.name, rows: 3, "aria-describedby": errorId });
  } else if (field.type === "enum") {
    input = h("select", { id, name: field.name, "aria-describedby": errorId },
      field.required ? null : h("option", { value: "" }, "—"),
      (field.options || []).map((option) => h("option", { value: option }, option)));
  } else if (field.type === "boolean") {
    input = h("input", { id, name: field.name, type: "checkbox" });
    const wrapper = h("div", { class: "field field-check" }, input, h("label", { for: id }, field.label), error);
    return control(field, wrapper, input, error);
  } else {
    const types = { number: "number", date: "date", email: "email", url: "url" };
    input = h("input", {
      id, name: field.name, type: types[field.type] || "text", "aria-describedby": errorId,
      step: field.type === "number" ? "any" : null,
      inputmode: field.type === "number" ? "decimal" : null,
      autocomplete: field.type === "email" ? "email" : "off",
    });
  }
  // The required mark sits outside the label so the label text (the accessible name) stays exact.
  const label = h("div", { class: "field-label" }, h("label", { for: id }, field.label), field.required ? h("span", { class: "required", "aria-hidden": "true" }, "*") : null);
  if (field.required) input.setAttribute("aria-required", "true");
  const wrapper = h("div", { class: field.type === "text" ? "field field-wide" : "field" }, label, input, error);
  return control(field, wrapper, input, error);
}

/** A select of parent records, e.g. the Contact of a Deal. */
export function parentControl(parent, key) {
  const id = "field-" + key + "-" + ++uid;
  const error = h("p", { class: "field-error", id: id + "-error" });
  const input = h("select", { id, name: key, "aria-describedby": id + "-error" });
  const wrapper = h("div", { class: "field" }, h("label", { for: id }, parent.label), input, error);
  const base = control({ name: key, type: "parent" }, wrapper, input, error);
  base.setOptions = (records, primary) => {
    const current = input.value;
    input.replaceChildren(
      h("option", { value: "" }, records.length ? "— Choose a " + parent.label.toLowerCase() + " —" : "No " + parent.pluralLabel.toLowerCase() + " yet"),
      ...records.map((r) => h("option", { value: String(r.id) }, String(r[primary] ?? "#" + r.id))),
    );
    input.value = records.some((r) => String(r.id) === current) ? current : "";
  };
  return base;
}

function control(field, wrapper, input, error) {
  return {
    field, wrapper, input,
    read() {
      if (field.type === "boolean") return input.checked;
      if (field.type === "parent") return input.value ? Number(input.value) : null;
      return input.value;
    },
    write(value) {
      if (field.type === "boolean") input.checked = Boolean(value);
      else input.value = value === null || value === undefined ? "" : String(value);
    },
    setError(message) {
      error.textContent = message || "";
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    },
  };
}
