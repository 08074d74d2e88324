// @vitest-environment happy-dom
// The quiz, flashcards, tool and timer sections as a user drives them: what they show, what
// clicking and typing does, and what they keep across a reload (a fresh render over the same
// storage).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { datasets } from "../runtime/src/data/index.js";
import { datasetQuestions, timesTableQuestions } from "../runtime/src/content/questions.js";
import { render as renderFlashcards } from "../runtime/src/sections/flashcards.js";
import { render as renderQuiz } from "../runtime/src/sections/quiz.js";
import { render as renderTimer } from "../runtime/src/sections/timer.js";
import { render as renderTool } from "../runtime/src/sections/tool.js";
import { createTestApp, mountSection } from "./content-harness/test-app.js";
import { button, byLabel, click, textOf, type } from "./dom-helpers.js";

const spec = {
  appName: "Test App",
  storage: { key: "test-app", version: 1 },
  entities: [
    { name: "Card", pluralLabel: "Cards", fields: [{ name: "front", label: "Spanish word", type: "string", required: true }, { name: "back", label: "English meaning", type: "string", required: true }] },
    { name: "Question", pluralLabel: "Questions", fields: [{ name: "question", label: "Question", type: "string", required: true }, { name: "answer", label: "Answer", type: "string", required: true }] },
    { name: "Session", pluralLabel: "Sessions", fields: [{ name: "whatIWorkedOn", label: "What I worked on", type: "string", required: true }, { name: "date", label: "Date", type: "date" }] },
  ],
  pages: [{ path: "/questions", title: "Questions", sections: [{ type: "records", entity: "Question" }] }],
};

let cleanups = [];
const open = (render, section) => {
  const app = createTestApp({ spec, storage: localStorage });
  const mounted = mountSection(render, section, app);
  cleanups.push(mounted.cleanup);
  return { root: mounted.element, app };
};
/** Everything visible as text, whitespace collapsed (hidden parts left out, as innerText would). */
const visible = (el) => {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) parts.push(node.textContent);
    else if (node.nodeType === 1 && !node.hidden) node.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join(" ").replace(/\s+/g, " ").trim();
};
const output = (root, label) => byLabel(root, label).textContent;

beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
});
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  vi.useRealTimers();
});

describe("quiz", () => {
  it("asks a data set's questions one at a time and scores 3 right as 3 / 10", () => {
    const { root } = open(renderQuiz, { type: "quiz", title: "European capitals quiz", source: { kind: "dataset", dataset: "europe-capitals", count: 10 }, score: "fraction" });
    const questions = datasetQuestions(datasets["europe-capitals"], 10, 1);
    questions.forEach((question, i) => {
      expect(visible(root)).toContain("Question " + (i + 1) + " of 10");
      expect(textOf(root, ".quiz-question")).toBe(question.prompt);
      const choice = i < 3 ? question.answer : question.options.find((o) => o !== question.answer);
      click(button(root, choice));
      expect(textOf(root, ".quiz-feedback")).toBe(i < 3 ? "Correct!" : "Not quite — the answer is " + question.answer + ".");
      click(button(root, i < 9 ? "Next question" : "See your score"));
    });
    expect(output(root, "Score")).toBe("3 / 10");
    expect(visible(root)).toContain("You got 3 of 10 right.");
    // The next round is a new order, and is kept as the next round after a reload.
    click(button(root, "Play again"));
    const round2 = datasetQuestions(datasets["europe-capitals"], 10, 2);
    expect(textOf(root, ".quiz-question")).toBe(round2[0].prompt);
    document.body.replaceChildren();
    const again = open(renderQuiz, { type: "quiz", title: "Quiz", source: { kind: "dataset", dataset: "europe-capitals", count: 10 }, score: "fraction" });
    expect(textOf(again.root, ".quiz-question")).toBe(round2[0].prompt);
  });

  it("lets a child pick the 7 times table, type answers and get a star per right answer", () => {
    const { root } = open(renderQuiz, { type: "quiz", title: "Times tables", source: { kind: "times-table", tables: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], pickTable: true, questions: 10 }, score: "stars" });
    expect(visible(root)).toContain("Pick a times table to start.");
    const picker = root.querySelector('[aria-label="Pick a table"]');
    expect([...picker.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"))).toEqual([...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => n + " times table"), "Mixed tables"]);
    click(button(root, "7 times table"));
    const questions = timesTableQuestions({ tables: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], table: 7, questions: 10, round: 1 });
    questions.forEach((question, i) => {
      expect(textOf(root, ".quiz-question")).toMatch(/^7 × \d+ = \?$/);
      expect(textOf(root, ".quiz-question")).toBe(question.prompt);
      type(byLabel(root, "Your answer"), i < 7 ? question.answer : "0");
      root.querySelector("form.quiz-answer").dispatchEvent(new Event("submit", { cancelable: true }));
      click(button(root, i < 9 ? "Next question" : "See your score"));
    });
    expect(output(root, "Score")).toBe("7 stars");
    expect(textOf(root, ".quiz-stars")).toBe("★★★★★★★☆☆☆");
  });

  it("quizzes on the user's own questions and points to where they are written", () => {
    const { root, app } = open(renderQuiz, { type: "quiz", title: "Quiz", source: { kind: "entity", entity: "Question", promptField: "question", answerField: "answer" }, score: "percent" });
    expect(visible(root)).toContain("No questions yet.");
    expect(root.querySelector("a").getAttribute("href")).toBe("#/questions");
    app.store.create("Question", { question: "Capital of Peru?", answer: "Lima" });
    app.store.create("Question", { question: "2 + 2?", answer: "4" });
    expect(textOf(root, ".quiz-question")).toBe("Capital of Peru?");
    type(byLabel(root, "Your answer"), "lima");
    click(root.querySelector("form.quiz-answer button[type=submit]"));
    expect(textOf(root, ".quiz-feedback")).toBe("Correct!");
    click(button(root, "Next question"));
    type(byLabel(root, "Your answer"), "5");
    click(root.querySelector("form.quiz-answer button[type=submit]"));
    click(button(root, "See your score"));
    expect(output(root, "Score")).toBe("50%");
  });
});

