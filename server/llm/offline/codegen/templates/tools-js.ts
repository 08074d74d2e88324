// src/pages/tools/*.js: single-purpose tools. Each module exports render(root, context).
import type { ToolId } from "../../plan/tool-catalog";

const calculatorJs = String.raw`// Calculator: keypad arithmetic with operator precedence and a persisted history.
import { h } from "../../lib/dom.js";
import { toolPage } from "./tool-page.js";

const OPS = { "+": "Add", "−": "Subtract", "×": "Multiply", "÷": "Divide" };

function evaluate(tokens) {
  // Two passes: × and ÷ first, then + and −, left to right.
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

export function render(root, { page, store }) {
  let tokens = [];
  let entry = "0";
  let justEvaluated = false;
  let history = store.getPref("calculator.history", []);
  const expression = h("p", { class: "calc-expression", "aria-live": "polite" });
  const display = h("output", { class: "calc-display", "aria-live": "polite" });
  const historyList = h("ol", { class: "history" });

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
        store.setPref("calculator.history", history);
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

  toolPage(root, page, h("div", { class: "tool-grid" },
    h("section", { class: "card calculator", "aria-label": "Calculator" }, h("div", { class: "calc-screen" }, expression, display), pad),
    h("section", { class: "card" }, h("div", { class: "card-head" }, h("h2", { class: "card-title" }, "History"),
      h("button", { type: "button", class: "btn btn-small", onClick: () => { history = []; store.setPref("calculator.history", history); show(); } }, "Clear history")), historyList)));
  show();
  return () => document.removeEventListener("keydown", onKey);
}
`;

const converterJs = String.raw`// Unit converter: linear units convert through a base unit; temperatures need offsets.
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
`;

const tipJs = String.raw`// Tip calculator: tip, total and per-person share, remembered between visits.
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
`;

const countdownCore = String.raw`// Shared countdown engine for the timer and the pomodoro: wall-clock based, so it stays accurate
// even when the tab throttles timers.
import { pad } from "../../lib/format.js";

export function formatClock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return pad(Math.floor(total / 60)) + ":" + pad(total % 60);
}

export function createCountdown(onTick, onDone) {
  let remaining = 0;
  let endsAt = null;
  let timer = null;
  const tick = () => {
    remaining = Math.max(0, endsAt - Date.now());
    onTick(remaining);
    if (remaining === 0) {
      stop();
      onDone();
    }
  };
  function stop() {
    clearInterval(timer);
    timer = null;
    endsAt = null;
  }
  return {
    get running() { return timer !== null; },
    set(ms) { stop(); remaining = ms; onTick(remaining); },
    start() {
      if (timer !== null || remaining <= 0) return;
      endsAt = Date.now() + remaining;
      timer = setInterval(tick, 200);
    },
    pause() {
      if (timer === null) return;
      remaining = Math.max(0, endsAt - Date.now());
      stop();
      onTick(remaining);
    },
    dispose: stop,
  };
}
`;

const timerJs = String.raw`// Countdown timer with a remembered duration.
import { h } from "../../lib/dom.js";
import { createCountdown, formatClock } from "./countdown.js";
import { toolPage } from "./tool-page.js";

export function render(root, { page, store, announce }) {
  const saved = store.getPref("timer", { minutes: "5", seconds: "0" });
  const minutes = h("input", { id: "timer-minutes", type: "number", min: "0", max: "999", step: "1", value: saved.minutes });
  const seconds = h("input", { id: "timer-seconds", type: "number", min: "0", max: "59", step: "1", value: saved.seconds });
  const display = h("p", { class: "clock", role: "timer", "aria-live": "off" });
  const status = h("p", { class: "clock-status", "aria-live": "polite" }, "Ready");
  const countdown = createCountdown((ms) => { display.textContent = formatClock(ms); }, () => {
    status.textContent = "Time's up!";
    announce("Time's up!");
  });

  function duration() {
    const m = Math.max(0, Math.floor(Number(minutes.value) || 0));
    const s = Math.min(59, Math.max(0, Math.floor(Number(seconds.value) || 0)));
    return (m * 60 + s) * 1000;
  }
  function reset() {
    countdown.set(duration());
    status.textContent = "Ready";
    store.setPref("timer", { minutes: minutes.value, seconds: seconds.value });
  }
  for (const el of [minutes, seconds]) el.addEventListener("input", () => { if (!countdown.running) reset(); });

  const field = (control, label) => h("div", { class: "field" }, h("label", { for: control.id }, label), control);
  toolPage(root, page, h("section", { class: "card tool-card clock-card" },
    display, status,
    h("div", { class: "form-grid form-grid-2" }, field(minutes, "Minutes"), field(seconds, "Seconds")),
    h("div", { class: "clock-actions" },
      h("button", { type: "button", class: "btn btn-primary", onClick: () => { countdown.start(); if (countdown.running) status.textContent = "Running"; } }, "Start"),
      h("button", { type: "button", class: "btn", onClick: () => { if (countdown.running) { countdown.pause(); status.textContent = "Paused"; } } }, "Pause"),
      h("button", { type: "button", class: "btn btn-ghost", onClick: reset }, "Reset"))));
  reset();
  return countdown.dispose;
}
`;

