// The content family's logic: quiz rounds and answers, the flashcard schedule, timers and
// countdowns, number formats and every tool's arithmetic.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { calendarDaysUntil, countdownTarget, createCountdown, phaseAfter, splitDuration } from "../runtime/src/content/clock.js";
import { emptyProgress, nextCardId, recordAnswer } from "../runtime/src/content/deck.js";
import { formatAmount, formatClock, formatElapsed, formatFixed, formatQuantity } from "../runtime/src/content/format.js";
import { createMemoryStorage, createPrefs, storageKeyOf } from "../runtime/src/content/prefs.js";
import { datasetQuestions, inlineQuestions, isCorrect, normalizeAnswer, recordQuestions, scoreText, timesTableQuestions } from "../runtime/src/content/questions.js";
import { hashSeed, seededRandom, shuffled } from "../runtime/src/content/random.js";
import { datasets } from "../runtime/src/data/index.js";
import { ageOn } from "../runtime/src/tools/age.js";
import { bmiCategory, bmiImperial, bmiMetric } from "../runtime/src/tools/bmi.js";
import { evaluate } from "../runtime/src/tools/calculator.js";
import { convertCurrency, exampleRates } from "../runtime/src/tools/currency-converter.js";
import { amortize, monthlyPayment } from "../runtime/src/tools/mortgage.js";
import { characterSets, describePassword, generatePassword } from "../runtime/src/tools/password-generator.js";
import { percentChange, percentOf, percentageOf } from "../runtime/src/tools/percentage.js";
import { ingredientName, parseIngredient, scaleIngredient } from "../runtime/src/tools/recipe-scaler.js";
import { tipSplit } from "../runtime/src/tools/tip-split.js";
import { convert, converterPairs, pairName, unitLabel } from "../runtime/src/tools/unit-converter.js";
import { countText, countWords } from "../runtime/src/tools/word-counter.js";

describe("seeded randomness", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = seededRandom(hashSeed("x:1"));
    const b = seededRandom(hashSeed("x:1"));
    const c = seededRandom(hashSeed("x:2"));
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const n of first) expect(n >= 0 && n < 1).toBe(true);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const mixed = shuffled(items, seededRandom(5));
    expect([...mixed].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("quiz questions", () => {
  it("makes the same round 1 every time and a different round 2", () => {
    const europe = datasets["europe-capitals"];
    const round1 = datasetQuestions(europe, 10, 1);
    expect(round1).toHaveLength(10);
    expect(datasetQuestions(europe, 10, 1)).toEqual(round1);
    expect(datasetQuestions(europe, 10, 2).map((q) => q.prompt)).not.toEqual(round1.map((q) => q.prompt));
    expect(new Set(round1.map((q) => q.prompt)).size).toBe(10);
    expect(datasetQuestions(europe, 500, 1)).toHaveLength(europe.items.length);
  });

  it("asks one table's multipliers 1–12 once each, or a mix of tables", () => {
    const sevens = timesTableQuestions({ tables: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], table: 7, questions: 10, round: 1 });
    expect(sevens).toHaveLength(10);
    const multipliers = sevens.map((q) => {
      const [, a, b] = /^(\d+) × (\d+) = \?$/.exec(q.prompt);
      expect(Number(a)).toBe(7);
      expect(q.answer).toBe(String(7 * Number(b)));
      return Number(b);
    });
    expect(new Set(multipliers).size).toBe(10);
    expect(timesTableQuestions({ tables: [7], table: 7, questions: 30, round: 1 })).toHaveLength(30);
    const mixed = timesTableQuestions({ tables: [2, 5], table: null, questions: 40, round: 3 });
    for (const q of mixed) expect(q.prompt).toMatch(/^(2|5) × (\d+) = \?$/);
    expect(new Set(mixed.map((q) => q.prompt.split(" ")[0]))).toEqual(new Set(["2", "5"]));
  });

  it("keeps the author's order for written questions and records", () => {
    expect(inlineQuestions([{ prompt: "2+2?", answer: "4" }, { prompt: "Sky?", answer: "Blue", options: ["Red", "Green"] }])).toEqual([
      { prompt: "2+2?", answer: "4" },
      { prompt: "Sky?", answer: "Blue", options: ["Red", "Green", "Blue"] },
    ]);
    expect(recordQuestions([{ q: "A?", a: "a" }, { q: "", a: "x" }, { q: "B?", a: 2 }], "q", "a")).toEqual([{ prompt: "A?", answer: "a" }, { prompt: "B?", answer: "2" }]);
  });

  it("accepts answers whatever their accents, case, punctuation and alternatives", () => {
    expect(normalizeAnswer("  Reykjavík ")).toBe("reykjavik");
    expect(isCorrect({ prompt: "", answer: "Reykjavík" }, "reykjavik")).toBe(true);
    expect(isCorrect({ prompt: "", answer: "Kyiv", accept: ["Kiev"] }, "KIEV")).toBe(true);
    expect(isCorrect({ prompt: "", answer: "St. John's" }, "st johns")).toBe(true);
    expect(isCorrect({ prompt: "", answer: "Port-au-Prince" }, "port au prince")).toBe(true);
    expect(isCorrect({ prompt: "", answer: "Paris" }, "Lyon")).toBe(false);
    expect(isCorrect({ prompt: "", answer: "Paris" }, "   ")).toBe(false);
    expect(isCorrect({ prompt: "", answer: "56" }, " 56 ")).toBe(true);
    expect(isCorrect({ prompt: "", answer: "56" }, "56.0")).toBe(true);
    expect(isCorrect({ prompt: "", answer: "56" }, "65")).toBe(false);
    expect(isCorrect({ prompt: "", answer: "Co", caseSensitive: true }, "CO")).toBe(false);
    expect(isCorrect({ prompt: "", answer: "Co", caseSensitive: true }, "Co")).toBe(true);
  });

  it("writes the score as asked", () => {
    expect(scoreText("fraction", 3, 10)).toBe("3 / 10");
    expect(scoreText("percent", 7, 10)).toBe("70%");
    expect(scoreText("percent", 1, 3)).toBe("33%");
    expect(scoreText("stars", 7, 10)).toBe("7 stars");
    expect(scoreText("stars", 1, 10)).toBe("1 star");
  });
});