describe("flashcards", () => {
  const section = { type: "flashcards", title: "Practice", entity: "Card", frontField: "front", backField: "back", spaced: true };
  const add = (root, front, back) => {
    type(byLabel(root, "Spanish word"), front);
    type(byLabel(root, "English meaning"), back);
    root.querySelector('form[aria-label="Add a card"]').dispatchEvent(new Event("submit", { cancelable: true }));
  };
  const card = (root) => visible(root.querySelector('[aria-label="Card"]'));

  it("adds cards with the prompt's labels, flips them and brings a missed card back first", () => {
    const { root, app } = open(renderFlashcards, section);
    expect(visible(root)).toContain("No cards yet.");
    root.querySelector('form[aria-label="Add a card"]').dispatchEvent(new Event("submit", { cancelable: true }));
    expect(visible(root)).toContain("Spanish word is required");
    add(root, "perro", "dog");
    add(root, "gato", "cat");
    add(root, "casa", "house");
    expect(app.store.list("Card").map((c) => c.front)).toEqual(["perro", "gato", "casa"]);
    expect(card(root)).toContain("Spanish word perro");
    expect(card(root)).not.toContain("dog");
    click(button(root, "Flip"));
    expect(card(root)).toContain("English meaning dog");
    expect(card(root)).not.toContain("perro");
    click(button(root, "I didn't"));
    expect(card(root)).toContain("gato");
    click(root.querySelector('[aria-label="Card"]'));
    expect(card(root)).toContain("cat");
    click(button(root, "I knew it"));
    expect(card(root)).toContain("perro");
    expect(visible(root)).toContain("Knew 1 of 2 this session");
  });

  it("cycles in order without spacing, keeps the schedule across a reload, and edits a card", () => {
    const first = open(renderFlashcards, { ...section, spaced: false });
    add(first.root, "perro", "dog");
    add(first.root, "gato", "cat");
    add(first.root, "casa", "house");
    click(button(first.root, "Flip"));
    click(button(first.root, "I didn't"));
    click(button(first.root, "Flip"));
    click(button(first.root, "I knew it"));
    expect(card(first.root)).toContain("casa");
    document.body.replaceChildren();
    const second = open(renderFlashcards, { ...section, spaced: false });
    expect(card(second.root)).toContain("casa");
    click(button(second.root, "Edit casa"));
    const form = second.root.querySelector('form[aria-label="Edit card"]');
    type(byLabel(form, "English meaning"), "home");
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    click(button(second.root, "Flip"));
    expect(card(second.root)).toContain("home");
  });
});

