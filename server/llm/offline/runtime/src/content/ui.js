// Building blocks shared by the quiz, flashcards, tools and timers, so every one of them follows
// the UI conventions the acceptance checks rely on: every control has a <label for>, every
// computed figure is an <output> with a <label>, buttons have visible names.
import { h } from "../lib/dom.js";

let counter = 0;

/** A document-unique id, so two sections of one page never share a label target. */
export function uid(prefix) {
  counter += 1;
  return prefix + "-" + counter;
}

/** A labelled control: <div class="field"><label for>…</label>control</div>. */
export function field(label, control, hint) {
  if (!control.id) control.id = uid("field");
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control, hint ? h("p", { class: "muted field-hint" }, hint) : null);
}

/** A number input that keeps what the user typed (no browser rounding) and accepts decimals. */
export function numberInput(value, attrs) {
  return h("input", { id: uid("num"), type: "number", inputmode: "decimal", step: "any", value: value === undefined || value === null ? "" : String(value), ...attrs });
}

/** A checkbox with its label after it. */
export function checkbox(label, checked) {
  const box = h("input", { id: uid("check"), type: "checkbox", checked: Boolean(checked) });
  return { box, element: h("div", { class: "field-check" }, box, h("label", { for: box.id }, label)) };
}

/**
 * A computed figure: a <label> naming an <output>, and a unit shown after the value. The output's
 * text is the value (with its unit) and nothing else, so a check reading it gets the number.
 */
export function figure(label, extraClass) {
  const output = h("output", { id: uid("out"), class: "figure-value", "aria-live": "polite" });
  const element = h("div", { class: "figure" + (extraClass ? " " + extraClass : "") }, h("label", { for: output.id, class: "figure-label" }, label), output);
  return { element, output, set: (text) => void (output.textContent = text) };
}

/** Reads a number from an input; null when empty or not a number. */
export function readNumber(input) {
  const text = String(input.value).trim().replace(/,/g, "");
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function button(label, onClick, variant, attrs) {
  return h("button", { type: "button", class: "btn" + (variant ? " btn-" + variant : ""), onClick, ...attrs }, label);
}