describe("flashcard schedule", () => {
  const deck = ["perro", "gato", "casa"];
  const play = (answers, spaced) => {
    let progress = emptyProgress();
    const shown = [];
    for (const knew of answers) {
      const id = nextCardId(deck, progress);
      shown.push(id);
      progress = recordAnswer(progress, deck, id, knew, spaced);
    }
    shown.push(nextCardId(deck, progress));
    return shown;
  };

  it("cycles through the deck in order without spacing", () => {
    expect(play([false, true, true, false, true], false)).toEqual(["perro", "gato", "casa", "perro", "gato", "casa"]);
  });

  it("brings a missed card back after at most one other card with spacing", () => {
    expect(play([false, true], true)).toEqual(["perro", "gato", "perro"]);
    // Perro missed every time, the others known: perro keeps coming back, the others wait longer and longer.
    let progress = emptyProgress();
    const shown = [];
    for (let i = 0; i < 12; i++) {
      const id = nextCardId(deck, progress);
      shown.push(id);
      progress = recordAnswer(progress, deck, id, id !== "perro", true);
    }
    expect(shown.join(" ")).toBe("perro gato perro casa perro gato perro casa perro perro perro perro");
    expect(shown.filter((id) => id === "perro").length).toBeGreaterThan(2 * shown.filter((id) => id === "gato").length);
  });

  it("returns null for an empty deck and forgets deleted cards", () => {
    expect(nextCardId([], emptyProgress())).toBeNull();
    const progress = recordAnswer({ step: 3, cards: { gone: { box: 1, due: 9, known: 1, missed: 0 } } }, ["a"], "a", true, true);
    expect(Object.keys(progress.cards)).toEqual(["a"]);
    expect(progress).toMatchObject({ step: 4, cards: { a: { box: 1, due: 7, known: 1, missed: 0 } } });
  });
});

