// Testimonials: quotes from customers, each a figure with the quote and who said it.
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const items = Array.isArray(section.items) ? section.items : [];
  element.append(h("div", { class: "quote-grid" }, items.map((item) =>
    h("figure", { class: "card quote" },
      h("blockquote", { class: "quote-text" }, h("p", {}, item.quote)),
      h("figcaption", { class: "quote-author" }, "— " + item.author)))));
}
