// Currency converter with rates the user keeps up to date: an offline app cannot fetch live
// rates, so it starts from example rates, says so, and lets the user type today's. Rates are
// "<currency> per 1 <first currency>"; a conversion goes through the first currency. Optionally
// keeps a history of conversions, newest first, across reloads.
import { h } from "../lib/dom.js";
import { formatFixed } from "../content/format.js";
import { button, field, figure, numberInput, readNumber, uid } from "../content/ui.js";

/** Example rates per 1 EUR (late 2025), only a starting point: the page asks for today's. */
export const exampleRatesPerEuro = { EUR: 1, USD: 1.16, GBP: 0.87, JPY: 175, CHF: 0.93, CAD: 1.62, AUD: 1.78, INR: 102, CNY: 8.3, SEK: 11, NOK: 11.7, DKK: 7.46, PLN: 4.25, MXN: 21.5 };

/**
 * `amount` of `from` in `to`, with `rates` as units per 1 of the base currency (the base is 1).
 * @param {number} amount @param {string} from @param {string} to @param {Record<string, number>} rates
 */
export function convertCurrency(amount, from, to, rates) {
  if (!(rates[from] > 0) || !(rates[to] > 0)) return null;
  return (amount / rates[from]) * rates[to];
}

/** The example rates re-based on `base` (per 1 `base`), for the currencies asked for. */
export function exampleRates(currencies, base) {
  const baseRate = exampleRatesPerEuro[base] || 1;
  const rates = {};
  for (const code of currencies) rates[code] = code === base ? 1 : exampleRatesPerEuro[code] ? Number((exampleRatesPerEuro[code] / baseRate).toPrecision(4)) : 1;
  return rates;
}

export function render(container, config, { prefs }) {
  const currencies = (Array.isArray(config.currencies) && config.currencies.length >= 2 ? config.currencies : ["EUR", "USD", "GBP"]).map(String);
  const base = currencies[0];
  let rates = { ...exampleRates(currencies, base), ...prefs.get("rates", {}) };
  rates[base] = 1;
  /** @type {{ amount: number, from: string, to: string, result: number }[]} */
  let history = config.history ? prefs.get("history", []) : [];

  const amount = numberInput("", { min: "0", placeholder: "100" });
  const select = (value) => h("select", { id: uid("currency") }, currencies.map((code) => h("option", { value: code, selected: code === value }, code)));
  const from = select(currencies[0]);
  const to = select(currencies[1]);
  const result = figure("Result", "currency-result");
  const error = h("p", { class: "field-error", "aria-live": "polite" });
  const historyList = h("ol", { class: "currency-history", "aria-label": "Conversions" });

  function convertNow(record) {
    const value = readNumber(amount);
    if (value === null) {
      error.textContent = "Enter an amount";
      result.set("");
      return;
    }
    error.textContent = "";
    const converted = convertCurrency(value, from.value, to.value, rates);
    if (converted === null) {
      result.set("");
      error.textContent = "Enter a rate for " + (rates[from.value] > 0 ? to.value : from.value);
      return;
    }
    result.set(formatFixed(converted, 2) + " " + to.value);
    if (record && config.history) {
      history = [{ amount: value, from: from.value, to: to.value, result: converted }, ...history].slice(0, 50);
      prefs.set("history", history);
      showHistory();
    }
  }

  function showHistory() {
    historyList.replaceChildren(...(history.length
      ? history.map((item) => h("li", {}, formatFixed(item.amount, 2) + " " + item.from + " → " + formatFixed(item.result, 2) + " " + item.to))
      : [h("li", { class: "muted" }, "No conversions yet")]));
  }

  const form = h("form", { class: "form", "aria-label": "Convert", novalidate: true, onSubmit: (event) => { event.preventDefault(); convertNow(true); } },
    h("div", { class: "form-grid" }, field("Amount", amount), field("From", from), field("To", to)),
    error,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Convert"), button("Swap", () => { const f = from.value; from.value = to.value; to.value = f; if (readNumber(amount) !== null) convertNow(false); })),
    result.element);

  const rateFields = currencies.filter((code) => code !== base).map((code) => {
    if (config.editableRates === false) return h("li", {}, "1 " + base + " = " + rates[code] + " " + code);
    const input = numberInput(rates[code], { min: "0" });
    input.addEventListener("change", () => {
      const value = readNumber(input);
      if (value === null || value <= 0) return;
      rates = { ...rates, [code]: value };
      prefs.set("rates", Object.fromEntries(currencies.filter((c) => c !== base).map((c) => [c, rates[c]])));
      if (readNumber(amount) !== null) convertNow(false);
    });
    return field(code + " per 1 " + base, input);
  });
  const ratesBlock = h("div", { class: "currency-rates", role: "group", "aria-label": "Exchange rates" },
    h("h3", {}, "Exchange rates"),
    h("p", { class: "muted" }, config.editableRates === false ? "Example rates: they do not update by themselves." : "Example rates: type today's rates, they are kept for next time."),
    config.editableRates === false ? h("ul", {}, rateFields) : h("div", { class: "form-grid form-grid-2" }, rateFields));

  container.append(form, ratesBlock);
  if (config.history) {
    container.append(h("div", { class: "currency-history-block" }, h("h3", {}, "History"), historyList, button("Clear history", () => { history = []; prefs.set("history", history); showHistory(); }, "ghost")));
    showHistory();
  }
}
