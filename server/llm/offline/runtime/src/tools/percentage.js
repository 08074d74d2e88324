// Percentage calculator: the three questions people ask — X% of Y, X as a percentage of Y, and the
// change from X to Y in percent — each in its own labelled group, answered as you type.
import { h } from "../lib/dom.js";
import { formatQuantity } from "../content/format.js";
import { field, figure, numberInput, readNumber } from "../content/ui.js";

export const percentOf = (percent, number) => (percent * number) / 100;
export const percentageOf = (part, total) => (total === 0 ? null : (part / total) * 100);
export const percentChange = (from, to) => (from === 0 ? null : ((to - from) / Math.abs(from)) * 100);

/** "+30%", "-12.5%", "25%": a change keeps its sign, a share does not need one. */
function percentText(value, signed) {
  if (value === null) return "—";
  return (signed && value > 0 ? "+" : "") + formatQuantity(value) + "%";
}

function group(name, inputs, result, compute) {
  const update = () => {
    const values = inputs.map(([, input]) => readNumber(input));
    result.set(values.some((v) => v === null) ? "—" : compute(...values));
  };
  for (const [, input] of inputs) input.addEventListener("input", update);
  update();
  return h("div", { class: "percentage-group", role: "group", "aria-label": name },
    h("h3", {}, name),
    h("div", { class: "form-grid form-grid-2" }, inputs.map(([label, input]) => field(label, input))),
    result.element);
}

export function render(container) {
  container.append(
    group("Percent of a number", [["Percent (%)", numberInput("")], ["Number", numberInput("")]], figure("Result"), (p, n) => formatQuantity(percentOf(p, n))),
    group("Percentage of a total", [["Part", numberInput("")], ["Total", numberInput("")]], figure("Percentage"), (part, total) => percentText(percentageOf(part, total), false)),
    group("Percentage change", [["From", numberInput("")], ["To", numberInput("")]], figure("Change"), (from, to) => percentText(percentChange(from, to), true)));
}
