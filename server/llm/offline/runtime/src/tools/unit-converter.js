// Unit converter: one pair of boxes per pair of units the plan names ("km-mi", "kg-lb", "c-f"…).
// Typing in either box converts into the other when the plan asks for both directions; otherwise
// the second is a result. Linear units convert through their kind's base unit (metres, kilograms,
// litres); temperatures through Celsius, with their offsets. Results at a sensible precision
// (formatQuantity: 10 km → 6.2137 mi, 1 kg → 2.2046 lb, 100 °C → 212 °F).
import { h } from "../lib/dom.js";
import { formatQuantity } from "../content/format.js";
import { field, readNumber, uid } from "../content/ui.js";

/** @typedef {{ name: string, symbol: string, kind: "length" | "mass" | "temperature" | "volume", factor?: number }} Unit */

/** @type {Record<string, Unit>} */
export const units = {
  km: { name: "Kilometres", symbol: "km", kind: "length", factor: 1000 },
  m: { name: "Metres", symbol: "m", kind: "length", factor: 1 },
  cm: { name: "Centimetres", symbol: "cm", kind: "length", factor: 0.01 },
  mm: { name: "Millimetres", symbol: "mm", kind: "length", factor: 0.001 },
  mi: { name: "Miles", symbol: "mi", kind: "length", factor: 1609.344 },
  yd: { name: "Yards", symbol: "yd", kind: "length", factor: 0.9144 },
  ft: { name: "Feet", symbol: "ft", kind: "length", factor: 0.3048 },
  in: { name: "Inches", symbol: "in", kind: "length", factor: 0.0254 },
  kg: { name: "Kilograms", symbol: "kg", kind: "mass", factor: 1 },
  g: { name: "Grams", symbol: "g", kind: "mass", factor: 0.001 },
  lb: { name: "Pounds", symbol: "lb", kind: "mass", factor: 0.45359237 },
  oz: { name: "Ounces", symbol: "oz", kind: "mass", factor: 0.028349523125 },
  st: { name: "Stones", symbol: "st", kind: "mass", factor: 6.35029318 },
  c: { name: "Celsius", symbol: "°C", kind: "temperature" },
  f: { name: "Fahrenheit", symbol: "°F", kind: "temperature" },
  k: { name: "Kelvin", symbol: "K", kind: "temperature" },
  l: { name: "Litres", symbol: "l", kind: "volume", factor: 1 },
  ml: { name: "Millilitres", symbol: "ml", kind: "volume", factor: 0.001 },
  gal: { name: "US gallons", symbol: "gal", kind: "volume", factor: 3.785411784 },
  cup: { name: "US cups", symbol: "cup", kind: "volume", factor: 0.2365882365 },
  floz: { name: "US fluid ounces", symbol: "fl oz", kind: "volume", factor: 0.0295735295625 },
};

function toCelsius(value, unit) {
  return unit === "f" ? ((value - 32) * 5) / 9 : unit === "k" ? value - 273.15 : value;
}
function fromCelsius(value, unit) {
  return unit === "f" ? (value * 9) / 5 + 32 : unit === "k" ? value + 273.15 : value;
}

/** `value` in unit `from` expressed in unit `to` (ids of `units`, of the same kind). */
export function convert(value, from, to) {
  const a = units[from];
  const b = units[to];
  if (!a || !b || a.kind !== b.kind) throw new Error("Cannot convert " + from + " to " + to);
  if (a.kind === "temperature") return fromCelsius(toCelsius(value, from), to);
  return (value * a.factor) / b.factor;
}

/** "Kilometres (km)": the label of a unit's box. */
export function unitLabel(id) {
  return units[id].name + " (" + units[id].symbol + ")";
}

/** The name of a pair's group: "Kilometres and miles" both ways, "Kilometres to miles" one way. */
export function pairName(from, to, twoWay) {
  const second = units[to].name;
  // "miles", but "US gallons" keeps its capitals.
  const inSentence = /^[A-Z][A-Z]/.test(second) ? second : second[0].toLowerCase() + second.slice(1);
  return units[from].name + (twoWay ? " and " : " to ") + inSentence;
}

/**
 * The plan's pairs that can be converted, once each ("c-f" and "f-c" are one pair), in order.
 * Pairs of different kinds (kilograms to Celsius) or unknown units are left out.
 * @param {unknown} pairs
 * @returns {{ from: string, to: string }[]}
 */
export function converterPairs(pairs) {
  const list = Array.isArray(pairs) && pairs.length ? pairs : ["km-mi", "kg-lb", "c-f"];
  const seen = new Set();
  const result = [];
  for (const pair of list) {
    const [from, to] = String(pair).toLowerCase().split("-");
    if (!units[from] || !units[to] || from === to || units[from].kind !== units[to].kind) continue;
    const key = [from, to].sort().join("-");
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ from, to });
  }
  return result;
}

export function render(container, config) {
  const twoWay = config.bothDirections !== false;
  const pairs = converterPairs(config.pairs);
  if (!pairs.length) {
    container.append(h("p", { class: "notice" }, "No units to convert."));
    return;
  }
  for (const { from, to } of pairs) {
    const left = h("input", { id: uid("unit"), type: "text", inputmode: "decimal", autocomplete: "off", placeholder: "0" });
    const right = twoWay ? h("input", { id: uid("unit"), type: "text", inputmode: "decimal", autocomplete: "off", placeholder: "0" }) : h("output", { id: uid("unit"), class: "figure-value", "aria-live": "polite" });
    // Only the box the user typed in drives the other, so editing never loops.
    const link = (source, target, a, b) => source.addEventListener("input", () => {
      const value = readNumber(source);
      const text = value === null ? "" : formatQuantity(convert(value, a, b));
      if (target instanceof HTMLInputElement) target.value = text;
      else target.textContent = text ? text + " " + units[b].symbol : "";
    });
    link(left, right, from, to);
    if (twoWay) link(right, left, to, from);
    container.append(h("div", { class: "converter-pair", role: "group", "aria-label": pairName(from, to, twoWay) },
      field(unitLabel(from), left),
      h("span", { class: "converter-arrow", "aria-hidden": "true" }, twoWay ? "⇄" : "→"),
      twoWay ? field(unitLabel(to), right) : h("div", { class: "field" }, h("label", { for: right.id }, unitLabel(to)), right)));
  }
}
