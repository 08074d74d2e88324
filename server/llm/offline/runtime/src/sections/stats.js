// Headline figures: totals, counts, averages ("Total spent: 1,234.50"). A description list, one
// term and value per figure; each value is labelled by its term, so it is found (and read) by the
// figure's name. Recomputed whenever the records change.
import { h } from "../lib/dom.js";
import { scopeOf, statValue } from "../charts/series.js";

/** @import { AppContext, SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(element, section, app) {
  const items = Array.isArray(section.items) ? section.items : [];
  const list = h("dl", { class: "stats-list" });
  element.append(list);
  const idBase = (element.id || "stats") + "-stat-";

  function draw() {
    const scope = scopeOf(app);
    list.replaceChildren(...items.map((item, index) => {
      const { text } = statValue(item, scope);
      const id = idBase + (index + 1);
      return h("div", { class: "stat card" },
        h("dt", { id, class: "stat-label" }, item.label),
        h("dd", { class: "stat-value num", "aria-labelledby": id }, text));
    }));
  }

  draw();
  return app.store.subscribe(draw);
}
