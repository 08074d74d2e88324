// src/pages/dashboard-page.js and src/lib/charts.js: overview with stat cards and SVG charts.
export const chartsJs = String.raw`// Small dependency-free SVG charts. Sizes are in viewBox units so charts scale with their card.
import { svg } from "./dom.js";

const WIDTH = 560;
const HEIGHT = 240;
const PAD = { top: 16, right: 12, bottom: 36, left: 48 };

function scaleMax(values) {
  const max = Math.max(0, ...values);
  if (max === 0) return 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(max)));
  return Math.ceil(max / magnitude) * magnitude;
}

function frame(title, max, format) {
  const root = svg("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, class: "chart", role: "img", "aria-label": title });
  root.append(svg("title", {}, title));
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + innerH - (innerH * i) / 4;
    root.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: "chart-grid" }));
    root.append(svg("text", { x: PAD.left - 8, y: y + 4, class: "chart-axis", "text-anchor": "end" }, format((max * i) / 4)));
  }
  return root;
}

function shorten(label, max) {
  return label.length > max ? label.slice(0, max - 1) + "…" : label;
}

export function barChart(title, data, format) {
  const max = scaleMax(data.map((d) => d.value));
  const root = frame(title, max, format);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, data.length);
  const barW = Math.min(56, slot * 0.6);
  data.forEach((d, i) => {
    const h = (innerH * d.value) / max;
    const x = PAD.left + slot * i + (slot - barW) / 2;
    const bar = svg("rect", { x, y: PAD.top + innerH - h, width: barW, height: Math.max(0, h), rx: 4, class: "chart-bar chart-color-" + (i % 6) });
    bar.append(svg("title", {}, d.label + ": " + format(d.value)));
    root.append(bar);
    root.append(svg("text", { x: x + barW / 2, y: HEIGHT - PAD.bottom + 18, class: "chart-label", "text-anchor": "middle" }, shorten(d.label, 12)));
  });
  return root;
}

export function lineChart(title, data, format) {
  const max = scaleMax(data.map((d) => d.value));
  const root = frame(title, max, format);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = data.length > 1 ? innerW / (data.length - 1) : 0;
  const points = data.map((d, i) => [PAD.left + (data.length > 1 ? step * i : innerW / 2), PAD.top + innerH - (innerH * d.value) / max]);
  if (points.length > 1) {
    const area = "M" + points[0][0] + "," + (PAD.top + innerH) + " L" + points.map((p) => p.join(",")).join(" L") + " L" + points[points.length - 1][0] + "," + (PAD.top + innerH) + " Z";
    root.append(svg("path", { d: area, class: "chart-area" }));
    root.append(svg("polyline", { points: points.map((p) => p.join(",")).join(" "), class: "chart-line" }));
  }
  points.forEach((p, i) => {
    const dot = svg("circle", { cx: p[0], cy: p[1], r: 4, class: "chart-dot" });
    dot.append(svg("title", {}, data[i].label + ": " + format(data[i].value)));
    root.append(dot);
    root.append(svg("text", { x: p[0], y: HEIGHT - PAD.bottom + 18, class: "chart-label", "text-anchor": "middle" }, data[i].label));
  });
  return root;
}
`;

export const dashboardPageJs = String.raw`// Overview: totals, a breakdown chart, a trend chart and the latest records.
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
`;
