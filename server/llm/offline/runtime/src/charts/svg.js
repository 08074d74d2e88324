// Inline SVG drawings of the charts (no library: the preview's CSP allows no remote scripts). The
// drawings are decoration for sighted users: the chart section hides them from screen readers and
// gives the same numbers in its legend and table. Sizes are viewBox units, so a drawing scales
// with its box; colours come from CSS classes (chart-color-N) so dark mode recolours them.
import { svg } from "../lib/dom.js";

/** How many distinct colours figures.css defines (chart-color-0 … chart-color-7). */
export const paletteSize = 8;
export const colorClass = (index) => "chart-color-" + (index % paletteSize);

/** A round axis top above `max`: 1, 2, 2.5, 5 or 10 times a power of ten. */
export function niceMax(max) {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= max) || 10;
  return step * magnitude;
}

/** The axis top: round, and for whole numbers (counts) a multiple of 4, so the four grid lines fall on whole numbers. */
export function axisMax(max, wholeNumbers) {
  const top = niceMax(max);
  return wholeNumbers ? Math.max(4, Math.ceil(top / 4) * 4) : top;
}

/**
 * Where each slice of a pie or donut starts and how long it is, as fractions of the circle.
 * @param {number[]} values
 * @returns {Array<{ start: number, length: number }>}
 */
export function sliceArcs(values) {
  const positive = values.map((v) => (v > 0 ? v : 0));
  const total = positive.reduce((a, b) => a + b, 0);
  let start = 0;
  return positive.map((v) => {
    const length = total > 0 ? v / total : 0;
    const arc = { start, length };
    start += length;
    return arc;
  });
}

/**
 * A pie (or donut): each slice a stroked circle whose dash covers its share of the ring, so no
 * arc geometry is needed and a 100 % slice is a full circle.
 * @param {number[]} values
 * @param {{ donut?: boolean, titles?: string[] }} [options]
 */
export function pieSvg(values, options = {}) {
  const size = 200;
  const centre = size / 2;
  // Pie: a circle of radius 50 stroked 100 wide fills the disc; donut: a ring 32 wide.
  const radius = options.donut ? 78 : 50;
  const width = options.donut ? 32 : 100;
  const circumference = 2 * Math.PI * radius;
  const root = svg("svg", { viewBox: `0 0 ${size} ${size}`, class: "chart-svg chart-svg-round", "aria-hidden": "true", focusable: "false" });
  const ring = svg("g", { transform: `rotate(-90 ${centre} ${centre})` });
  root.append(svg("circle", { cx: centre, cy: centre, r: radius, class: "chart-track", "stroke-width": width, fill: "none" }));
  sliceArcs(values).forEach((arc, index) => {
    if (arc.length <= 0) return;
    const dash = arc.length * circumference;
    const slice = svg("circle", {
      cx: centre, cy: centre, r: radius, fill: "none", "stroke-width": width,
      class: "chart-slice " + colorClass(index),
      "stroke-dasharray": `${round(dash)} ${round(circumference)}`,
      "stroke-dashoffset": round(-arc.start * circumference),
    });
    if (options.titles?.[index]) slice.append(svg("title", {}, options.titles[index]));
    ring.append(slice);
  });
  root.append(ring);
  return root;
}

const WIDTH = 560;
const HEIGHT = 240;
const PAD = { top: 16, right: 12, bottom: 40, left: 56 };
const innerWidth = WIDTH - PAD.left - PAD.right;
const innerHeight = HEIGHT - PAD.top - PAD.bottom;

/** Axis frame with four grid lines labelled by `formatTick`. */
function frame(max, formatTick) {
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "chart-svg chart-svg-axes", "aria-hidden": "true", focusable: "false" });
  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + innerHeight - (innerHeight * i) / 4;
    root.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: "chart-grid" }));
    root.append(svg("text", { x: PAD.left - 8, y: y + 4, class: "chart-axis", "text-anchor": "end" }, formatTick((max * i) / 4)));
  }
  return root;
}

/** Shortens axis labels that would run into each other. */
export function shorten(label, max) {
  return label.length > max ? label.slice(0, Math.max(1, max - 1)) + "…" : label;
}

/**
 * Vertical bars, one per value, labelled underneath.
 * @param {Array<{ label: string, value: number | null, title?: string }>} points
 * @param {(n: number) => string} formatTick
 * @param {boolean} [wholeNumbers] values are counts: grid lines on whole numbers
 */
export function barSvg(points, formatTick, wholeNumbers = false) {
  const max = axisMax(Math.max(0, ...points.map((p) => p.value || 0)), wholeNumbers);
  const root = frame(max, formatTick);
  const slot = innerWidth / Math.max(1, points.length);
  const barWidth = Math.min(56, slot * 0.64);
  const labelChars = Math.max(3, Math.floor(slot / 7));
  points.forEach((point, index) => {
    const height = (innerHeight * Math.max(0, point.value || 0)) / max;
    const x = PAD.left + slot * index + (slot - barWidth) / 2;
    const bar = svg("rect", { x: round(x), y: round(PAD.top + innerHeight - height), width: round(barWidth), height: round(height), rx: 3, class: "chart-column" });
    if (point.title) bar.append(svg("title", {}, point.title));
    root.append(bar);
    if (points.length <= 16 || index % Math.ceil(points.length / 16) === 0) {
      root.append(svg("text", { x: round(x + barWidth / 2), y: HEIGHT - PAD.bottom + 18, class: "chart-label", "text-anchor": "middle" }, shorten(point.label, labelChars)));
    }
  });
  return root;
}

/**
 * A line through the values, a dot on each, labelled underneath.
 * @param {Array<{ label: string, value: number | null, title?: string }>} points
 * @param {(n: number) => string} formatTick
 * @param {boolean} [wholeNumbers] values are counts: grid lines on whole numbers
 */
export function lineSvg(points, formatTick, wholeNumbers = false) {
  const max = axisMax(Math.max(0, ...points.map((p) => p.value || 0)), wholeNumbers);
  const root = frame(max, formatTick);
  const step = points.length > 1 ? innerWidth / (points.length - 1) : 0;
  const xy = points.map((p, i) => [PAD.left + (points.length > 1 ? step * i : innerWidth / 2), PAD.top + innerHeight - (innerHeight * Math.max(0, p.value || 0)) / max]);
  if (xy.length > 1) root.append(svg("polyline", { points: xy.map(([x, y]) => `${round(x)},${round(y)}`).join(" "), class: "chart-line", fill: "none" }));
  const labelChars = Math.max(3, Math.floor((points.length > 1 ? step : innerWidth) / 7));
  xy.forEach(([x, y], index) => {
    const dot = svg("circle", { cx: round(x), cy: round(y), r: 4, class: "chart-dot" });
    if (points[index].title) dot.append(svg("title", {}, points[index].title));
    root.append(dot);
    if (points.length <= 12 || index % Math.ceil(points.length / 12) === 0) {
      // The first and last labels hang inwards, so they stay inside the drawing.
      const anchor = points.length < 2 ? "middle" : index === 0 ? "start" : index === points.length - 1 ? "end" : "middle";
      root.append(svg("text", { x: round(x), y: HEIGHT - PAD.bottom + 18, class: "chart-label", "text-anchor": anchor }, shorten(points[index].label, labelChars)));
    }
  });
  return root;
}

const round = (n) => Math.round(n * 100) / 100;