describe("tools", () => {
  const tool = (id, config) => open(renderTool, { type: "tool", title: id, tool: id, config }).root;
  const within = (root, name) => root.querySelector(`[aria-label="${name}"]`);

  it("converts each pair in both directions", () => {
    const root = tool("unit-converter", { pairs: ["km-mi", "kg-lb", "lb-c", "c-f"], bothDirections: true });
    expect([...root.querySelectorAll("[role=group]")].map((g) => g.getAttribute("aria-label"))).toEqual(["Kilometres and miles", "Kilograms and pounds", "Celsius and fahrenheit"]);
    type(byLabel(within(root, "Kilometres and miles"), "Kilometres (km)"), "10");
    expect(byLabel(root, "Miles (mi)").value).toBe("6.2137");
    type(byLabel(root, "Miles (mi)"), "1");
    expect(byLabel(root, "Kilometres (km)").value).toBe("1.6093");
    type(byLabel(root, "Celsius (°C)"), "100");
    expect(byLabel(root, "Fahrenheit (°F)").value).toBe("212");
    type(byLabel(root, "Fahrenheit (°F)"), "212");
    expect(byLabel(root, "Celsius (°C)").value).toBe("100");
    type(byLabel(root, "Kilograms (kg)"), "1");
    expect(byLabel(root, "Pounds (lb)").value).toBe("2.2046");
  });

  it("converts one way into a result when the plan says so", () => {
    const root = tool("unit-converter", { pairs: ["l-gal"], bothDirections: false });
    type(byLabel(root, "Litres (l)"), "10");
    expect(output(root, "US gallons (gal)")).toBe("2.6417 gal");
  });

  it("works out the tip, total and share", () => {
    const root = tool("tip-split", { tipPercents: [10, 15, 20], split: true });
    type(byLabel(root, "Bill amount"), "100");
    expect(byLabel(root, "Tip (%)").value).toBe("15");
    type(byLabel(root, "People"), "4");
    expect([output(root, "Tip"), output(root, "Total"), output(root, "Per person")]).toEqual(["15.00", "115.00", "28.75"]);
    click(button(root, "Tip 20%"));
    expect(output(root, "Total")).toBe("120.00");
  });

  it("works out BMI in metric and imperial with the category", () => {
    const root = tool("bmi", { units: ["metric", "imperial"], categories: true });
    type(byLabel(root, "Height (cm)"), "175");
    type(byLabel(root, "Weight (kg)"), "70");
    expect([output(root, "BMI"), output(root, "Category")]).toEqual(["22.9", "Healthy weight"]);
    type(byLabel(root, "Weight (kg)"), "50");
    expect(output(root, "Category")).toBe("Underweight");
    const imperial = byLabel(root, "Imperial");
    imperial.checked = true;
    imperial.dispatchEvent(new Event("change"));
    expect(byLabel(root, "Height (cm)").closest(".form-grid").hidden).toBe(true);
    type(byLabel(root, "Height (feet)"), "5");
    type(byLabel(root, "Height (inches)"), "9");
    type(byLabel(root, "Weight (lb)"), "154");
    expect([output(root, "BMI"), output(root, "Category")]).toEqual(["22.7", "Healthy weight"]);
  });

  it("works out a mortgage with a yearly table ending at 0", () => {
    const root = tool("mortgage", { showTotalInterest: true, amortization: true });
    type(byLabel(root, "Loan amount"), "200000");
    type(byLabel(root, "Interest rate (%)"), "5");
    type(byLabel(root, "Term (years)"), "25");
    expect([output(root, "Monthly payment"), output(root, "Total interest"), output(root, "Final balance")]).toEqual(["1,169.18", "150,754.02", "0.00"]);
    const rows = root.querySelectorAll('table[aria-label="Amortization by year"] tbody tr');
    expect(rows).toHaveLength(25);
    expect(rows[24].textContent).toContain("25");
    expect(rows[24].lastElementChild.textContent).toBe("0.00");
  });

  it("counts words as you type and keeps the draft", () => {
    const root = tool("word-counter", { characters: true, readingTime: true, wordsPerMinute: 225 });
    type(byLabel(root, "Text"), "the quick brown fox");
    expect([output(root, "Words"), output(root, "Characters"), output(root, "Reading time")]).toEqual(["4", "19", "1 min"]);
    document.body.replaceChildren();
    const again = tool("word-counter", { characters: true, readingTime: true, wordsPerMinute: 225 });
    expect(output(again, "Words")).toBe("4");
  });

  it("generates a password of the chosen length and says what it holds", async () => {
    const root = tool("password-generator", { length: 16, chooseLength: true, numbers: true, symbols: true, copy: true, chooseCharacters: true });
    expect(output(root, "Password")).toHaveLength(16);
    type(byLabel(root, "Length"), "20");
    click(button(root, "Generate"));
    expect(output(root, "Password")).toHaveLength(20);
    expect(output(root, "Characters")).toBe("20");
    expect(output(root, "Includes")).toBe("letters, numbers and symbols");
    const symbols = byLabel(root, "Include symbols");
    symbols.checked = false;
    symbols.dispatchEvent(new Event("change"));
    expect(output(root, "Includes")).toBe("letters and numbers");
    Object.defineProperty(navigator, "clipboard", { value: { writeText: vi.fn(async () => undefined) }, configurable: true });
    click(button(root, "Copy"));
    await vi.waitFor(() => expect(visible(root)).toContain("Copied"));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(output(root, "Password"));
  });

  it("scales ingredients to the servings asked for", () => {
    const root = tool("recipe-scaler", { baseServings: 4 });
    expect(byLabel(root, "Recipe serves").value).toBe("4");
    for (const line of ["200 g flour", "3 eggs"]) {
      type(byLabel(root, "Ingredient"), line);
      root.querySelector('form[aria-label="Add an ingredient"]').dispatchEvent(new Event("submit", { cancelable: true }));
    }
    const items = () => [...root.querySelectorAll('[aria-label="Ingredients"] li span')].map((s) => s.textContent);
    expect(items()).toEqual(["200 g flour", "3 eggs"]);
    type(byLabel(root, "Servings"), "8");
    expect(items()).toEqual(["400 g flour", "6 eggs"]);
    type(byLabel(root, "Servings"), "2");
    expect(items()).toEqual(["100 g flour", "1.5 eggs"]);
    click(button(root, "Remove flour"));
    expect(items()).toEqual(["1.5 eggs"]);
  });

  it("converts currencies at the rates typed and keeps a history, newest first", () => {
    const root = tool("currency-converter", { currencies: ["EUR", "USD", "GBP"], editableRates: true, history: true });
    const rate = byLabel(root, "USD per 1 EUR");
    type(rate, "1.25");
    type(byLabel(root, "Amount"), "100");
    root.querySelector('form[aria-label="Convert"]').dispatchEvent(new Event("submit", { cancelable: true }));
    expect(output(root, "Result")).toBe("125.00 USD");
    type(byLabel(root, "Amount"), "10");
    root.querySelector('form[aria-label="Convert"]').dispatchEvent(new Event("submit", { cancelable: true }));
    expect([...root.querySelectorAll('[aria-label="Conversions"] li')].map((li) => li.textContent)).toEqual(["10.00 EUR → 12.50 USD", "100.00 EUR → 125.00 USD"]);
  });

  it("answers the three percentage questions as you type", () => {
    const root = tool("percentage", {});
    const group = (name) => within(root, name);
    type(byLabel(group("Percent of a number"), "Percent (%)"), "15");
    type(byLabel(group("Percent of a number"), "Number"), "80");
    type(byLabel(group("Percentage change"), "From"), "50");
    type(byLabel(group("Percentage change"), "To"), "65");
    expect([output(root, "Result"), output(root, "Percentage"), output(root, "Change")]).toEqual(["12", "—", "+30%"]);
  });

  it("works out an age from a date of birth on today's date", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 10, 9));
    const root = tool("age-calculator", {});
    expect(byLabel(root, "Age on").value).toBe("2026-03-10");
    type(byLabel(root, "Date of birth"), "1990-03-15");
    expect([output(root, "Age"), output(root, "Exact age"), output(root, "Next birthday")]).toEqual(["35 years", "35 years, 11 months, 23 days", "In 5 days (Sunday 15 March 2026)"]);
  });

  it("says so for a tool it does not have", () => {
    expect(visible(tool("flux-capacitor", {}))).toContain("This tool is not available in this app.");
  });
});

