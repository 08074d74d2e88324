// BMI calculator (metric), with the WHO category.
import { h } from "../../lib/dom.js";
import { toolPage } from "./tool-page.js";

export function bmiCategory(bmi) {
  if (bmi < 18.5) return "Underweight";
  if (bmi < 25) return "Healthy weight";
  if (bmi < 30) return "Overweight";
  return "Obesity";
}

export function render(root, { page, store }) {
  const saved = store.getPref("bmi", { height: "", weight: "" });
  const height = h("input", { id: "bmi-height", type: "number", min: "0", step: "any", inputmode: "decimal", value: saved.height });
  const weight = h("input", { id: "bmi-weight", type: "number", min: "0", step: "any", inputmode: "decimal", value: saved.weight });
  const value = h("p", { class: "stat-value" });
  const category = h("p", { class: "bmi-category", "aria-live": "polite" });
  function update() {
    const m = Number(height.value) / 100;
    const kg = Number(weight.value);
    store.setPref("bmi", { height: height.value, weight: weight.value });
    if (!(m > 0) || !(kg > 0)) {
      value.textContent = "—";
      category.textContent = "Enter your height and weight";
      return;
    }
    const bmi = kg / (m * m);
    value.textContent = bmi.toFixed(1);
    category.textContent = bmiCategory(bmi);
  }
  for (const el of [height, weight]) el.addEventListener("input", update);
  const field = (control, label) => h("div", { class: "field" }, h("label", { for: control.id }, label), control);
  toolPage(root, page, h("div", { class: "tool-grid" },
    h("section", { class: "card tool-card" }, h("div", { class: "form-grid form-grid-2" }, field(height, "Height (cm)"), field(weight, "Weight (kg)"))),
    h("div", { class: "card stat" }, h("p", { class: "stat-label" }, "BMI"), value, category)));
  update();
}
