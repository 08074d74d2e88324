import { describe, expect, it } from "vitest";
import { formatDuration, formatRelativeTime } from "./format";

describe("formatting", () => {
  it("describes times relative to now", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(formatRelativeTime(new Date("2026-01-01T11:58:00Z"), now)).toBe("2 minutes ago");
    expect(formatRelativeTime(new Date("2025-12-31T12:00:00Z"), now)).toBe("yesterday");
  });

  it("formats durations for humans", () => {
    expect(formatDuration(250)).toBe("250 ms");
    expect(formatDuration(1500)).toBe("1.5 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });
});
