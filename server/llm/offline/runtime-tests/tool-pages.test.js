// @vitest-environment happy-dom
// The tool pages as a user drives them: keys and fields in, the numbers they show out, and what
// they remember between visits (through the real store).
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render as renderBmi } from "../runtime/src/pages/tools/bmi.js";
import { render as renderCalculator } from "../runtime/src/pages/tools/calculator.js";
import { render as renderConverter } from "../runtime/src/pages/tools/converter.js";
import { render as renderPomodoro } from "../runtime/src/pages/tools/pomodoro.js";
import { render as renderStopwatch } from "../runtime/src/pages/tools/stopwatch.js";
import { render as renderTimer } from "../runtime/src/pages/tools/timer.js";
import { render as renderTip } from "../runtime/src/pages/tools/tip.js";
import { render as renderWordcount } from "../runtime/src/pages/tools/wordcount.js";
import { button, byLabel, choose, click, mount, textOf, texts, type } from "./dom-helpers.js";
import { generatedApp } from "./generated-app";

const app = generatedApp("a calculator");
afterAll(() => app.remove());
const { createMemoryStorage, createStore } = await app.import("src/store.js");

const page = { title: "Tool", purpose: "Does one thing." };
let storage;
let announce;
const open = (render) => {
  const root = mount();
  const cleanup = render(root, { page, store: createStore({ namespace: "tools", storage }), announce });
  return { root, cleanup };
};
const stat = (root, label) => [...root.querySelectorAll(".stat")].find((s) => textOf(s, ".stat-label") === label)?.querySelector(".stat-value").textContent;

beforeEach(() => {
  storage = createMemoryStorage();
  announce = vi.fn();
});

describe("calculator", () => {
  const press = (root, keys) => keys.split(" ").forEach((key) => click(button(root, { "+": "Add", "−": "Subtract", "×": "Multiply", "÷": "Divide", "=": "Equals", "⌫": "Backspace", C: "Clear", ".": "Decimal point" }[key] ?? key)));
  const display = (root) => textOf(root, ".calc-display");

  it("does multiplication before addition", () => {
    const { root } = open(renderCalculator);
    press(root, "2 + 3 × 4");
    expect(textOf(root, ".calc-expression")).toBe("2 + 3 ×");
    press(root, "=");
    expect(display(root)).toBe("14");
    expect(texts(root, ".history li")).toEqual(["2 + 3 × 4 = 14"]);
  });

  it("hides floating-point noise", () => {
    const { root } = open(renderCalculator);
    press(root, ". 1 + . 2 =");
    expect(display(root)).toBe("0.3");
    press(root, "1 ÷ 3 =");
    expect(display(root)).toBe("0.333333333333");
  });

  it("says so when dividing by zero", () => {
    const { root } = open(renderCalculator);
    press(root, "7 ÷ 0 =");
    expect(display(root)).toBe("Cannot divide by zero");
    expect(root.querySelector(".calc-display").classList.contains("is-error")).toBe(true);
    press(root, "4");
    expect(display(root)).toBe("4");
  });

  it("continues from a result, replaces a repeated operator and edits the entry", () => {
    const { root } = open(renderCalculator);
    press(root, "9 − 4 =");
    press(root, "+ 1 =");
    expect(display(root)).toBe("6");
    press(root, "5");
    expect(display(root)).toBe("5");
    press(root, "+ × 3 =");
    expect(display(root)).toBe("15");
    press(root, "C 1 2 3 ⌫");
    expect(display(root)).toBe("12");
  });

  it("works from the keyboard, except while typing in a field", () => {
    const { root, cleanup } = open(renderCalculator);
    const key = (k, target = document) => target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    ["6", "*", "7", "Enter"].forEach((k) => key(k));
    expect(display(root)).toBe("42");
    const field = document.createElement("input");
    document.body.append(field);
    key("9", field);
    expect(display(root)).toBe("42");
    cleanup();
    key("Escape");
    expect(display(root)).toBe("42");
  });

  it("keeps the history across visits until it is cleared", () => {
    press(open(renderCalculator).root, "2 × 2 =");
    const { root } = open(renderCalculator);
    expect(texts(root, ".history li")).toEqual(["2 × 2 = 4"]);
    click(button(root, "Clear history"));
    expect(texts(root, ".history li")).toEqual(["No calculations yet"]);
    expect(texts(open(renderCalculator).root, ".history li")).toEqual(["No calculations yet"]);
  });
});

