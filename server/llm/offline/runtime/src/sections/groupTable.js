// Aggregates per group: "Owed per client", "Eggs per hen this week", "Guests per diet". A real
// table named by its caption (the section's title), one row per group headed by the group's name,
// one column per measure. Every option or parent shows when includeEmptyGroups is on (a diet
// nobody has is a 0, not a gap). Sorted by a measure and cut to `limit` when the plan says so.
import { h } from "../lib/dom.js";
import { aggregateGroups, countedRecords, figureText, groupingLabel, measuredField, scopeOf } from "../charts/series.js";
import { compareValues } from "../engine/expr.js";

/** @import { AppContext, SectionSpec } from "../engine/app-context" */

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(element, section, app) {
  const entity = app.entity(section.entity);
  const body = h("div", { class: "group-table-body" });
  element.append(body);
  if (!entity) throw new Error("No entity " + section.entity + " for the table");
  const measures = Array.isArray(section.measures) ? section.measures : [];
  const title = section.title || element.querySelector("h2")?.textContent || entity.pluralLabel;

  function draw() {
    const scope = scopeOf(app);
    const records = countedRecords(entity, { where: section.where }, scope);
    let rows = aggregateGroups(entity, records, section.groupBy, measures, scope, section.includeEmptyGroups !== false);
    if (section.sort && measures[section.sort.measure]) {
      const at = section.sort.measure;
      const direction = section.sort.direction === "desc" ? -1 : 1;
      // Empty values last either way; ties keep the grouping's order.
      rows = rows.map((row, index) => ({ row, index })).sort((a, b) => {
        const x = a.row.values[at];
        const y = b.row.values[at];
        if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.index - b.index;
        return direction * compareValues(x, y) || a.index - b.index;
      }).map((entry) => entry.row);
    }
    if (section.limit) rows = rows.slice(0, section.limit);
    if (!rows.length) {
      body.replaceChildren(h("p", { class: "empty" }, `No ${entity.pluralLabel.toLowerCase()} yet — add some to see the totals here.`));
      return;
    }
    const fields = measures.map((m) => measuredField(entity, m.of));
    body.replaceChildren(h("div", { class: "table-scroll" },
      h("table", { class: "group-table" },
        h("caption", { class: "sr-only" }, title),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col" }, groupingLabel(section.groupBy, entity, scope)),
          measures.map((m) => h("th", { scope: "col", class: "num" }, m.label)))),
        h("tbody", {}, rows.map((row) => h("tr", {},
          h("th", { scope: "row" }, row.label),
          row.values.map((value, i) => h("td", { class: "num" }, figureText(value, measures[i].format, fields[i])))))))));
  }

  draw();
  return app.store.subscribe(draw);
}
