// Tip calculator: the bill and a tip percentage (typed or picked from the plan's presets) give
// the tip and the total, and — when the plan asks to split the bill — each person's share.
import { h } from "../lib/dom.js";
import { formatFixed } from "../content/format.js";
import { figure, field, numberInput, readNumber } from "../content/ui.js";

/** Tip, total and each person's share, unrounded (the page shows two decimals). */
export function tipSplit(bill, percent, people) {
  const tip = (bill * percent) / 100;
  const total = bill + tip;
  return { tip, total, perPerson: total / Math.max(1, Math.floor(people)) };
}

export function render(container, config) {
  const presets = (Array.isArray(config.tipPercents) && config.tipPercents.length ? config.tipPercents : [10, 15, 20]).map(Number).filter((n) => Number.isFinite(n));
  const split = Boolean(config.split);
  const bill = numberInput("", { min: "0", placeholder: "0.00" });
  const percent = numberInput(presets[Math.floor(presets.length / 2)] ?? 15, { min: "0", max: "100" });
  const people = numberInput(split ? 2 : 1, { min: "1", step: "1", inputmode: "numeric" });
  const tipOut = figure("Tip");
  const totalOut = figure("Total");
  const eachOut = figure("Per person");

  function update() {
    const amount = readNumber(bill);
    const rate = readNumber(percent);
    const count = split ? readNumber(people) : 1;
    if (amount === null || amount < 0 || rate === null || rate < 0 || count === null || count < 1) {
      for (const out of [tipOut, totalOut, eachOut]) out.set("—");
      return;
    }
    const result = tipSplit(amount, rate, count);
    tipOut.set(formatFixed(result.tip, 2));
    totalOut.set(formatFixed(result.total, 2));
    eachOut.set(formatFixed(result.perPerson, 2));
  }
  for (const input of [bill, percent, people]) input.addEventListener("input", update);

  const presetButtons = h("div", { class: "presets", role: "group", "aria-label": "Tip presets" },
    presets.map((p) => h("button", { type: "button", class: "btn btn-small", "aria-label": "Tip " + p + "%", onClick: () => { percent.value = String(p); update(); } }, p + "%")));
  container.append(
    h("div", { class: "form-grid" }, field("Bill amount", bill), field("Tip (%)", percent), split ? field("People", people) : null),
    presetButtons,
    h("div", { class: "figures" }, tipOut.element, totalOut.element, split ? eachOut.element : null));
  update();
}