describe("tip calculator", () => {
  it("works out the tip, the total and each share, to the cent", () => {
    const { root } = open(renderTip);
    type(byLabel(root, "Bill amount"), "47.50");
    type(byLabel(root, "Tip percentage"), "15");
    type(byLabel(root, "People"), "2");
    expect(stat(root, "Tip")).toBe("$7.13");
    expect(stat(root, "Total")).toBe("$54.63");
    expect(stat(root, "Per person")).toBe("$27.32");
  });

  it("applies a preset and treats nonsense as zero bill and one person", () => {
    const { root } = open(renderTip);
    type(byLabel(root, "Bill amount"), "80");
    click(button(root, "20%"));
    expect(byLabel(root, "Tip percentage").value).toBe("20");
    expect(stat(root, "Tip")).toBe("$16.00");
    type(byLabel(root, "People"), "0");
    expect(stat(root, "Per person")).toBe("$96.00");
    type(byLabel(root, "Bill amount"), "-5");
    expect(stat(root, "Total")).toBe("$0.00");
  });

  it("remembers the last bill", () => {
    type(byLabel(open(renderTip).root, "Bill amount"), "120");
    const { root } = open(renderTip);
    expect(byLabel(root, "Bill amount").value).toBe("120");
    expect(stat(root, "Tip")).toBe("$18.00");
  });
});

describe("BMI calculator", () => {
  it("computes BMI from centimetres and kilograms, with its category", () => {
    const { root } = open(renderBmi);
    expect(stat(root, "BMI")).toBe("—");
    expect(textOf(root, ".bmi-category")).toBe("Enter your height and weight");
    type(byLabel(root, "Height (cm)"), "170");
    type(byLabel(root, "Weight (kg)"), "65");
    expect(stat(root, "BMI")).toBe("22.5");
    expect(textOf(root, ".bmi-category")).toBe("Healthy weight");
    type(byLabel(root, "Weight (kg)"), "95");
    expect(stat(root, "BMI")).toBe("32.9");
    expect(textOf(root, ".bmi-category")).toBe("Obesity");
  });

  it("remembers the last entry", () => {
    const first = open(renderBmi).root;
    type(byLabel(first, "Height (cm)"), "180");
    type(byLabel(first, "Weight (kg)"), "81");
    expect(stat(open(renderBmi).root, "BMI")).toBe("25.0");
  });
});

describe("unit converter", () => {
  const result = (root) => textOf(root, ".result-big");

  it("starts at 1 km in miles and converts what is typed", () => {
    const { root } = open(renderConverter);
    expect(result(root)).toBe("1 km = 0.62 mi");
    type(byLabel(root, "Value"), "10");
    expect(result(root)).toBe("10 km = 6.21 mi");
    type(byLabel(root, "Value"), "");
    expect(result(root)).toBe("Enter a value to convert");
  });

  it("swaps units and switches categories", () => {
    const { root } = open(renderConverter);
    type(byLabel(root, "Value"), "10");
    click(button(root, "Swap units"));
    expect(result(root)).toBe("10 mi = 16.09 km");
    choose(byLabel(root, "Category"), "Temperature");
    type(byLabel(root, "Value"), "100");
    expect(result(root)).toBe("100 °C = 212 °F");
    choose(byLabel(root, "To"), "K");
    expect(result(root)).toBe("100 °C = 373.15 K");
  });

  it("remembers the last conversion", () => {
    const first = open(renderConverter).root;
    choose(byLabel(first, "Category"), "Weight");
    type(byLabel(first, "Value"), "2");
    choose(byLabel(first, "To"), "lb");
    expect(result(open(renderConverter).root)).toBe("2 kg = 4.41 lb");
  });
});

