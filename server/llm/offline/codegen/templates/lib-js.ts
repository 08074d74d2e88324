// Shared runtime modules of every generated app: DOM builder, router, formatting, field controls.
// Written as plain modern JS (no backticks, so they embed safely here) for users to read and edit.

export const domJs = String.raw`// Tiny DOM builder. Text is always inserted as text nodes, so user data can never become markup.
const SVG_NS = "http://www.w3.org/2000/svg";

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  append(el, children);
  applyProps(el, props);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function clear(el) {
  el.replaceChildren();
}

function applyProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2).toLowerCase(), value);
    // Properties (not attributes) so they apply after the children, e.g. a select's options.
    else if (key === "value" || key === "checked" || key === "disabled" || key === "hidden") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}
`;

export const routerJs = String.raw`// Hash routing ("#/tasks") so the app works under any path prefix without server rewrites.
export function currentPath() {
  const hash = window.location.hash;
  if (!hash || hash === "#") return "/";
  // Plain anchors such as the skip link ("#main") are not routes.
  if (!hash.startsWith("#/")) return null;
  return decodeURIComponent(hash.slice(1).split("?")[0]) || "/";
}

export function startRouter(onRoute) {
  const handle = () => {
    const path = currentPath();
    if (path !== null) onRoute(path);
  };
  window.addEventListener("hashchange", handle);
  handle();
}

export function hrefFor(path) {
  return "#" + path;
}
`;

export const formatJs = String.raw`// Formatting helpers. Fixed locale so the UI (and its tests) read the same everywhere.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatNumber(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function formatMoney(value) {
  const safe = Number.isFinite(value) ? value : 0;
  const sign = safe < 0 ? "-" : "";
  return sign + "$" + Math.abs(safe).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "2025-03-14" → "Mar 14, 2025" without timezone surprises (no Date parsing). */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return iso || "";
  return MONTHS[Number(match[2]) - 1] + " " + Number(match[3]) + ", " + match[1];
}

export function formatMonth(key) {
  const match = /^(\d{4})-(\d{2})$/.exec(key || "");
  return match ? MONTHS[Number(match[2]) - 1] + " " + match[1].slice(2) : key;
}

export function formatValue(field, value) {
  if (value === null || value === undefined || value === "") return "";
  if (field.type === "number") return formatNumber(value);
  if (field.type === "date") return formatDate(value);
  if (field.type === "boolean") return value ? "Yes" : "No";
  return String(value);
}

export function pad(n, width) {
  return String(n).padStart(width || 2, "0");
}

export function plural(count, singular, pluralForm) {
  return count + " " + (count === 1 ? singular : pluralForm);
}
`;

export const fieldsJs = String.raw`// Form controls for schema fields: one labelled control per field, with an inline error slot.
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
`;

export const emptyStateJs = String.raw`// Friendly empty states with a small inline illustration.
import { h, svg } from "../lib/dom.js";

export function emptyState(title, message, ...actions) {
  const icon = svg("svg", { viewBox: "0 0 48 48", width: 48, height: 48, "aria-hidden": "true", class: "empty-icon" },
    svg("rect", { x: 8, y: 10, width: 32, height: 28, rx: 6, class: "empty-icon-frame" }),
    svg("path", { d: "M16 20h16M16 26h10", class: "empty-icon-lines" }));
  return h("div", { class: "empty" }, icon, h("h3", {}, title), h("p", { class: "muted" }, message), actions.length ? h("div", { class: "empty-actions" }, actions) : null);
}
`;

export const infoPageJs = String.raw`// A simple content page, used for plan pages that are not tied to an entity or tool.
import { h } from "../lib/dom.js";

export function renderInfoPage(root, { page }) {
  root.append(h("section", { class: "page" },
    h("header", { class: "page-head" }, h("div", {}, h("h1", {}, page.title), h("p", { class: "muted" }, page.purpose)))));
}
`;
