// Contact details: the address and how to get in touch, one line each. Email addresses and phone
// numbers become links (mailto:, tel:), so a visitor can use them straight away.
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A phone line: digits with the usual separators, optionally after a label ("Tel: 0117 496 0000").
const phonePattern = /^(?:(?:tel|phone|call|telephone|mobile)\s*:?\s*)?(\+?[\d\s().-]{7,20})$/i;

/** @param {string} line */
export function lineKind(line) {
  const text = String(line).trim();
  const bare = text.replace(/^email\s*:?\s*/i, "");
  if (emailPattern.test(bare)) return { kind: "email", value: bare };
  const phone = phonePattern.exec(text);
  if (phone && (phone[1].match(/\d/g) || []).length >= 7) return { kind: "phone", value: phone[1].trim() };
  return { kind: "text", value: text };
}

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const lines = Array.isArray(section.lines) ? section.lines : [];
  element.append(h("address", { class: "card contact-lines" }, lines.map((line) => {
    const { kind, value } = lineKind(line);
    if (kind === "email") return h("p", { class: "contact-line contact-email" }, h("a", { href: "mailto:" + value }, line));
    if (kind === "phone") return h("p", { class: "contact-line contact-phone" }, h("a", { href: "tel:" + value.replace(/[^\d+]/g, "") }, line));
    return h("p", { class: "contact-line" }, line);
  })));
}
