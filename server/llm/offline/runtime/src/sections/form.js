// A form that adds a record to an entity (a contact message, a booking request, an RSVP) and
// thanks the sender. The form is named by the section's heading; its fields are the section's
// (default: all the entity's fields and its parents); required fields refuse to be empty with a
// message next to them; after sending, the section's thanks appear in a status region and the
// form is cleared for the next person.
import { h } from "../lib/dom.js";
import { recordControls } from "../records/fields.js";

/** @import { AppContext, SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(element, section, app) {
  const entity = app.entity(section.entity);
  if (!entity) throw new Error("No entity " + section.entity);
  const fieldNames = Array.isArray(section.fields) && section.fields.length ? section.fields : null;
  const controls = recordControls(entity, app, { fieldNames, withParents: !fieldNames });
  const thanks = h("p", { class: "form-thanks", role: "status" });
  const form = h("form", { class: "card form data-form", "aria-labelledby": element.getAttribute("aria-labelledby"), novalidate: true },
    h("div", { class: "records-fields" }, controls.elements),
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, section.submitLabel || "Send")));
  controls.reset();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // A photo may still be being shrunk: wait for it, or the record would be sent without it.
    const waiting = controls.ready();
    if (waiting) await waiting;
    const bad = controls.validate();
    if (bad) {
      thanks.textContent = "";
      bad.focus();
      return;
    }
    app.store.create(entity.name, controls.read());
    controls.reset();
    thanks.textContent = section.thanks || "Thank you — it has been sent.";
  });
  // Typing again after sending starts a new message: the old thanks would be misleading.
  form.addEventListener("input", () => {
    thanks.textContent = "";
  });
  const unsubscribe = app.store.subscribe(() => controls.refreshParents());
  element.classList.add("data-form-section");
  element.append(form, thanks);
  return unsubscribe;
}
