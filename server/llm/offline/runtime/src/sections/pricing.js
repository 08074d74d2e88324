// Pricing: tiers side by side, each an article named after the tier with its price, the period
// ("per session") and what it includes.
import { h } from "../lib/dom.js";

/** @import { SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 */
export function render(element, section) {
  const tiers = Array.isArray(section.tiers) ? section.tiers : [];
  element.append(h("div", { class: "tier-grid" }, tiers.map((tier, index) => {
    const nameId = element.id + "-tier-" + (index + 1);
    const features = tier.features || [];
    return h("article", { class: "card tier", "aria-labelledby": nameId },
      h("h3", { id: nameId, class: "tier-name" }, tier.name),
      h("p", { class: "tier-price" }, h("span", { class: "tier-amount" }, tier.price), tier.period ? h("span", { class: "tier-period muted" }, " " + tier.period) : null),
      features.length ? h("ul", { class: "tier-features", "aria-label": tier.name + " includes" }, features.map((feature) => h("li", {}, feature))) : null);
  })));
}
