// Mortgage calculator: loan amount, yearly interest rate and term in years give the monthly
// payment (a standard repayment mortgage, interest monthly), and when the plan asks, the total
// interest and an amortization table by year that ends at a balance of 0.
import { h } from "../lib/dom.js";
import { formatFixed } from "../content/format.js";
import { field, figure, numberInput, readNumber, uid } from "../content/ui.js";

/** The monthly payment: P·r / (1 − (1 + r)^−n), r the monthly rate, n the months; P / n at 0%. */
export function monthlyPayment(principal, annualRatePercent, years) {
  const months = Math.round(years * 12);
  const r = annualRatePercent / 100 / 12;
  if (months <= 0) return NaN;
  return r === 0 ? principal / months : (principal * r) / (1 - (1 + r) ** -months);
}

/**
 * Year by year: principal and interest paid and the balance at the year's end (the last year
 * may be shorter for a term in part-years). The final balance is exactly 0.
 * @returns {{ payment: number, totalInterest: number, years: { year: number, principal: number, interest: number, balance: number }[] }}
 */
export function amortize(principal, annualRatePercent, years) {
  const payment = monthlyPayment(principal, annualRatePercent, years);
  const months = Math.round(years * 12);
  const r = annualRatePercent / 100 / 12;
  const rows = [];
  let balance = principal;
  let totalInterest = 0;
  for (let start = 0; start < months; start += 12) {
    let paidPrincipal = 0;
    let paidInterest = 0;
    for (let month = start; month < Math.min(months, start + 12); month++) {
      const interest = balance * r;
      // The last payment clears what floating point left over.
      const towardsPrincipal = month === months - 1 ? balance : payment - interest;
      balance -= towardsPrincipal;
      paidPrincipal += towardsPrincipal;
      paidInterest += interest;
    }
    totalInterest += paidInterest;
    rows.push({ year: start / 12 + 1, principal: paidPrincipal, interest: paidInterest, balance: Math.abs(balance) < 0.005 ? 0 : balance });
  }
  return { payment, totalInterest, years: rows };
}

export function render(container, config) {
  const amount = numberInput("", { min: "0", placeholder: "200000" });
  const rate = numberInput("", { min: "0", max: "100", placeholder: "5" });
  const term = numberInput("", { min: "1", max: "50", placeholder: "25" });
  const paymentOut = figure("Monthly payment");
  const interestOut = figure("Total interest");
  const totalOut = figure("Total paid");
  const finalOut = figure("Final balance");
  const tableId = uid("amortization");
  const body = h("tbody");
  const table = h("div", { class: "table-wrap" }, h("table", { id: tableId, "aria-label": "Amortization by year" },
    h("thead", {}, h("tr", {}, ["Year", "Principal", "Interest", "Balance"].map((text) => h("th", { scope: "col" }, text)))),
    body));
  const tableBlock = h("div", { class: "mortgage-table" }, h("h3", {}, "Amortization by year"), table, finalOut.element);

  function update() {
    const p = readNumber(amount);
    const annual = readNumber(rate);
    const years = readNumber(term);
    if (p === null || p <= 0 || annual === null || annual < 0 || years === null || years <= 0 || years > 100) {
      for (const out of [paymentOut, interestOut, totalOut, finalOut]) out.set("—");
      body.replaceChildren();
      tableBlock.hidden = true;
      return;
    }
    const plan = amortize(p, annual, years);
    paymentOut.set(formatFixed(plan.payment, 2));
    interestOut.set(formatFixed(plan.totalInterest, 2));
    totalOut.set(formatFixed(p + plan.totalInterest, 2));
    finalOut.set(formatFixed(plan.years.at(-1).balance, 2));
    body.replaceChildren(...plan.years.map((row) => h("tr", {},
      h("th", { scope: "row" }, String(row.year)),
      h("td", { class: "num" }, formatFixed(row.principal, 2)),
      h("td", { class: "num" }, formatFixed(row.interest, 2)),
      h("td", { class: "num" }, formatFixed(row.balance, 2)))));
    tableBlock.hidden = !config.amortization;
  }
  for (const input of [amount, rate, term]) input.addEventListener("input", update);

  container.append(
    h("div", { class: "form-grid" }, field("Loan amount", amount), field("Interest rate (%)", rate), field("Term (years)", term)),
    h("div", { class: "figures" }, paymentOut.element, config.showTotalInterest ? interestOut.element : null, config.showTotalInterest ? totalOut.element : null),
    config.amortization ? tableBlock : null);
  update();
}
