// Finding things in a rendered page the way a user does (by label, by button name) in happy-dom.

/** A fresh container in the document, like the app shell's <main>. */
export function mount() {
  document.body.replaceChildren();
  const root = document.createElement("main");
  document.body.append(root);
  return root;
}

/** The form control labelled `text` (a <label for> pointing at it). */
export function byLabel(root, text) {
  const label = [...root.querySelectorAll("label")].find((l) => l.textContent.trim() === text);
  if (!label) throw new Error(`No label "${text}"`);
  const control = root.ownerDocument.getElementById(label.getAttribute("for"));
  if (!control) throw new Error(`Label "${text}" points at nothing`);
  return control;
}

/** The button whose accessible name (aria-label, else its text) is `name`. */
export function button(root, name) {
  const found = [...root.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent.trim()) === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

/** Types a value into a control the way the browser reports it: an input and a change event. */
export function type(control, value) {
  control.value = value;
  control.dispatchEvent(new Event("input", { bubbles: true }));
  control.dispatchEvent(new Event("change", { bubbles: true }));
}

export function choose(select, value) {
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  select.dispatchEvent(new Event("input", { bubbles: true }));
}

export const click = (el) => el.dispatchEvent(new MouseEvent("click", { bubbles: true }));

/** Text of every element matching `selector`, trimmed. */
export const texts = (root, selector) => [...root.querySelectorAll(selector)].map((el) => el.textContent.trim());

export const textOf = (root, selector) => root.querySelector(selector)?.textContent.trim() ?? null;
