// Calculator: a keypad (and the keyboard) for arithmetic with operator precedence, and a history
// of results kept across reloads.
import { h } from "../lib/dom.js";
import { button, uid } from "../content/ui.js";

const OPS = { "+": "Add", "−": "Subtract", "×": "Multiply", "÷": "Divide" };

/**
 * Evaluates ["2", "+", "3", "×", "4"]: × and ÷ first, then + and −, left to right. Results are
 * rounded to 12 significant digits, so 0.1 + 0.2 shows 0.3.
 * @param {string[]} tokens numbers and operators, alternating
 */
export function evaluate(tokens) {
  const values = [Number(tokens[0])];
  const ops = [];
  for (let i = 1; i < tokens.length; i += 2) {
    const op = tokens[i];
    const n = Number(tokens[i + 1]);
    if (op === "×") values.push(values.pop() * n);
    else if (op === "÷") {
      if (n === 0) throw new Error("Cannot divide by zero");
      values.push(values.pop() / n);
    } else {
      ops.push(op);
      values.push(n);
    }
  }
  let result = values[0];
  ops.forEach((op, i) => { result = op === "+" ? result + values[i + 1] : result - values[i + 1]; });
  return Number(result.toPrecision(12));
}

export function render(container, _config, { prefs }) {
  /** @type {string[]} */
  let tokens = [];
  let entry = "0";
  let justEvaluated = false;
  /** @type {string[]} */
  let history = prefs.get("history", []);
  const expression = h("p", { class: "calc-expression", "aria-live": "polite" });
  const display = h("output", { id: uid("calc"), class: "calc-display", "aria-live": "polite" });
  const historyList = h("ol", { class: "history", "aria-label": "History" });

  function show(error) {
    expression.textContent = error ? "" : tokens.join(" ");
    display.textContent = error || entry || "0";
    display.classList.toggle("is-error", Boolean(error));
    historyList.replaceChildren(...(history.length ? history.map((line) => h("li", {}, line)) : [h("li", { class: "muted" }, "No calculations yet")]));
  }

  function press(key) {
    if (/^[0-9]$/.test(key)) {
      if (justEvaluated) { tokens = []; entry = ""; justEvaluated = false; }
      entry = entry === "0" ? key : (entry + key).slice(0, 15);
    } else if (key === ".") {
      if (justEvaluated) { tokens = []; entry = "0"; justEvaluated = false; }
      if (!entry.includes(".")) entry = (entry || "0") + ".";
    } else if (OPS[key]) {
      justEvaluated = false;
      if (entry === "" && tokens.length) tokens[tokens.length - 1] = key;
      else { tokens.push(String(Number(entry)), key); entry = ""; }
    } else if (key === "=") {
      if (!tokens.length) return show();
      const full = entry === "" ? tokens.slice(0, -1) : [...tokens, String(Number(entry))];
      try {
        const result = evaluate(full);
        history = [full.join(" ") + " = " + result, ...history].slice(0, 20);
        prefs.set("history", history);
        tokens = [];
        entry = String(result);
        justEvaluated = true;
      } catch (error) {
        tokens = [];
        entry = "0";
        return show(error.message);
      }
    } else if (key === "C") {
      tokens = [];
      entry = "0";
    } else if (key === "⌫") {
      entry = entry.length > 1 ? entry.slice(0, -1) : "0";
    }
    show();
  }

  const keys = [["C", "Clear"], ["⌫", "Backspace"], ["÷", OPS["÷"]], ["×", OPS["×"]], "7", "8", "9", ["−", OPS["−"]], "4", "5", "6", ["+", OPS["+"]], "1", "2", "3", ["=", "Equals"], "0", [".", "Decimal point"]];
  const pad = h("div", { class: "keypad" }, keys.map((k) => {
    const [key, name] = Array.isArray(k) ? k : [k, k];
    const kind = OPS[key] ? "key-op" : key === "=" ? "key-equals" : /[0-9.]/.test(key) ? "key-digit" : "key-fn";
    return h("button", { type: "button", class: "key " + kind + (key === "0" ? " key-wide" : ""), "aria-label": name === key ? null : name, onClick: () => press(key) }, key);
  }));
  const onKey = (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const map = { "*": "×", "/": "÷", "-": "−", "+": "+", Enter: "=", "=": "=", Escape: "C", Backspace: "⌫", ",": "." };
    const key = map[event.key] || event.key;
    if (/^[0-9.]$/.test(key) || OPS[key] || key === "=" || key === "C" || key === "⌫") {
      event.preventDefault();
      press(key);
    }
  };
  document.addEventListener("keydown", onKey);

  container.append(
    h("div", { class: "calculator" }, h("div", { class: "calc-screen" }, expression, h("label", { for: display.id, class: "sr-only" }, "Result"), display), pad),
    h("div", { class: "calc-history" }, h("h3", {}, "History"), historyList,
      button("Clear history", () => { history = []; prefs.set("history", history); show(); }, "ghost")));
  show();
  return () => document.removeEventListener("keydown", onKey);
}
