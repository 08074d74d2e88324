// Frequently asked questions: each a <details> whose <summary> is the question; the answer shows
// when it is opened (keyboard and screen readers get this from the browser).
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const items = Array.isArray(section.items) ? section.items : [];
  element.append(h("div", { class: "faq-list" }, items.map((item, index) => {
    const questionId = element.id + "-q" + (index + 1);
    // The group is named by its question, so "the question about booking" can be found by name.
    return h("details", { class: "card faq-item", "aria-labelledby": questionId },
      h("summary", { id: questionId, class: "faq-question" }, item.question),
      h("div", { class: "faq-answer" }, String(item.answer).split(/\n{2,}/).map((paragraph) => h("p", {}, paragraph))));
  })));
}
