// src/lib/format.js: what users read in tables, stats and charts. Fixed en-US formatting.
import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatMonth, formatNumber, formatValue, pad, plural } from "../runtime/src/lib/format.js";

describe("formatNumber", () => {
  it("groups thousands and keeps at most two decimals", () => {
    expect(formatNumber(1234567.891)).toBe("1,234,567.89");
    expect(formatNumber(6.2137119)).toBe("6.21");
    expect(formatNumber(42)).toBe("42");
    expect(formatNumber(-3.5)).toBe("-3.5");
  });

  it("shows nothing for values that are not finite numbers", () => {
    for (const value of [NaN, Infinity, "12", null, undefined]) expect(formatNumber(value)).toBe("");
  });
});

describe("formatMoney", () => {
  it("always shows cents, with the sign before the dollar", () => {
    expect(formatMoney(7.125)).toBe("$7.13");
    expect(formatMoney(1500)).toBe("$1,500.00");
    expect(formatMoney(-12.5)).toBe("-$12.50");
  });

  it("treats a non-number as zero", () => {
    expect(formatMoney(NaN)).toBe("$0.00");
  });
});

describe("dates", () => {
  it("formats ISO dates without time-zone shifts", () => {
    expect(formatDate("2025-03-14")).toBe("Mar 14, 2025");
    expect(formatDate("2025-01-01")).toBe("Jan 1, 2025");
    expect(formatDate("2024-12-31")).toBe("Dec 31, 2024");
  });

  it("leaves anything else as it was", () => {
    expect(formatDate("14/03/2025")).toBe("14/03/2025");
    expect(formatDate("")).toBe("");
    expect(formatDate(null)).toBe("");
  });

  it("formats month keys for chart labels", () => {
    expect(formatMonth("2025-03")).toBe("Mar 25");
    expect(formatMonth("2025")).toBe("2025");
  });
});

describe("formatValue", () => {
  const field = (type) => ({ name: "x", label: "X", type, required: false });

  it("formats by field type", () => {
    expect(formatValue(field("number"), 1200.5)).toBe("1,200.5");
    expect(formatValue(field("date"), "2025-03-14")).toBe("Mar 14, 2025");
    expect(formatValue(field("boolean"), true)).toBe("Yes");
    expect(formatValue(field("boolean"), false)).toBe("No");
    expect(formatValue(field("string"), "<b>hi</b>")).toBe("<b>hi</b>");
  });

  it("shows empty values as empty text", () => {
    for (const value of [null, undefined, ""]) expect(formatValue(field("number"), value)).toBe("");
  });
});

describe("pad and plural", () => {
  it("pads clock digits", () => {
    expect(pad(5)).toBe("05");
    expect(pad(12)).toBe("12");
    expect(pad(7, 3)).toBe("007");
  });

  it("picks the singular only for exactly one", () => {
    expect(plural(1, "task", "tasks")).toBe("1 task");
    expect(plural(0, "task", "tasks")).toBe("0 tasks");
    expect(plural(2, "person", "people")).toBe("2 people");
  });
});
