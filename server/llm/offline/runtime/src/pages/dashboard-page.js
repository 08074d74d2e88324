// Overview: totals, a breakdown chart, a trend chart and the latest records.
import { barChart, lineChart } from "../lib/charts.js";
import { h } from "../lib/dom.js";
import { formatMonth, formatNumber, formatValue } from "../lib/format.js";
import { hrefFor } from "../lib/router.js";
import { entityByName } from "../schema.js";
import { emptyState } from "../ui/empty-state.js";

const GROUPABLE = /^(category|type|genre|stage|status|kind|source|department|priority|frequency|mood|location)$/;

export function renderDashboardPage(root, { app, page, pages, store, announce }) {
  const entity = entityByName(page.entity);
  const metric = entity.fields.find((f) => f.type === "number");
  const group = entity.fields.find((f) => f.type === "enum") || entity.fields.find((f) => f.type === "string" && GROUPABLE.test(f.name));
  const date = entity.fields.find((f) => f.type === "date");
  const entityPage = pages.find((p) => p.entity === entity.name && p.view === "crud");
  const body = h("div", { class: "dashboard" });
  root.append(h("section", { class: "page" },
    h("header", { class: "page-head" }, h("div", {}, h("h1", {}, page.title), h("p", { class: "muted" }, app.summary))),
    body));

  async function loadSample(button) {
    button.disabled = true;
    try {
      const response = await fetch(new URL("../../db/seed.json", import.meta.url));
      if (!response.ok) throw new Error("HTTP " + response.status);
      store.importSeed(await response.json());
      announce("Sample data loaded");
    } catch {
      announce("Could not load the sample data");
      button.disabled = false;
    }
  }

  function valueOf(record) {
    // Without a number field every record counts as 1, so the charts show counts instead.
    if (!metric) return 1;
    return typeof record[metric.name] === "number" ? record[metric.name] : 0;
  }

  function stat(label, value) {
    return h("div", { class: "card stat" }, h("p", { class: "stat-label" }, label), h("p", { class: "stat-value" }, value));
  }

  function render() {
    const records = store.list(entity.name);
    if (records.length === 0) {
      const load = h("button", { type: "button", class: "btn btn-primary", onClick: () => loadSample(load) }, "Load sample data");
      body.replaceChildren(h("div", { class: "card" }, emptyState("No " + entity.pluralLabel.toLowerCase() + " yet", "Add some " + entity.pluralLabel.toLowerCase() + " or load sample data to see the charts.", load,
        entityPage ? h("a", { class: "btn", href: hrefFor(entityPage.path) }, "Add " + entity.label.toLowerCase()) : null)));
      return;
    }
    const total = records.reduce((sum, r) => sum + valueOf(r), 0);
    const stats = [stat(entity.pluralLabel, formatNumber(records.length))];
    if (metric) {
      stats.push(stat(/^total\b/i.test(metric.label) ? metric.label : "Total " + metric.label.toLowerCase(), formatNumber(total)));
      stats.push(stat("Average " + metric.label.toLowerCase(), formatNumber(total / records.length)));
      stats.push(stat("Largest " + metric.label.toLowerCase(), formatNumber(Math.max(...records.map(valueOf)))));
    }
    const charts = [];
    const measure = metric ? metric.label.toLowerCase() : "count";
    if (group) {
      const sums = new Map();
      for (const r of records) {
        const key = r[group.name] ? String(r[group.name]) : "None";
        sums.set(key, (sums.get(key) || 0) + valueOf(r));
      }
      const data = [...sums].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value).slice(0, 8);
      charts.push(chartCard(entity.pluralLabel + " by " + group.label.toLowerCase(), barChart(measure + " by " + group.label.toLowerCase(), data, formatNumber)));
    }
    if (date) {
      const sums = new Map();
      for (const r of records) if (r[date.name]) sums.set(r[date.name].slice(0, 7), (sums.get(r[date.name].slice(0, 7)) || 0) + valueOf(r));
      const data = [...sums].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, value]) => ({ label: formatMonth(key), value }));
      if (data.length) charts.push(chartCard(entity.pluralLabel + " per month", lineChart(measure + " per month", data, formatNumber)));
    }
    if (charts.length === 0) {
      const data = records.slice(-8).map((r) => ({ label: String(r[entity.primary] ?? "#" + r.id), value: valueOf(r) }));
      charts.push(chartCard("Latest " + entity.pluralLabel.toLowerCase(), barChart(measure + " of the latest records", data, formatNumber)));
    }
    const recent = records.slice(-5).reverse();
    const primary = entity.fields.find((f) => f.name === entity.primary);
    body.replaceChildren(
      h("div", { class: "stats" }, stats),
      h("div", { class: "charts" }, charts),
      h("section", { class: "card" },
        h("div", { class: "card-head" }, h("h2", { class: "card-title" }, "Recent " + entity.pluralLabel.toLowerCase()),
          entityPage ? h("a", { href: hrefFor(entityPage.path), class: "link" }, "View all") : null),
        h("ul", { class: "recent" }, recent.map((r) => h("li", {},
          h("span", { class: "recent-name" }, formatValue(primary, r[entity.primary])),
          h("span", { class: "muted" }, [date && r[date.name] ? formatValue(date, r[date.name]) : "", metric && r[metric.name] !== null ? formatNumber(r[metric.name]) : ""].filter(Boolean).join(" · ")))))));
  }

  function chartCard(title, chart) {
    return h("section", { class: "card chart-card" }, h("h2", { class: "card-title" }, title), chart);
  }

  render();
  return store.subscribe(render);
}
