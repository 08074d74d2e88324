// BMI calculator in metric (kg, cm) and, when the plan asks, imperial units (lb, feet and inches),
// with the WHO adult category.
import { h } from "../lib/dom.js";
import { formatFixed } from "../content/format.js";
import { field, figure, numberInput, readNumber, uid } from "../content/ui.js";

export function bmiMetric(kg, cm) {
  const m = cm / 100;
  return kg / (m * m);
}

export function bmiImperial(lb, feet, inches) {
  const totalInches = feet * 12 + inches;
  return (703 * lb) / (totalInches * totalInches);
}

/** WHO adult categories: under 18.5, 18.5–24.9, 25–29.9, 30 and over. */
export function bmiCategory(bmi) {
  if (bmi < 18.5) return "Underweight";
  if (bmi < 25) return "Healthy weight";
  if (bmi < 30) return "Overweight";
  return "Obese";
}

export function render(container, config) {
  const systems = Array.isArray(config.units) && config.units.includes("imperial") ? (config.units.includes("metric") ? ["metric", "imperial"] : ["imperial"]) : ["metric"];
  let system = systems[0];
  const inputs = {
    cm: numberInput("", { min: "0", placeholder: "175" }),
    kg: numberInput("", { min: "0", placeholder: "70" }),
    feet: numberInput("", { min: "0", step: "1", inputmode: "numeric", placeholder: "5" }),
    inches: numberInput("", { min: "0", max: "11.99", placeholder: "9" }),
    lb: numberInput("", { min: "0", placeholder: "154" }),
  };
  const bmiOut = figure("BMI", "bmi-value");
  const categoryOut = figure("Category", "bmi-category");
  const metricFields = h("div", { class: "form-grid form-grid-2" }, field("Height (cm)", inputs.cm), field("Weight (kg)", inputs.kg));
  const imperialFields = h("div", { class: "form-grid" }, field("Height (feet)", inputs.feet), field("Height (inches)", inputs.inches), field("Weight (lb)", inputs.lb));

  function value() {
    if (system === "metric") {
      const kg = readNumber(inputs.kg);
      const cm = readNumber(inputs.cm);
      return kg > 0 && cm > 0 ? bmiMetric(kg, cm) : null;
    }
    const lb = readNumber(inputs.lb);
    const feet = readNumber(inputs.feet) || 0;
    const inches = readNumber(inputs.inches) || 0;
    return lb > 0 && feet * 12 + inches > 0 ? bmiImperial(lb, feet, inches) : null;
  }

  function update() {
    metricFields.hidden = system !== "metric";
    imperialFields.hidden = system !== "imperial";
    const bmi = value();
    bmiOut.set(bmi === null ? "—" : formatFixed(bmi, 1));
    if (config.categories !== false) categoryOut.set(bmi === null ? "Enter your height and weight" : bmiCategory(bmi));
  }
  for (const input of Object.values(inputs)) input.addEventListener("input", update);

  if (systems.length > 1) {
    const name = uid("bmi-units");
    const radios = systems.map((s) => {
      const radio = h("input", { id: uid("bmi-unit"), type: "radio", name, value: s, checked: s === system });
      radio.addEventListener("change", () => { if (radio.checked) { system = s; update(); } });
      return h("div", { class: "field-check" }, radio, h("label", { for: radio.id }, s === "metric" ? "Metric" : "Imperial"));
    });
    container.append(h("fieldset", { class: "bmi-units" }, h("legend", {}, "Units"), radios));
  }
  container.append(metricFields, imperialFields, h("div", { class: "figures" }, bmiOut.element, config.categories !== false ? categoryOut.element : null));
  update();
}
