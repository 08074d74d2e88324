// Charts: pie, donut, bar and line, drawn as inline SVG, over the records of an entity grouped by a
// field, a parent or a date bucket, for a period and/or conditions. The contract QA reads
// (server/agents/qa/read-chart.ts): a <figure> named by the section's heading, typed by
// aria-roledescription ("pie chart"), whose legend items read "<label>: <value> (<share>)". The
// drawing is hidden from screen readers, which get the legend and a table of the same numbers.
import { h } from "../lib/dom.js";
import { chartSlices, periodWords, scopeOf, sliceText } from "../charts/series.js";
import { barSvg, colorClass, lineSvg, pieSvg } from "../charts/svg.js";
import { formatValue } from "../engine/expr.js";

/** @import { AppContext, SectionSpec } from "../engine/app-context" */

const kinds = { pie: "pie chart", donut: "donut chart", bar: "bar chart", line: "line chart" };

/**
 * @param {HTMLElement} element
 * @param {SectionSpec} section
 * @param {AppContext} app
 */
export function render(element, section, app) {
  const entity = app.entity(section.entity);
  const chartType = kinds[section.chartType] ? section.chartType : "bar";
  const title = section.title || element.querySelector("h2")?.textContent || "Chart";
  // Named by the section's heading when it has one (the shell's <h2>), else by the title.
  const headingId = element.querySelector("h2")?.id;
  const figure = h("figure", {
    class: "chart chart-type-" + chartType,
    "aria-roledescription": kinds[chartType],
    ...(headingId ? { "aria-labelledby": headingId } : { "aria-label": title }),
  });
  element.append(figure);
  if (!entity) throw new Error("No entity " + section.entity + " for the chart");
  const when = periodWords(section.period);
  const what = entity.pluralLabel.toLowerCase();

  function draw() {
    const { slices, total, totalText } = chartSlices(section, entity, scopeOf(app));
    const caption = h("figcaption", { class: "chart-caption muted" }, [when ? when[0].toUpperCase() + when.slice(1) : "", slices.length ? `Total ${totalText}` : ""].filter(Boolean).join(" · "));
    const isEmpty = slices.length === 0 || (total === 0 && slices.every((s) => !s.value));
    if (isEmpty) {
      figure.replaceChildren(h("p", { class: "empty chart-empty" }, `No data ${when ? "for " + when + " " : ""}yet — add ${what} to see the chart.`), caption);
      return;
    }
    const titles = slices.map(sliceText);
    const isRound = chartType === "pie" || chartType === "donut";
    const wholeNumbers = section.measure?.format === "integer" || section.measure?.agg === "count";
    const format = (n) => formatValue(n, wholeNumbers ? "integer" : "number");
    // Under the bars there is room for "19 Jan", not "Week of 19 Jan"; the legend says it in full.
    const points = slices.map((s, i) => ({ label: s.label.replace(/^Week of /, ""), value: s.value, title: titles[i] }));
    const drawing = isRound ? pieSvg(slices.map((s) => s.value || 0), { donut: chartType === "donut", titles })
      : chartType === "line" ? lineSvg(points, format, wholeNumbers) : barSvg(points, format, wholeNumbers);
    const legend = h("ul", { class: "chart-legend" + (isRound ? "" : " chart-legend-plain") }, slices.map((slice, index) =>
      h("li", { class: "chart-legend-item" },
        isRound ? h("span", { class: "chart-swatch " + colorClass(index), "aria-hidden": "true" }) : null,
        h("span", { class: "chart-legend-label" }, slice.label), ": ",
        h("span", { class: "chart-legend-value num" }, slice.valueText),
        slice.shareText ? [" (", h("span", { class: "chart-legend-share" }, slice.shareText), ")"] : null)));
    const hasShares = slices.some((s) => s.shareText);
    const table = h("table", { class: "sr-only" },
      h("caption", {}, title),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Group"), h("th", { scope: "col" }, section.measure?.label || "Value"), hasShares ? h("th", { scope: "col" }, "Share") : null)),
      h("tbody", {}, slices.map((s) => h("tr", {}, h("th", { scope: "row" }, s.label), h("td", {}, s.valueText), hasShares ? h("td", {}, s.shareText) : null))));
    figure.replaceChildren(h("div", { class: "chart-body" }, h("div", { class: "chart-drawing" }, drawing), legend), caption, table);
  }

  draw();
  return app.store.subscribe(draw);
}
