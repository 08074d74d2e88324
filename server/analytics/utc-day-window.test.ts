import { describe, expect, it } from "vitest";
import { fillDays, roundUsd, utcDayWindow } from "./utc-day-window";

describe("utcDayWindow", () => {
  it("covers whole UTC days ending with today, whatever the time of day", () => {
    const window = utcDayWindow(3, new Date("2026-03-01T23:59:59.999Z"));
    expect(window.since.toISOString()).toBe("2026-02-27T00:00:00.000Z");
    expect(window.until.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(window.dayKeys).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(utcDayWindow(1, new Date("2026-03-01T00:00:00.000Z")).dayKeys).toEqual(["2026-03-01"]);
  });

  it("fills the days a query returned nothing for, in order", () => {
    const window = utcDayWindow(3, new Date("2026-03-01T12:00:00Z"));
    const filled = fillDays(window, [{ day: "2026-03-01", count: 2 }, { day: "2026-02-27", count: 1 }], (day) => ({ day, count: 0 }));
    expect(filled).toEqual([
      { day: "2026-02-27", count: 1 },
      { day: "2026-02-28", count: 0 },
      { day: "2026-03-01", count: 2 },
    ]);
  });

  it("rounds float noise out of dollar sums", () => {
    expect(roundUsd(0.1 + 0.2)).toBe(0.3);
    expect(roundUsd(0.0000004)).toBe(0);
  });
});
