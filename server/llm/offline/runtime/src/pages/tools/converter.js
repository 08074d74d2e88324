// Unit converter: linear units convert through a base unit; temperatures need offsets.
import { h } from "../../lib/dom.js";
import { formatNumber } from "../../lib/format.js";
import { toolPage } from "./tool-page.js";

const CATEGORIES = {
  Length: { m: ["Meters", 1], km: ["Kilometers", 1000], cm: ["Centimeters", 0.01], mm: ["Millimeters", 0.001], mi: ["Miles", 1609.344], yd: ["Yards", 0.9144], ft: ["Feet", 0.3048], in: ["Inches", 0.0254] },
  Weight: { kg: ["Kilograms", 1], g: ["Grams", 0.001], lb: ["Pounds", 0.45359237], oz: ["Ounces", 0.028349523125], st: ["Stones", 6.35029318] },
  Temperature: { "°C": ["Celsius"], "°F": ["Fahrenheit"], K: ["Kelvin"] },
  Volume: { L: ["Liters", 1], mL: ["Milliliters", 0.001], gal: ["US gallons", 3.785411784], cup: ["US cups", 0.2365882365], "fl oz": ["US fluid ounces", 0.0295735295625] },
};

function toCelsius(value, unit) {
  return unit === "°F" ? ((value - 32) * 5) / 9 : unit === "K" ? value - 273.15 : value;
}
function fromCelsius(value, unit) {
  return unit === "°F" ? (value * 9) / 5 + 32 : unit === "K" ? value + 273.15 : value;
}

export function convert(category, value, from, to) {
  if (category === "Temperature") return fromCelsius(toCelsius(value, from), to);
  const units = CATEGORIES[category];
  return (value * units[from][1]) / units[to][1];
}

export function render(root, { page, store }) {
  const saved = store.getPref("converter", { category: "Length", value: "1", from: "km", to: "mi" });
  const category = h("select", { id: "conv-category" }, Object.keys(CATEGORIES).map((c) => h("option", { value: c }, c)));
  const value = h("input", { id: "conv-value", type: "number", step: "any", inputmode: "decimal" });
  const from = h("select", { id: "conv-from" });
  const to = h("select", { id: "conv-to" });
  const result = h("output", { class: "result-big", "aria-live": "polite" });

  function fillUnits() {
    const units = Object.entries(CATEGORIES[category.value]);
    for (const select of [from, to]) select.replaceChildren(...units.map(([symbol, [name]]) => h("option", { value: symbol }, name + " (" + symbol + ")")));
    from.value = units[0][0];
    to.value = units[1][0];
  }

  function update() {
    const n = Number(value.value);
    store.setPref("converter", { category: category.value, value: value.value, from: from.value, to: to.value });
    if (value.value.trim() === "" || !Number.isFinite(n)) {
      result.textContent = "Enter a value to convert";
      return;
    }
    result.textContent = formatNumber(n) + " " + from.value + " = " + formatNumber(convert(category.value, n, from.value, to.value)) + " " + to.value;
  }

  category.value = CATEGORIES[saved.category] ? saved.category : "Length";
  fillUnits();
  if (CATEGORIES[category.value][saved.from]) from.value = saved.from;
  if (CATEGORIES[category.value][saved.to]) to.value = saved.to;
  value.value = saved.value;
  category.addEventListener("change", () => { fillUnits(); update(); });
  for (const el of [value, from, to]) el.addEventListener("input", update);
  for (const el of [from, to]) el.addEventListener("change", update);

  const field = (control, label) => h("div", { class: "field" }, h("label", { for: control.id }, label), control);
  toolPage(root, page, h("section", { class: "card tool-card" },
    h("div", { class: "form-grid" }, field(category, "Category"), field(value, "Value"), field(from, "From"), field(to, "To")),
    h("div", { class: "form-actions" }, h("button", { type: "button", class: "btn", onClick: () => { const f = from.value; from.value = to.value; to.value = f; update(); } }, "Swap units")),
    result));
  update();
}