const pomodoroJs = String.raw`// Pomodoro: focus sessions and breaks; finished focus sessions are counted and remembered.
import { h } from "../../lib/dom.js";
import { createCountdown, formatClock } from "./countdown.js";
import { toolPage } from "./tool-page.js";

const MODES = [["focus", "Focus", 25], ["short", "Short break", 5], ["long", "Long break", 15]];

export function render(root, { page, store, announce }) {
  let mode = "focus";
  let completed = store.getPref("pomodoro.completed", 0);
  const display = h("p", { class: "clock", role: "timer", "aria-live": "off" });
  const status = h("p", { class: "clock-status", "aria-live": "polite" });
  const done = h("p", { class: "muted" });
  const modeButtons = MODES.map(([id, label]) => h("button", { type: "button", class: "btn btn-small mode", "aria-pressed": "false", onClick: () => setMode(id) }, label));
  const countdown = createCountdown((ms) => { display.textContent = formatClock(ms); }, () => {
    if (mode === "focus") {
      completed += 1;
      store.setPref("pomodoro.completed", completed);
      announce("Focus session done. Time for a break!");
      setMode(completed % 4 === 0 ? "long" : "short");
    } else {
      announce("Break over. Back to focus!");
      setMode("focus");
    }
  });

  function setMode(id) {
    mode = id;
    const [, , minutes] = MODES.find((m) => m[0] === id);
    countdown.set(minutes * 60 * 1000);
    status.textContent = "Ready";
    MODES.forEach((m, i) => modeButtons[i].setAttribute("aria-pressed", String(m[0] === id)));
    done.textContent = "Completed focus sessions: " + completed;
  }

  toolPage(root, page, h("section", { class: "card tool-card clock-card" },
    h("div", { class: "modes", role: "group", "aria-label": "Mode" }, modeButtons),
    display, status,
    h("div", { class: "clock-actions" },
      h("button", { type: "button", class: "btn btn-primary", onClick: () => { countdown.start(); if (countdown.running) status.textContent = "Running"; } }, "Start"),
      h("button", { type: "button", class: "btn", onClick: () => { if (countdown.running) { countdown.pause(); status.textContent = "Paused"; } } }, "Pause"),
      h("button", { type: "button", class: "btn btn-ghost", onClick: () => setMode(mode) }, "Reset")),
    done));
  setMode("focus");
  return countdown.dispose;
}
`;

