// Small dependency-free SVG charts. Sizes are in viewBox units so charts scale with their card.
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
