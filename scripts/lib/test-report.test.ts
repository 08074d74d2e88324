import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { failedTests, failureReason, playwrightTotals, reasonLineCount, slowestVitestFiles, vitestTotals } from "./test-report";

const dirs: string[] = [];
function reports(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "epic-test-report-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const assertion = "\u001b[31mAssertionError: expected [ 'FAILED' ] to deeply equal []\u001b[39m\n\n- Expected\n+ Received\n\n    at /repo/server/x.test.ts:12:3\n    at runTest (node_modules/vitest/dist/x.js:1:1)";

describe("test report", () => {
  it("names each failed test with the first lines of why, without colours or stack frames", () => {
    const dir = reports({
      "vitest.json": {
        numPassedTests: 3, numFailedTests: 1, numPendingTests: 1, numTodoTests: 0,
        testResults: [
          { name: "/repo/server/x.test.ts", startTime: 0, endTime: 2000, assertionResults: [{ fullName: "a passes", status: "passed" }, { fullName: "b fails", status: "failed", failureMessages: [assertion] }] },
          { name: "/repo/server/y.test.ts", startTime: 0, endTime: 9000, assertionResults: [] },
        ],
      },
      "playwright.json": {
        stats: { expected: 4, unexpected: 1, flaky: 0, skipped: 0 },
        suites: [{ title: "e2e/a.spec.ts", suites: [{ title: "group", specs: [{ title: "signs in", ok: false, tests: [{ results: [{ status: "failed", error: { message: "Error: expect(locator).toBeVisible() failed\n    at e2e/a.spec.ts:3:1" } }] }] }] }] }],
      },
    });
    expect(failedTests(dir, "/repo")).toEqual([
      { test: "server/x.test.ts › b fails", reason: ["AssertionError: expected [ 'FAILED' ] to deeply equal []", "- Expected", "+ Received"] },
      { test: "e2e/a.spec.ts › signs in", reason: ["Error: expect(locator).toBeVisible() failed"] },
    ]);
    expect(vitestTotals(dir)).toEqual({ passed: 3, failed: 1, skipped: 1 });
    expect(playwrightTotals(dir)).toEqual({ passed: 4, failed: 1, skipped: 0 });
    expect(slowestVitestFiles(dir, 1, "/repo")).toEqual(["9 s server/y.test.ts"]);
  });

  it("keeps a long message short and reads missing reports as no results", () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n");
    expect(failureReason(long)).toHaveLength(reasonLineCount);
    expect(failureReason(undefined)).toEqual([]);
    const empty = reports({});
    expect([vitestTotals(empty), playwrightTotals(empty), failedTests(empty)]).toEqual([null, null, []]);
  });
});
