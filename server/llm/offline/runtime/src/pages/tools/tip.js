// Tip calculator: tip, total and per-person share, remembered between visits.
import { h } from "../../lib/dom.js";
import { formatMoney } from "../../lib/format.js";
import { toolPage } from "./tool-page.js";

const PRESETS = [10, 15, 18, 20, 25];

export function render(root, { page, store }) {
  const saved = store.getPref("tip", { bill: "", percent: "15", people: "1" });
  const input = (id, value, attrs) => h("input", { id, type: "number", inputmode: "decimal", step: "any", min: "0", value, ...attrs });
  const bill = input("tip-bill", saved.bill, { placeholder: "0.00" });
  const percent = input("tip-percent", saved.percent, {});
  const people = input("tip-people", saved.people, { min: "1", step: "1" });
  const tipOut = h("p", { class: "stat-value" });
  const totalOut = h("p", { class: "stat-value" });
  const eachOut = h("p", { class: "stat-value" });

  function update() {
    const amount = Math.max(0, Number(bill.value) || 0);
    const rate = Math.max(0, Number(percent.value) || 0);
    const split = Math.max(1, Math.floor(Number(people.value) || 1));
    const tip = Math.round(amount * rate) / 100;
    tipOut.textContent = formatMoney(tip);
    totalOut.textContent = formatMoney(amount + tip);
    eachOut.textContent = formatMoney((amount + tip) / split);
    store.setPref("tip", { bill: bill.value, percent: percent.value, people: people.value });
  }
  for (const el of [bill, percent, people]) el.addEventListener("input", update);

  const field = (control, label) => h("div", { class: "field" }, h("label", { for: control.id }, label), control);
  const stat = (label, out) => h("div", { class: "card stat" }, h("p", { class: "stat-label" }, label), out);
  toolPage(root, page, h("div", { class: "tool-grid" },
    h("section", { class: "card tool-card" },
      h("div", { class: "form-grid" }, field(bill, "Bill amount"), field(percent, "Tip percentage"), field(people, "People")),
      h("div", { class: "presets", role: "group", "aria-label": "Tip presets" }, PRESETS.map((p) => h("button", { type: "button", class: "btn btn-small", onClick: () => { percent.value = String(p); update(); } }, p + "%")))),
    h("div", { class: "stats stats-column" }, stat("Tip", tipOut), stat("Total", totalOut), stat("Per person", eachOut))));
  update();
}
