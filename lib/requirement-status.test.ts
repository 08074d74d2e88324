import { describe, expect, it } from "vitest";
import { describeResults, describeTally, projectBadgeStatus, tallyOfRun } from "./requirement-status";

describe("describeTally", () => {
  it.each([
    { tally: { total: 0, passed: 0, failed: 0, unsupported: 0, unverified: 0 }, expected: null },
    { tally: { total: 1, passed: 1, failed: 0, unsupported: 0, unverified: 0 }, expected: "The requirement passed" },
    { tally: { total: 9, passed: 9, failed: 0, unsupported: 0, unverified: 0 }, expected: "All 9 requirements passed" },
    { tally: { total: 9, passed: 7, failed: 1, unsupported: 1, unverified: 0 }, expected: "2 of 9 requirements not met (1 failed, 1 not supported)" },
    { tally: { total: 1, passed: 0, failed: 0, unsupported: 0, unverified: 1 }, expected: "1 of 1 requirement not met (1 not verified)" },
    { tally: { total: 5, passed: 0, failed: 2, unsupported: 1, unverified: 2 }, expected: "5 of 5 requirements not met (2 failed, 1 not supported, 2 not verified)" },
  ])("$expected", ({ tally, expected }) => {
    expect(describeTally(tally)).toBe(expected);
  });

  it("reads a run's columns and a QA event's results alike", () => {
    const run = { requirementsTotal: 3, requirementsPassed: 2, requirementsFailed: 1, requirementsUnsupported: 0, requirementsUnverified: 0 };
    expect(describeTally(tallyOfRun(run))).toBe("1 of 3 requirements not met (1 failed)");
    expect(describeResults([{ outcome: "passed" }, { outcome: "failed" }, { outcome: "passed" }])).toBe("1 of 3 requirements not met (1 failed)");
  });
});

describe("projectBadgeStatus", () => {
  it.each([
    { name: "a live version from a run with gaps is never plain Ready", project: { status: "READY", liveVersion: { run: { status: "READY_WITH_GAPS" } } }, expected: "READY_WITH_GAPS" },
    { name: "a live version from a succeeded run is Ready", project: { status: "READY", liveVersion: { run: { status: "SUCCEEDED" } } }, expected: "READY" },
    { name: "a project building its next version shows that", project: { status: "TESTING", liveVersion: { run: { status: "READY_WITH_GAPS" } } }, expected: "TESTING" },
    { name: "a live version whose run was deleted keeps the project's status", project: { status: "READY", liveVersion: { run: null } }, expected: "READY" },
    { name: "no live version", project: { status: "FAILED", liveVersion: null }, expected: "FAILED" },
  ])("$name", ({ project, expected }) => {
    expect(projectBadgeStatus(project)).toBe(expected);
  });
});
