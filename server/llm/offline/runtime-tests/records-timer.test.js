// The timer on each record (runtime/src/records/timer.js): the hours it logs and the time it
// shows. Starting, reloading and stopping on the page's clock are checked in Chromium (the
// freelance-time-tracker case of blocks/data/records-blocks.integration.test.ts).
import { describe, expect, it } from "vitest";
import { clockText, elapsedHours } from "../runtime/src/records/timer.js";

const start = "2026-03-10T09:00:00.000Z";
const after = (minutes, seconds = 0) => Date.parse(start) + minutes * 60_000 + seconds * 1000;

describe("a record's timer", () => {
  it("logs the elapsed hours to the hundredth", () => {
    expect(elapsedHours(start, after(90))).toBe(1.5);
    expect(elapsedHours(start, after(20))).toBe(0.33);
    expect(elapsedHours(start, after(0, 17))).toBe(0);
    // A clock set back (another device's time) logs nothing rather than negative hours.
    expect(elapsedHours(start, after(-5))).toBe(0);
  });

  it("shows hours, minutes and seconds", () => {
    expect(clockText(start, after(90))).toBe("1:30:00");
    expect(clockText(start, after(0, 65))).toBe("0:01:05");
    expect(clockText(start, after(25 * 60 + 1))).toBe("25:01:00");
  });
});
