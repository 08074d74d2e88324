// Notice: says plainly what the app cannot do and what it does instead ("Prices are typed in:
// this app cannot fetch live prices"). A note; a warning is also announced as a status.
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const tone = section.tone === "warning" ? "warning" : "info";
  element.classList.add("notice-section");
  element.append(h("p", { class: "site-notice site-notice-" + tone, role: tone === "warning" ? "status" : "note" }, section.text));
}
