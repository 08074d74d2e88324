// Text: paragraphs of prose (an about section, a story, directions).
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const paragraphs = Array.isArray(section.paragraphs) ? section.paragraphs : [];
  element.append(h("div", { class: "prose" }, paragraphs.map((paragraph) => h("p", {}, paragraph))));
}