const stopwatchJs = String.raw`// Stopwatch with laps; elapsed time and laps survive a reload.
import { h } from "../../lib/dom.js";
import { pad } from "../../lib/format.js";
import { toolPage } from "./tool-page.js";

function formatElapsed(ms) {
  const cs = Math.floor(ms / 10);
  return pad(Math.floor(cs / 6000)) + ":" + pad(Math.floor(cs / 100) % 60) + "." + pad(cs % 100);
}

export function render(root, { page, store }) {
  const saved = store.getPref("stopwatch", { elapsed: 0, laps: [] });
  let elapsed = saved.elapsed;
  let laps = saved.laps;
  let startedAt = null;
  let timer = null;
  const display = h("p", { class: "clock", role: "timer", "aria-live": "off" });
  const status = h("p", { class: "clock-status", "aria-live": "polite" }, elapsed ? "Paused" : "Ready");
  const lapList = h("ol", { class: "history" });

  const now = () => elapsed + (startedAt === null ? 0 : Date.now() - startedAt);
  const persist = () => store.setPref("stopwatch", { elapsed: now(), laps });
  function show() {
    display.textContent = formatElapsed(now());
    lapList.replaceChildren(...(laps.length ? laps.map((ms, i) => h("li", {}, h("span", {}, "Lap " + (i + 1)), h("span", { class: "mono" }, formatElapsed(ms)))).reverse() : [h("li", { class: "muted" }, "No laps yet")]));
  }
  function start() {
    if (startedAt !== null) return;
    startedAt = Date.now();
    timer = setInterval(show, 50);
    status.textContent = "Running";
  }
  function pause() {
    if (startedAt === null) return;
    elapsed = now();
    startedAt = null;
    clearInterval(timer);
    status.textContent = "Paused";
    persist();
    show();
  }
  function lap() {
    laps = [...laps, now()];
    persist();
    show();
  }
  function reset() {
    clearInterval(timer);
    startedAt = null;
    elapsed = 0;
    laps = [];
    status.textContent = "Ready";
    persist();
    show();
  }

  toolPage(root, page, h("div", { class: "tool-grid" },
    h("section", { class: "card tool-card clock-card" }, display, status,
      h("div", { class: "clock-actions" },
        h("button", { type: "button", class: "btn btn-primary", onClick: start }, "Start"),
        h("button", { type: "button", class: "btn", onClick: pause }, "Pause"),
        h("button", { type: "button", class: "btn", onClick: lap }, "Lap"),
        h("button", { type: "button", class: "btn btn-ghost", onClick: reset }, "Reset"))),
    h("section", { class: "card" }, h("h2", { class: "card-title" }, "Laps"), lapList)));
  show();
  return () => clearInterval(timer);
}
`;

const wordcountJs = String.raw`// Word counter: live counts of a draft that is kept between visits.
import { h } from "../../lib/dom.js";
import { formatNumber } from "../../lib/format.js";
import { toolPage } from "./tool-page.js";

export function countText(text) {
  const words = text.trim() ? text.trim().split(/\s+/).length : 0;
  const sentences = (text.match(/[^.!?]*[^.!?\s][^.!?]*(?:[.!?]+|$)/g) || []).length;
  return { words, characters: text.length, sentences, minutes: Math.max(words ? 1 : 0, Math.ceil(words / 200)) };
}

export function render(root, { page, store }) {
  const text = h("textarea", { id: "wc-text", rows: 10, placeholder: "Paste or type your text…", value: store.getPref("wordcount.text", "") });
  const outs = { words: h("p", { class: "stat-value" }), characters: h("p", { class: "stat-value" }), sentences: h("p", { class: "stat-value" }), minutes: h("p", { class: "stat-value" }) };
  function update() {
    const counts = countText(text.value);
    outs.words.textContent = formatNumber(counts.words);
    outs.characters.textContent = formatNumber(counts.characters);
    outs.sentences.textContent = formatNumber(counts.sentences);
    outs.minutes.textContent = counts.minutes + " min";
    store.setPref("wordcount.text", text.value);
  }
  text.addEventListener("input", update);
  const stat = (label, out) => h("div", { class: "card stat" }, h("p", { class: "stat-label" }, label), out);
  toolPage(root, page,
    h("div", { class: "stats" }, stat("Words", outs.words), stat("Characters", outs.characters), stat("Sentences", outs.sentences), stat("Reading time", outs.minutes)),
    h("section", { class: "card tool-card" }, h("div", { class: "field" }, h("label", { for: text.id }, "Text"), text)));
  update();
}
`;

const bmiJs = String.raw`// BMI calculator (metric), with the WHO category.
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
`;

export const toolPageJs = String.raw`// Common frame of a tool page: title, purpose and the tool's content.
import { h } from "../../lib/dom.js";

export function toolPage(root, page, ...content) {
  root.append(h("section", { class: "page page-narrow" },
    h("header", { class: "page-head" }, h("div", {}, h("h1", {}, page.title), h("p", { class: "muted" }, page.purpose))),
    content));
}
`;

/** Module source per tool, plus helper modules some tools import. */
export const toolModules: Record<ToolId, { main: string; helpers: Record<string, string> }> = {
  calculator: { main: calculatorJs, helpers: {} },
  converter: { main: converterJs, helpers: {} },
  tip: { main: tipJs, helpers: {} },
  timer: { main: timerJs, helpers: { "countdown.js": countdownCore } },
  pomodoro: { main: pomodoroJs, helpers: { "countdown.js": countdownCore } },
  stopwatch: { main: stopwatchJs, helpers: {} },
  wordcount: { main: wordcountJs, helpers: {} },
  bmi: { main: bmiJs, helpers: {} },
};
