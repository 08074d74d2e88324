// Menu: groups (Coffees, Cakes…) of items with prices. Each group is a table named after it, one
// row per item (the item's name, its description, its price), so "Flat white £3.20" is one row.
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const groups = Array.isArray(section.groups) ? section.groups : [];
  element.append(h("div", { class: "menu-groups" }, groups.map((group, index) => {
    const headingId = element.id + "-group-" + (index + 1);
    return h("div", { class: "menu-group card" },
      h("h3", { id: headingId, class: "menu-group-title" }, group.name),
      h("table", { class: "menu-table", "aria-labelledby": headingId },
        h("thead", { class: "sr-only" }, h("tr", {}, h("th", { scope: "col" }, "Item"), h("th", { scope: "col" }, "Price"))),
        h("tbody", {}, (group.items || []).map((item) =>
          h("tr", {},
            h("th", { scope: "row", class: "menu-item" },
              h("span", { class: "menu-item-name" }, item.name),
              item.description ? h("span", { class: "menu-item-description" }, item.description) : null),
            h("td", { class: "menu-price num" }, item.price))))));
  })));
}
