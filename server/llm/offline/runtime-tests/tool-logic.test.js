// The tools' exported logic: unit conversion, BMI categories, text counts and the countdown clock.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatNumber } from "../runtime/src/lib/format.js";
import { bmiCategory } from "../runtime/src/pages/tools/bmi.js";
import { convert } from "../runtime/src/pages/tools/converter.js";
import { createCountdown, formatClock } from "../runtime/src/pages/tools/countdown.js";
import { countText } from "../runtime/src/pages/tools/wordcount.js";

describe("convert", () => {
  it("converts lengths as a user reads them", () => {
    expect(formatNumber(convert("Length", 10, "km", "mi"))).toBe("6.21");
    expect(convert("Length", 1, "mi", "km")).toBeCloseTo(1.609344, 12);
    expect(convert("Length", 1, "ft", "in")).toBeCloseTo(12, 12);
    expect(convert("Length", 100, "cm", "m")).toBeCloseTo(1, 12);
    expect(formatNumber(convert("Length", 5, "km", "km"))).toBe("5");
  });

  it("converts weights", () => {
    expect(formatNumber(convert("Weight", 1, "kg", "lb"))).toBe("2.2");
    expect(convert("Weight", 1, "lb", "kg")).toBeCloseTo(0.45359237, 12);
    expect(convert("Weight", 1, "lb", "oz")).toBeCloseTo(16, 10);
    expect(convert("Weight", 1, "st", "lb")).toBeCloseTo(14, 6);
  });

  it("converts temperatures with their offsets", () => {
    expect(convert("Temperature", 100, "°C", "°F")).toBeCloseTo(212, 12);
    expect(convert("Temperature", 32, "°F", "°C")).toBeCloseTo(0, 12);
    expect(convert("Temperature", -40, "°C", "°F")).toBeCloseTo(-40, 12);
    expect(convert("Temperature", 0, "K", "°C")).toBeCloseTo(-273.15, 12);
    expect(formatNumber(convert("Temperature", 98.6, "°F", "K"))).toBe("310.15");
  });

  it("converts volumes", () => {
    expect(formatNumber(convert("Volume", 1, "gal", "L"))).toBe("3.79");
    expect(convert("Volume", 1, "gal", "cup")).toBeCloseTo(16, 10);
    expect(convert("Volume", 1, "cup", "fl oz")).toBeCloseTo(8, 10);
  });
});

describe("bmiCategory", () => {
  it("uses the WHO adult categories", () => {
    expect(bmiCategory(17.6)).toBe("Underweight");
    expect(bmiCategory(18.5)).toBe("Healthy weight");
    expect(bmiCategory(24.9)).toBe("Healthy weight");
    expect(bmiCategory(25)).toBe("Overweight");
    expect(bmiCategory(29.9)).toBe("Overweight");
    expect(bmiCategory(30)).toBe("Obesity");
  });
});

describe("countText", () => {
  it("counts words, characters, sentences and reading minutes", () => {
    expect(countText("Hello world. How are you?")).toEqual({ words: 5, characters: 25, sentences: 2, minutes: 1 });
    expect(countText("  spaced\n\nout   words  ")).toMatchObject({ words: 3, sentences: 1 });
    expect(countText("No final stop")).toMatchObject({ sentences: 1 });
    expect(countText("Wait... what?! Yes.")).toMatchObject({ sentences: 3 });
  });

  it("rounds reading time up at 200 words a minute", () => {
    expect(countText("word ".repeat(200)).minutes).toBe(1);
    expect(countText("word ".repeat(201)).minutes).toBe(2);
  });

  it("is all zeros for an empty draft", () => {
    expect(countText("")).toEqual({ words: 0, characters: 0, sentences: 0, minutes: 0 });
    expect(countText("   ")).toMatchObject({ words: 0, sentences: 0, minutes: 0 });
  });
});

describe("formatClock", () => {
  it("shows whole seconds, rounding up so 0:00 means done", () => {
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(1)).toBe("00:01");
    expect(formatClock(1500)).toBe("00:02");
    expect(formatClock(25 * 60_000)).toBe("25:00");
    expect(formatClock(61 * 60_000 + 5000)).toBe("61:05");
    expect(formatClock(-500)).toBe("00:00");
  });
});

describe("createCountdown", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("counts down by the wall clock and finishes once", () => {
    const ticks = [];
    const done = vi.fn();
    const countdown = createCountdown((ms) => ticks.push(ms), done);
    countdown.set(3000);
    expect(ticks).toEqual([3000]);
    countdown.start();
    expect(countdown.running).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(ticks.at(-1)).toBe(2000);
    vi.advanceTimersByTime(2500);
    expect(done).toHaveBeenCalledTimes(1);
    expect(ticks.at(-1)).toBe(0);
    expect(countdown.running).toBe(false);
  });

  it("pauses and resumes where it stopped", () => {
    const ticks = [];
    const countdown = createCountdown((ms) => ticks.push(ms), () => {});
    countdown.set(10_000);
    countdown.start();
    vi.advanceTimersByTime(4000);
    countdown.pause();
    expect(countdown.running).toBe(false);
    expect(ticks.at(-1)).toBe(6000);
    vi.advanceTimersByTime(5000);
    expect(ticks.at(-1)).toBe(6000);
    countdown.start();
    vi.advanceTimersByTime(1000);
    expect(ticks.at(-1)).toBe(5000);
  });

  it("does not start at zero, and stops for good when disposed", () => {
    const done = vi.fn();
    const countdown = createCountdown(() => {}, done);
    countdown.start();
    expect(countdown.running).toBe(false);
    countdown.set(1000);
    countdown.start();
    countdown.dispose();
    vi.advanceTimersByTime(5000);
    expect(done).not.toHaveBeenCalled();
  });
});
