import { describe, expect, it } from "vitest";
import type { QualityPerDayRow } from "./analytics-types";
import { withRequirementPassRate } from "./chart-series";
import { describeFailuresByAgent, describeQualityPerDay } from "./chart-summaries";

const gap = { successRate: null, medianPromptToPreviewMs: null, previews: 0 };
const day = (day: string, successRate: number | null, medianPromptToPreviewMs: number | null): QualityPerDayRow => ({
  day,
  successRate,
  medianPromptToPreviewMs,
  previews: medianPromptToPreviewMs === null ? 0 : 1,
});

describe("describeQualityPerDay", () => {
  it("names the lowest and highest day of each figure, skipping the gaps", () => {
    expect(
      describeQualityPerDay([day("2026-03-01", 0.5, 90_000), { day: "2026-03-02", ...gap }, day("2026-03-03", 1, 30_000), day("2026-03-04", 1, null)]),
    ).toBe(
      "Chart of success rate and median time from prompt to preview per day over the last 4 days." +
        " Success rate from 50% on Sun, Mar 1, 2026 to 100% on Tue, Mar 3, 2026, over 3 days with finished runs." +
        " Median time to preview from 30.0 s on Tue, Mar 3, 2026 to 1 min 30 s on Sun, Mar 1, 2026, over 2 days with previews.",
    );
  });

  it("says when every day had the same figure, when only one day had it, and when none did", () => {
    expect(describeQualityPerDay([day("2026-03-01", 1, null), day("2026-03-02", 1, 45_000)])).toBe(
      "Chart of success rate and median time from prompt to preview per day over the last 2 days." +
        " Success rate 100% on each of the 2 days with finished runs." +
        " Median time to preview 45.0 s on Mon, Mar 2, 2026, the only day with previews.",
    );
    expect(describeQualityPerDay([{ day: "2026-03-01", ...gap }])).toBe(
      "Chart of success rate and median time from prompt to preview per day over today. No run succeeded or failed. No run reached a preview.",
    );
  });
});

describe("the requirement pass rate beside the success rate", () => {
  it("joins each day's pass rate by day, leaving days without one as gaps, and describes it", () => {
    const rows = withRequirementPassRate(
      [day("2026-03-01", 1, 30_000), day("2026-03-02", 0.5, 60_000), { day: "2026-03-03", ...gap }],
      [
        { day: "2026-03-02", passed: 7, checked: 9, passRate: 7 / 9 },
        { day: "2026-03-01", passed: 0, checked: 0, passRate: null },
      ],
    );
    expect(rows.map((row) => row.requirementPassRate)).toEqual([null, 7 / 9, null]);
    expect(describeQualityPerDay(rows)).toContain(" Requirement pass rate 77.8% on Mon, Mar 2, 2026, the only day with checked requirements.");
  });
});

describe("describeFailuresByAgent", () => {
  it("lists each agent's failed attempts with the total", () => {
    expect(
      describeFailuresByAgent([
        { agentName: "CodeGen", failures: 2 },
        { agentName: "QA", failures: 1 },
      ]),
    ).toBe("Bar chart of 3 failed agent attempts by agent: CodeGen 2, QA 1.");
    expect(describeFailuresByAgent([{ agentName: "Deploy", failures: 1 }])).toBe("Bar chart of 1 failed agent attempt by agent: Deploy 1.");
  });

  it("says there were none instead of describing an empty chart", () => {
    expect(describeFailuresByAgent([])).toBe("Bar chart of failed agent attempts by agent: no agent failures in this period.");
  });
});