describe("timer", () => {
  const pomodoro = { type: "timer", title: "Pomodoro", mode: "pomodoro", workMinutes: 25, breakMinutes: 5, longBreakMinutes: 15, longBreakEvery: 4, sound: true, countToday: true, editable: true, logEntity: "Session" };
  const clock = (root) => byLabel(root, "Time left").textContent;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 10, 9, 0, 0));
  });

  it("runs work, break and the long break after 4 rounds, counting today's pomodoros", () => {
    const { root, app } = open(renderTimer, pomodoro);
    expect([output(root, "Phase"), clock(root), output(root, "Pomodoros today")]).toEqual(["Work", "25:00", "0"]);
    type(byLabel(root, "What I worked on"), "Thesis chapter 2");
    click(button(root, "Start"));
    vi.advanceTimersByTime(1000);
    expect(clock(root)).toBe("24:59");
    click(button(root, "Pause"));
    vi.advanceTimersByTime(5000);
    expect(clock(root)).toBe("24:59");
    click(button(root, "Reset"));
    expect(clock(root)).toBe("25:00");
    click(button(root, "Start"));
    vi.advanceTimersByTime(25 * 60_000);
    expect([output(root, "Phase"), clock(root), output(root, "Pomodoros today")]).toEqual(["Break", "05:00", "1"]);
    expect(app.store.list("Session")).toMatchObject([{ whatIWorkedOn: "Thesis chapter 2", date: "2026-03-10" }]);
    vi.advanceTimersByTime(5 * 60_000);
    expect([output(root, "Phase"), clock(root)]).toEqual(["Work", "25:00"]);
    for (let round = 2; round <= 4; round++) {
      click(button(root, "Start"));
      vi.advanceTimersByTime(25 * 60_000);
      if (round < 4) vi.advanceTimersByTime(5 * 60_000);
    }
    expect([output(root, "Phase"), clock(root), output(root, "Pomodoros today")]).toEqual(["Long break", "15:00", "4"]);
    vi.advanceTimersByTime(15 * 60_000);
    expect([output(root, "Phase"), clock(root), textOf(root, ".timer-round")]).toEqual(["Work", "25:00", "Round 1 of 4"]);
  });

  it("keeps today's count and the lengths across a reload, and starts a new day at 0", () => {
    const first = open(renderTimer, pomodoro);
    type(byLabel(first.root, "Work (minutes)"), "50");
    type(byLabel(first.root, "Break (minutes)"), "10");
    expect(clock(first.root)).toBe("50:00");
    click(button(first.root, "Start"));
    vi.advanceTimersByTime(50 * 60_000);
    expect([output(first.root, "Phase"), clock(first.root)]).toEqual(["Break", "10:00"]);
    for (const cleanup of cleanups) cleanup();
    document.body.replaceChildren();
    const second = open(renderTimer, pomodoro);
    expect(output(second.root, "Pomodoros today")).toBe("1");
    expect(byLabel(second.root, "Work (minutes)").value).toBe("50");
    expect(output(second.root, "Phase")).toBe("Break");
    vi.advanceTimersByTime(24 * 3600_000);
    expect(output(second.root, "Pomodoros today")).toBe("0");
  });

  it("counts down to 12 September in days, hours, minutes and seconds", () => {
    vi.setSystemTime(new Date(2026, 8, 1, 9, 0, 0));
    const { root } = open(renderTimer, { type: "timer", title: "Countdown to wedding day", mode: "countdown", target: "09-12" });
    expect([output(root, "Days to go"), output(root, "Days"), output(root, "Hours"), output(root, "Minutes"), output(root, "Seconds")]).toEqual(["11", "10", "15", "0", "0"]);
    expect(visible(root)).toContain("Saturday 12 September 2026");
    vi.advanceTimersByTime(1000);
    expect([output(root, "Minutes"), output(root, "Seconds")]).toEqual(["59", "59"]);
  });

  it("runs a stopwatch with laps", () => {
    const { root } = open(renderTimer, { type: "timer", title: "Stopwatch", mode: "stopwatch" });
    click(button(root, "Start"));
    vi.advanceTimersByTime(61_200);
    click(button(root, "Lap"));
    click(button(root, "Pause"));
    expect(byLabel(root, "Elapsed").textContent).toBe("01:01.2");
    expect(visible(root.querySelector('[aria-label="Laps"]'))).toBe("Lap 1: 01:01.2");
  });
});
