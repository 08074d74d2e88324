import { describe, expect, it } from "vitest";
import { ZAcceptanceCheck } from "~/server/plan/check-steps";
import { resolveDateTokens } from "./date-tokens";
import { numbersMatch } from "./numbers-match";
import { parseSegment, segmentMatches } from "./read-chart";
import { hueOf, luminance, styleMatches } from "./read-style";
import { samplePicturePng } from "./sample-picture";

describe("date tokens", () => {
  const now = new Date(2026, 2, 1, 10, 30); // 1 March 2026, local time
  it.each([
    ["{{today}}", "2026-03-01"],
    ["{{today-1}}", "2026-02-28"],
    ["{{today+30}}", "2026-03-31"],
    ["due {{ today - 40 }} please", "due 2026-01-20 please"],
    ["{{monthStart}}", "2026-03-01"],
    ["{{yearStart+1}}", "2026-01-02"],
    ["no tokens", "no tokens"],
  ])("%s → %s", (text, expected) => expect(resolveDateTokens(text, now)).toBe(expected));
});

describe("numbers match at the precision the check asks for", () => {
  it.each([
    ["6.21 mi", "6.21", true],
    ["6.214", "6.21", true],
    ["6.2", "6.21", false],
    ["£1,169.18 per month", "1,169.18", true],
    ["1169.2", "1169.18", false],
    ["−3", "-3", true],
    ["BMI 22.9 (healthy)", "22.9", true],
    ["nothing", "5", false],
  ])("%s vs %s", (actual, expected, result) => expect(numbersMatch(actual, expected)).toBe(result));

  it("says null when the expected value is not a single number, so text comparison applies", () => {
    expect(numbersMatch("3 / 10", "3 / 10")).toBeNull();
    expect(numbersMatch("Paris", "Paris")).toBeNull();
  });
});

describe("chart legend segments", () => {
  it("parses label, value and share", () => {
    expect(parseSegment("Food: 60.00 (60%)")).toMatchObject({ label: "Food", value: "60.00", share: "60%" });
    expect(parseSegment("Week of 3 Nov: 3")).toMatchObject({ label: "Week of 3 Nov", value: "3", share: null });
    expect(parseSegment("no colon here")).toBeNull();
  });

  it("matches label case-insensitively, values numerically and shares when asked", () => {
    const segment = parseSegment("Rent: 40.00 (40%)")!;
    expect(segmentMatches(segment, { label: "rent" })).toBe(true);
    expect(segmentMatches(segment, { label: "Rent", value: "40" })).toBe(true);
    expect(segmentMatches(segment, { label: "Rent", share: "40%" })).toBe(true);
    expect(segmentMatches(segment, { label: "Rent", share: "60%" })).toBe(false);
    expect(segmentMatches(segment, { label: "Food" })).toBe(false);
  });
});

describe("appearance", () => {
  it("measures luminance and hue", () => {
    expect(luminance("rgb(255, 255, 255)")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(hueOf("#ff0000")).toBe(0);
    expect(hueOf("rgb(128, 128, 128)")).toBeNull();
  });

  const reading = { background: "rgb(15, 23, 42)", fontSizePx: 20, fontFamily: "Georgia, serif", accent: "#88a47c" };
  it.each([
    ["dark-background", undefined, true],
    ["light-background", undefined, false],
    ["large-text", "19", true],
    ["large-text", "24", false],
    ["serif-font", undefined, true],
    ["accent-hue", "#7c9a6e", true],
    ["accent-hue", "#4f46e5", false],
  ] as const)("%s %s → %s", (check, value, result) => expect(styleMatches(reading, check, value)).toBe(result));

  it("does not take a sans-serif stack for a serif font", () => {
    expect(styleMatches({ ...reading, fontFamily: "system-ui, sans-serif" }, "serif-font")).toBe(false);
  });
});

describe("the step language", () => {
  it("accepts every kind of step and defaults requirementIds to none", () => {
    const parsed = ZAcceptanceCheck.parse({
      id: "overdue-loans",
      description: "A loan due yesterday is listed as overdue",
      requirementIds: ["r3"],
      steps: [
        { action: "clock", at: "2026-03-15" },
        { action: "goto", path: "/loans" },
        { action: "fill", label: "Due date", value: "{{today-1}}" },
        { action: "click", role: "button", name: "Add loan" },
        { action: "expectText", text: "Matilda", within: "Overdue loans" },
        { action: "expectCount", role: "listitem", within: "Overdue loans", count: 1 },
        { action: "expectOrder", texts: ["second", "first"] },
        { action: "expectChart", name: "Spending by category", chartType: "pie", segments: [{ label: "Food", share: "60%" }] },
        { action: "expectStyle", check: "dark-background" },
        { action: "advanceClock", ms: 1_500_000 },
      ],
    });
    expect(parsed.steps).toHaveLength(10);
    expect(ZAcceptanceCheck.parse({ id: "loads", description: "loads", steps: [{ action: "reload" }] }).requirementIds).toBeUndefined();
  });

  it("uploads a picture unless told otherwise, and the picture is a well-formed PNG", () => {
    const parsed = ZAcceptanceCheck.parse({ id: "photo", description: "photo", steps: [{ action: "upload", label: "Photo", within: "Add Plant" }] });
    expect(parsed.steps[0]).toEqual({ action: "upload", label: "Photo", file: "picture", within: "Add Plant" });
    const png = samplePicturePng(64, 48);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([64, 48]);
    // Every PNG ends with the same IEND chunk, CRC included: the CRC code is right.
    expect(png.subarray(-12).toString("hex")).toBe("0000000049454e44ae426082");
  });

  it("refuses a malformed clock and unknown actions with a readable message", () => {
    const bad = ZAcceptanceCheck.safeParse({ id: "x", description: "x", steps: [{ action: "clock", at: "next tuesday" }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(ZAcceptanceCheck.safeParse({ id: "x", description: "x", steps: [{ action: "hover", name: "x" }] }).success).toBe(false);
  });
});
