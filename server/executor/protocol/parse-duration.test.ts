import { describe, expect, it } from "vitest";
import { parseDurationMs, resolveWakeTime } from "./parse-duration";

describe("parseDurationMs", () => {
  it("reads the SDK's compact durations", () => {
    expect(parseDurationMs("1s")).toBe(1000);
    expect(parseDurationMs("2h30m")).toBe(9_000_000);
    expect(parseDurationMs("1w2d3h4m5s")).toBe(((7 + 2) * 24 * 3600 + 3 * 3600 + 4 * 60 + 5) * 1000);
    expect(parseDurationMs("250ms")).toBe(250);
  });

  it("refuses what is not a duration", () => {
    expect(parseDurationMs("2026-01-01T00:00:00Z")).toBeNull();
    expect(parseDurationMs("soon")).toBeNull();
    expect(parseDurationMs("")).toBeNull();
  });
});

describe("resolveWakeTime", () => {
  const from = new Date("2026-01-01T00:00:00.000Z");

  it("adds a duration, or takes an absolute time as is (sleepUntil)", () => {
    expect(resolveWakeTime("1m", from).toISOString()).toBe("2026-01-01T00:01:00.000Z");
    expect(resolveWakeTime("2026-02-03T04:05:06.000Z", from).toISOString()).toBe("2026-02-03T04:05:06.000Z");
  });

  it("throws on an unreadable value", () => {
    expect(() => resolveWakeTime("later", from)).toThrow(/Unreadable/);
  });
});
