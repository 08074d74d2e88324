// Features or services: a grid of short items, each a title and a line of text.
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const items = Array.isArray(section.items) ? section.items : [];
  const titleId = element.id + "-title";
  element.append(h("ul", { class: "feature-grid", "aria-labelledby": titleId }, items.map((item) =>
    h("li", { class: "card feature" },
      h("h3", { class: "feature-title" }, item.title),
      h("p", { class: "muted" }, item.text)))));
}
