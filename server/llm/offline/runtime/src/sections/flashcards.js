// Flashcards section: practise the cards of an entity (the front, "Flip" for the back, then "I
// knew it" / "I didn't"), edit the card on show, and add cards. With `spaced`, missed cards come
// back sooner (content/deck.js); the schedule is kept per deck across reloads.
import { h } from "../lib/dom.js";
import { emptyProgress, nextCardId, recordAnswer } from "../content/deck.js";
import { createPrefs } from "../content/prefs.js";
import { button, field, uid } from "../content/ui.js";

/** "VocabularyWord" → "vocabulary word", for button names like "Add vocabulary word". */
function singularLabel(entityName) {
  return entityName.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function entitySpec(app, name) {
  if (typeof app.entity === "function") {
    const found = app.entity(name);
    if (found) return found;
  }
  return ((app.spec && app.spec.entities) || []).find((e) => e.name === name) || { name, pluralLabel: name + "s", fields: [] };
}

function text(value) {
  return value === null || value === undefined ? "" : String(value);
}

export function render(sectionElement, section, app) {
  const entity = entitySpec(app, section.entity);
  const labelOf = (fieldName) => (entity.fields.find((f) => f.name === fieldName) || { label: fieldName }).label;
  const frontLabel = labelOf(section.frontField);
  const backLabel = labelOf(section.backField);
  const noun = singularLabel(entity.name);
  const prefs = createPrefs(app, "flashcards/" + entity.name);
  const root = h("div", { class: "flashcards" });
  sectionElement.append(root);

  /** @type {import("../content/deck.js").DeckProgress} */
  let progress = prefs.get("progress", emptyProgress());
  /** @type {Record<string, any>[]} */
  let cards = [];
  let currentId = null;
  let flipped = false;
  let editing = false;
  const session = { known: 0, missed: 0 };

  const ids = () => cards.map((card) => card.id);
  const current = () => cards.find((card) => card.id === currentId) || null;

  function load() {
    cards = app.store.list(entity.name);
    if (!current()) {
      currentId = nextCardId(ids(), progress);
      flipped = false;
      editing = false;
    }
  }

  function answer(knew) {
    const card = current();
    if (!card) return;
    progress = recordAnswer(progress, ids(), card.id, knew, Boolean(section.spaced));
    prefs.set("progress", progress);
    session[knew ? "known" : "missed"] += 1;
    currentId = nextCardId(ids(), progress);
    flipped = false;
    show(true);
  }

  /** A form for the two sides; `onSave` gets the values and returns field errors, if any. */
  function cardForm(name, submitLabel, values, onSave, onCancel) {
    const frontInput = h("input", { id: uid("card-front"), type: "text", autocomplete: "off", value: text(values.front) });
    const backInput = h("input", { id: uid("card-back"), type: "text", autocomplete: "off", value: text(values.back) });
    const errors = { front: h("p", { class: "field-error", "aria-live": "polite" }), back: h("p", { class: "field-error", "aria-live": "polite" }) };
    const frontField = field(frontLabel, frontInput);
    frontField.append(errors.front);
    const backField = field(backLabel, backInput);
    backField.append(errors.back);
    const form = h("form", { class: "form flashcards-form", "aria-label": name, novalidate: true },
      h("div", { class: "form-grid form-grid-2" }, frontField, backField),
      h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, submitLabel), onCancel ? button("Cancel", onCancel) : null));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const found = onSave({ front: frontInput.value.trim(), back: backInput.value.trim() }) || {};
      errors.front.textContent = found.front || "";
      errors.back.textContent = found.back || "";
      frontInput.setAttribute("aria-invalid", String(Boolean(found.front)));
      backInput.setAttribute("aria-invalid", String(Boolean(found.back)));
      if (found.front) frontInput.focus();
      else if (found.back) backInput.focus();
    });
    return { form, focus: () => frontInput.focus() };
  }

  /** Saves through the store; returns the validation messages per side (required sides, the store's own rules). */
  function save(values, id) {
    const missing = {};
    if (!values.front) missing.front = frontLabel + " is required";
    if (!values.back) missing.back = backLabel + " is required";
    if (missing.front || missing.back) return missing;
    const record = { [section.frontField]: values.front, [section.backField]: values.back };
    try {
      if (id) app.store.update(entity.name, id, record);
      else app.store.create(entity.name, record);
    } catch (error) {
      const byField = (error && error.errors) || {};
      return { front: byField[section.frontField] || (!byField[section.backField] ? String((error && error.message) || "Could not save the card") : ""), back: byField[section.backField] || "" };
    }
    return null;
  }

  function practiceView() {
    const card = current();
    if (!card) {
      return [h("p", { class: "flashcards-empty muted" }, "No cards yet. Add your first card below.")];
    }
    const front = text(card[section.frontField]);
    if (editing) {
      const edit = cardForm("Edit card", "Save", { front, back: card[section.backField] }, (values) => {
        const errors = save(values, card.id);
        if (!errors) {
          editing = false;
          load();
          show(true);
        }
        return errors;
      }, () => { editing = false; show(true); });
      queueMicrotask(edit.focus);
      return [edit.form];
    }
    const side = flipped ? { label: backLabel, value: text(card[section.backField]) } : { label: frontLabel, value: front };
    const face = h("article", { class: "flashcard" + (flipped ? " is-flipped" : ""), "aria-label": "Card", "aria-live": "polite" },
      h("p", { class: "flashcard-side" }, side.label),
      h("p", { class: "flashcard-text" }, side.value),
      h("p", { class: "flashcard-hint muted" }, flipped ? "Did you know it?" : "Think of the answer, then flip the card."));
    // Clicking the card flips it too, as a paper card would; the Flip button is the keyboard way.
    face.addEventListener("click", () => { if (!flipped) { flipped = true; show(true); } });
    const actions = flipped
      ? [button("I knew it", () => answer(true), "primary"), button("I didn't", () => answer(false))]
      : [button("Flip", () => { flipped = true; show(true); }, "primary")];
    const tally = session.known + session.missed ? "Knew " + session.known + " of " + (session.known + session.missed) + " this session" : cards.length + (cards.length === 1 ? " card" : " cards") + " in the deck";
    return [
      h("p", { class: "flashcards-status muted" }, tally),
      face,
      h("div", { class: "flashcard-actions" }, actions, button("Edit", () => { editing = true; show(true); }, "ghost", { "aria-label": "Edit " + front })),
    ];
  }

  const add = cardForm("Add a card", "Add " + noun, {}, (values) => {
    const errors = save(values, null);
    if (!errors) {
      add.form.reset();
      add.focus();
    }
    return errors;
  }, null);
  const practice = h("div", { class: "flashcards-practice" });
  root.append(practice, h("div", { class: "flashcards-add" }, h("h3", {}, "Add a card"), add.form));

  function show(keepFocus) {
    const hadFocus = keepFocus && practice.contains(document.activeElement);
    practice.replaceChildren(...practiceView().filter(Boolean));
    if (hadFocus) {
      const first = practice.querySelector(".flashcard-actions .btn");
      if (first instanceof HTMLElement) first.focus();
    }
  }

  load();
  show(false);
  // Cards added here or on another page (the deck's records) join the deck straight away.
  return app.store.subscribe(() => {
    load();
    if (!editing) show(false);
  });
}