describe("word counter", () => {
  it("counts as you type and keeps the draft", () => {
    const { root } = open(renderWordcount);
    type(byLabel(root, "Text"), "One two three. Four!");
    expect(stat(root, "Words")).toBe("4");
    expect(stat(root, "Characters")).toBe("20");
    expect(stat(root, "Sentences")).toBe("2");
    expect(stat(root, "Reading time")).toBe("1 min");
    expect(byLabel(open(renderWordcount).root, "Text").value).toBe("One two three. Four!");
  });
});

describe("clocks", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clock = (root) => textOf(root, ".clock");
  const status = (root) => textOf(root, ".clock-status");

  it("timer: counts down the chosen time and says when it is up", () => {
    const { root, cleanup } = open(renderTimer);
    expect(clock(root)).toBe("05:00");
    type(byLabel(root, "Minutes"), "0");
    type(byLabel(root, "Seconds"), "3");
    expect(clock(root)).toBe("00:03");
    click(button(root, "Start"));
    expect(status(root)).toBe("Running");
    vi.advanceTimersByTime(1000);
    expect(clock(root)).toBe("00:02");
    click(button(root, "Pause"));
    expect(status(root)).toBe("Paused");
    click(button(root, "Start"));
    vi.advanceTimersByTime(2500);
    expect(clock(root)).toBe("00:00");
    expect(status(root)).toBe("Time's up!");
    expect(announce).toHaveBeenCalledWith("Time's up!");
    cleanup();
    expect(clock(open(renderTimer).root)).toBe("00:03");
  });

  it("timer: clamps seconds to 59", () => {
    const { root } = open(renderTimer);
    type(byLabel(root, "Minutes"), "1");
    type(byLabel(root, "Seconds"), "75");
    expect(clock(root)).toBe("01:59");
  });

  it("pomodoro: a finished focus session is counted and a break starts", () => {
    const { root } = open(renderPomodoro);
    expect(clock(root)).toBe("25:00");
    expect(button(root, "Focus").getAttribute("aria-pressed")).toBe("true");
    click(button(root, "Start"));
    vi.advanceTimersByTime(25 * 60_000);
    expect(announce).toHaveBeenCalledWith("Focus session done. Time for a break!");
    expect(clock(root)).toBe("05:00");
    expect(button(root, "Short break").getAttribute("aria-pressed")).toBe("true");
    expect(textOf(root, ".clock-card > .muted")).toBe("Completed focus sessions: 1");
    click(button(root, "Start"));
    vi.advanceTimersByTime(5 * 60_000);
    expect(announce).toHaveBeenLastCalledWith("Break over. Back to focus!");
    expect(clock(root)).toBe("25:00");
    expect(textOf(open(renderPomodoro).root, ".clock-card > .muted")).toBe("Completed focus sessions: 1");
  });

  it("pomodoro: every fourth focus session earns a long break", () => {
    storage.setItem("tools", JSON.stringify({ version: 1, tables: {}, nextId: {}, prefs: { "pomodoro.completed": 3 } }));
    const { root } = open(renderPomodoro);
    click(button(root, "Start"));
    vi.advanceTimersByTime(25 * 60_000);
    expect(clock(root)).toBe("15:00");
    expect(button(root, "Long break").getAttribute("aria-pressed")).toBe("true");
  });

  it("stopwatch: measures time and laps, and keeps them when paused", () => {
    const { root, cleanup } = open(renderStopwatch);
    expect(clock(root)).toBe("00:00.00");
    click(button(root, "Start"));
    vi.advanceTimersByTime(1500);
    expect(clock(root)).toBe("00:01.50");
    click(button(root, "Lap"));
    vi.advanceTimersByTime(61_000);
    click(button(root, "Pause"));
    expect(clock(root)).toBe("01:02.50");
    expect(texts(root, ".history li")).toEqual(["Lap 100:01.50"]);
    cleanup();
    const again = open(renderStopwatch).root;
    expect(clock(again)).toBe("01:02.50");
    expect(status(again)).toBe("Paused");
    click(button(again, "Reset"));
    expect(clock(again)).toBe("00:00.00");
    expect(texts(again, ".history li")).toEqual(["No laps yet"]);
  });
});