describe("clock", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("counts down by the wall clock, once per second, and finishes once", () => {
    const ticks = [];
    const done = vi.fn();
    const countdown = createCountdown({ onTick: (ms) => ticks.push(formatClock(ms)), onDone: done });
    countdown.set(3000);
    countdown.start();
    vi.advanceTimersByTime(3000);
    expect(ticks).toEqual(["00:03", "00:03", "00:02", "00:01", "00:00"]);
    expect(done).toHaveBeenCalledTimes(1);
    expect(countdown.running).toBe(false);
  });

  it("pauses, resumes and carries over a reload", () => {
    const ticks = [];
    const countdown = createCountdown({ onTick: (ms) => ticks.push(ms), onDone: () => {} });
    countdown.set(10_000);
    countdown.start();
    vi.advanceTimersByTime(4000);
    countdown.pause();
    expect(countdown.remaining).toBe(6000);
    vi.advanceTimersByTime(5000);
    expect(countdown.remaining).toBe(6000);
    countdown.resumeUntil(Date.now() + 2000);
    expect(countdown.running).toBe(true);
    vi.advanceTimersByTime(2000);
    expect(countdown.running).toBe(false);
    expect(ticks.at(-1)).toBe(0);
  });

  it("follows work with a break and every 4th with a long break", () => {
    expect(phaseAfter("work", 1, 4)).toBe("break");
    expect(phaseAfter("work", 3, 4)).toBe("break");
    expect(phaseAfter("work", 4, 4)).toBe("longBreak");
    expect(phaseAfter("work", 8, 4)).toBe("longBreak");
    expect(phaseAfter("break", 1, 4)).toBe("work");
    expect(phaseAfter("longBreak", 4, 4)).toBe("work");
  });

  it("finds the next 12 September and the time left to it", () => {
    const at = (iso) => new Date(iso);
    expect(countdownTarget("09-12", at("2026-09-01T09:00:00"))).toEqual(new Date(2026, 8, 12));
    expect(countdownTarget("09-12", at("2026-09-12T15:00:00"))).toEqual(new Date(2026, 8, 12));
    expect(countdownTarget("09-12", at("2026-10-01T09:00:00"))).toEqual(new Date(2027, 8, 12));
    expect(countdownTarget("2026-12-31T18:30", at("2026-01-01"))).toEqual(new Date(2026, 11, 31, 18, 30));
    expect(countdownTarget("nonsense", at("2026-01-01"))).toBeNull();
    expect(calendarDaysUntil(new Date(2026, 8, 12), at("2026-09-01T09:00:00"))).toBe(11);
    expect(calendarDaysUntil(new Date(2027, 8, 12), at("2026-10-01T09:00:00"))).toBe(346);
    expect(splitDuration(new Date(2026, 8, 12) - at("2026-09-01T09:00:00"))).toEqual({ days: 10, hours: 15, minutes: 0, seconds: 0 });
    expect(splitDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});

describe("formats and settings", () => {
  it("formats numbers, amounts and clocks", () => {
    expect(formatFixed(1169.1801, 2)).toBe("1,169.18");
    expect(formatFixed(-0.001, 2)).toBe("0.00");
    expect(formatQuantity(6.213711922)).toBe("6.2137");
    expect(formatQuantity(2.20462262)).toBe("2.2046");
    expect(formatQuantity(212)).toBe("212");
    expect(formatQuantity(621.371192)).toBe("621.371");
    expect(formatQuantity(-40)).toBe("-40");
    expect(formatQuantity(123456.789)).toBe("123457");
    expect(formatAmount(1.5)).toBe("1.5");
    expect(formatAmount(400)).toBe("400");
    expect(formatAmount(1 / 3)).toBe("0.33");
    expect(formatClock(25 * 60_000)).toBe("25:00");
    expect(formatClock(1)).toBe("00:01");
    expect(formatElapsed(61_250)).toBe("01:01.2");
    expect(formatElapsed(3_600_000 + 5000)).toBe("1:00:05.0");
  });

  it("keeps settings per scope under the project's key", () => {
    const storage = createMemoryStorage();
    const app = { spec: { appName: "Pomodoro Timer", storage: { key: "proj-123", version: 1 } } };
    const a = createPrefs(app, "timer/pomodoro", storage);
    const b = createPrefs(app, "quiz/x", storage);
    a.set("counts", { "2026-01-01": 2 });
    b.set("round", 3);
    expect(createPrefs(app, "timer/pomodoro", storage).get("counts", {})).toEqual({ "2026-01-01": 2 });
    expect(b.get("counts", "none")).toBe("none");
    expect(JSON.parse(storage.getItem("proj-123.prefs"))).toEqual({ "timer/pomodoro": { counts: { "2026-01-01": 2 } }, "quiz/x": { round: 3 } });
    expect(storageKeyOf({ appName: "My Café App!" })).toBe("my-caf-app");
    storage.setItem("proj-123.prefs", "{oops");
    expect(a.get("counts", "fallback")).toBe("fallback");
  });
});

describe("tools' arithmetic", () => {
  it("converts units both ways at the checked precision", () => {
    expect(formatQuantity(convert(10, "km", "mi"))).toBe("6.2137");
    expect(convert(1, "mi", "km")).toBeCloseTo(1.609344, 12);
    expect(formatQuantity(convert(1, "kg", "lb"))).toBe("2.2046");
    expect(formatQuantity(convert(10, "lb", "kg"))).toBe("4.5359");
    expect(convert(100, "c", "f")).toBeCloseTo(212, 12);
    expect(convert(0, "c", "f")).toBeCloseTo(32, 12);
    expect(convert(212, "f", "c")).toBeCloseTo(100, 12);
    expect(convert(-40, "f", "c")).toBeCloseTo(-40, 12);
    expect(convert(1, "in", "cm")).toBeCloseTo(2.54, 12);
    expect(convert(1, "gal", "l")).toBeCloseTo(3.785411784, 12);
    expect(() => convert(1, "kg", "c")).toThrow();
    expect(unitLabel("c")).toBe("Celsius (°C)");
    expect(pairName("km", "mi", true)).toBe("Kilometres and miles");
    expect(pairName("l", "gal", false)).toBe("Litres to US gallons");
  });

  it("keeps the plan's convertible pairs once each", () => {
    expect(converterPairs(["km-mi", "kg-lb", "lb-c", "c-f", "f-c", "xx-km", "km-km"])).toEqual([{ from: "km", to: "mi" }, { from: "kg", to: "lb" }, { from: "c", to: "f" }]);
    expect(converterPairs(undefined)).toHaveLength(3);
  });

  it("converts currencies through the base rate", () => {
    const rates = { EUR: 1, USD: 1.25, GBP: 0.8 };
    expect(convertCurrency(100, "EUR", "USD", rates)).toBeCloseTo(125, 12);
    expect(convertCurrency(125, "USD", "EUR", rates)).toBeCloseTo(100, 12);
    expect(convertCurrency(100, "USD", "GBP", rates)).toBeCloseTo(64, 12);
    expect(convertCurrency(1, "EUR", "JPY", rates)).toBeNull();
    expect(exampleRates(["USD", "EUR"], "USD")).toEqual({ USD: 1, EUR: 0.8621 });
  });

  it("works out tips and shares", () => {
    expect(tipSplit(100, 15, 1)).toEqual({ tip: 15, total: 115, perPerson: 115 });
    expect(tipSplit(100, 15, 4).perPerson).toBeCloseTo(28.75, 12);
    expect(formatFixed(tipSplit(47.5, 18, 3).perPerson, 2)).toBe("18.68");
  });

  it("works out BMI in both systems with WHO categories", () => {
    expect(formatFixed(bmiMetric(70, 175), 1)).toBe("22.9");
    expect(formatFixed(bmiMetric(50, 175), 1)).toBe("16.3");
    expect(formatFixed(bmiMetric(90, 175), 1)).toBe("29.4");
    expect(formatFixed(bmiImperial(154, 5, 9), 1)).toBe("22.7");
    expect([16.3, 18.5, 24.9, 25, 29.9, 30].map(bmiCategory)).toEqual(["Underweight", "Healthy weight", "Healthy weight", "Overweight", "Overweight", "Obese"]);
  });

  it("works out a mortgage to the cent, year by year, down to 0", () => {
    expect(formatFixed(monthlyPayment(200_000, 5, 25), 2)).toBe("1,169.18");
    const plan = amortize(200_000, 5, 25);
    expect(formatFixed(plan.totalInterest, 2)).toBe("150,754.02");
    expect(plan.years).toHaveLength(25);
    expect(plan.years.at(-1).balance).toBe(0);
    expect(plan.years.reduce((sum, y) => sum + y.principal, 0)).toBeCloseTo(200_000, 6);
    expect(formatFixed(plan.years[0].interest, 2)).toBe("9,906.35");
    expect(formatFixed(monthlyPayment(12_000, 0, 1), 2)).toBe("1,000.00");
    expect(amortize(100_000, 4, 2.5).years).toHaveLength(3);
  });

  it("counts words, characters and reading time", () => {
    expect(countText("the quick brown fox", 225)).toEqual({ words: 4, characters: 19, charactersNoSpaces: 16, readingMinutes: 1 });
    expect(countText(Array(400).fill("word").join(" "), 225).readingMinutes).toBe(2);
    expect(countText("", 225)).toEqual({ words: 0, characters: 0, charactersNoSpaces: 0, readingMinutes: 0 });
    expect(countWords("well — it's   fine\nreally")).toBe(4);
    expect(countText("héllo 👋", 225).characters).toBe(7);
  });

  it("generates passwords of the length asked with every kind switched on", () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword({ length: 4 + (i % 30), numbers: true, symbols: i % 2 === 0 });
      const described = describePassword(password);
      expect(described.length).toBe(4 + (i % 30));
      expect(described.digits).toBeGreaterThanOrEqual(1);
      if (i % 2 === 0) expect(described.symbols).toBeGreaterThanOrEqual(1);
      else expect(described.symbols).toBe(0);
      expect(/[a-z]/.test(password) && /[A-Z]/.test(password)).toBe(true);
    }
    const noNumbers = generatePassword({ length: 64, numbers: false, symbols: false });
    expect(describePassword(noNumbers)).toEqual({ length: 64, digits: 0, symbols: 0, includes: "letters only" });
    expect(describePassword("ab1!").includes).toBe("letters, numbers and symbols");
    expect(describePassword("ab12").includes).toBe("letters and numbers");
    expect(generatePassword({ length: 500, numbers: true, symbols: true })).toHaveLength(128);
    expect(characterSets.lower).not.toContain("l");
  });

  it("reads and scales ingredient lines", () => {
    expect(parseIngredient("200 g flour")).toEqual({ amount: 200, rest: "g flour" });
    expect(parseIngredient("1 1/2 cups milk")).toEqual({ amount: 1.5, rest: "cups milk" });
    expect(parseIngredient("1/2 tsp salt")).toEqual({ amount: 0.5, rest: "tsp salt" });
    expect(parseIngredient("½ cup sugar")).toEqual({ amount: 0.5, rest: "cup sugar" });
    expect(parseIngredient("2,5 kg potatoes")).toEqual({ amount: 2.5, rest: "kg potatoes" });
    expect(parseIngredient("salt to taste")).toEqual({ amount: null, rest: "salt to taste" });
    expect(scaleIngredient("200 g flour", 2)).toBe("400 g flour");
    expect(scaleIngredient("3 eggs", 2)).toBe("6 eggs");
    expect(scaleIngredient("3 eggs", 0.5)).toBe("1.5 eggs");
    expect(scaleIngredient("200g flour", 0.5)).toBe("100 g flour");
    expect(scaleIngredient("salt to taste", 3)).toBe("salt to taste");
    expect(["200 g flour", "3 eggs", "2 tbsp. of olive oil", "salt to taste", "1 lemon"].map(ingredientName)).toEqual(["flour", "eggs", "olive oil", "salt to taste", "lemon"]);
  });

  it("works out percentages three ways", () => {
    expect(percentOf(15, 80)).toBe(12);
    expect(percentageOf(30, 120)).toBe(25);
    expect(percentageOf(1, 0)).toBeNull();
    expect(percentChange(50, 65)).toBeCloseTo(30, 12);
    expect(percentChange(80, 60)).toBeCloseTo(-25, 12);
    expect(percentChange(-50, -25)).toBeCloseTo(50, 12);
    expect(percentChange(0, 5)).toBeNull();
  });

  it("works out an age in years, months and days, and the next birthday", () => {
    expect(ageOn(new Date(1990, 2, 15), new Date(2026, 2, 10, 9))).toEqual({ years: 35, months: 11, days: 23, nextBirthday: new Date(2026, 2, 15), daysToNext: 5 });
    expect(ageOn(new Date(1990, 2, 15), new Date(2026, 2, 15))).toMatchObject({ years: 36, months: 0, days: 0, daysToNext: 0 });
    expect(ageOn(new Date(2000, 1, 29), new Date(2026, 1, 28))).toMatchObject({ years: 26, daysToNext: 0 });
    expect(ageOn(new Date(2000, 1, 29), new Date(2028, 1, 28))).toMatchObject({ years: 27, daysToNext: 1 });
    expect(ageOn(new Date(2000, 0, 31), new Date(2026, 2, 1))).toMatchObject({ years: 26, months: 1, days: 1 });
    expect(ageOn(new Date(2030, 0, 1), new Date(2026, 0, 1))).toBeNull();
  });

  it("evaluates with precedence and without floating-point noise", () => {
    expect(evaluate(["2", "+", "3", "×", "4"])).toBe(14);
    expect(evaluate(["0.1", "+", "0.2"])).toBe(0.3);
    expect(evaluate(["10", "−", "4", "÷", "2"])).toBe(8);
    expect(() => evaluate(["7", "÷", "0"])).toThrow("Cannot divide by zero");
  });
});
