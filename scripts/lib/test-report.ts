// What `npm test` reads back from the suites' JSON reports (test-results/): totals, what failed and
// why, and the slowest files. CI keeps only the end of the output, so a failure's reason goes
// there too: its first lines (the assertion and its diff, or the error), without colours or stack.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type Totals = { passed: number; failed: number; skipped: number };

type VitestTest = { fullName: string; status: string; failureMessages?: string[] };
type VitestFile = { name: string; startTime: number; endTime: number; assertionResults: VitestTest[] };
type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: VitestFile[] };
type PlaywrightResult = { status?: string; error?: { message?: string } };
type PlaywrightSuite = { title: string; specs?: Array<{ title: string; ok: boolean; tests?: Array<{ results?: PlaywrightResult[] }> }>; suites?: PlaywrightSuite[] };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[]; suites?: PlaywrightSuite[] };

/** How many lines of a failure's message are shown under its name. */
export const reasonLineCount = 12;

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

const vitestReport = (dir: string) => readJson<VitestReport>(path.join(dir, "vitest.json"));
const playwrightReport = (dir: string) => readJson<PlaywrightReport>(path.join(dir, "playwright.json"));

export function vitestTotals(dir: string): Totals | null {
  const report = vitestReport(dir);
  if (!report) return null;
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

export function playwrightTotals(dir: string): Totals | null {
  const report = playwrightReport(dir);
  if (!report) return null;
  const { expected, unexpected, flaky, skipped } = report.stats;
  // A failure outside any test (e.g. the web server never started) counts as a failure too.
  return { passed: expected, failed: unexpected + flaky + (report.errors?.length ?? 0), skipped };
}

/** A failure message's first lines: no ANSI colours, no stack frames. */
export function failureReason(message: string | undefined): string[] {
  if (!message) return [];
  return message
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^\s+at /.test(line))
    .slice(0, reasonLineCount);
}

export type FailedTest = { test: string; reason: string[] };

/** Every failed test as "file › name", with the first lines of why it failed. */
export function failedTests(dir: string, cwd = process.cwd()): FailedTest[] {
  const failed: FailedTest[] = [];
  for (const file of vitestReport(dir)?.testResults ?? []) {
    for (const test of file.assertionResults) {
      if (test.status !== "failed") continue;
      failed.push({ test: `${path.relative(cwd, file.name)} › ${test.fullName}`, reason: failureReason(test.failureMessages?.[0]) });
    }
  }
  const walk = (suite: PlaywrightSuite, file: string): void => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const failure = spec.tests?.flatMap((test) => test.results ?? []).find((result) => result.error?.message);
      failed.push({ test: `${file} › ${spec.title}`, reason: failureReason(failure?.error?.message) });
    }
    for (const child of suite.suites ?? []) walk(child, file);
  };
  for (const suite of playwrightReport(dir)?.suites ?? []) walk(suite, suite.title);
  return failed;
}

export function slowestVitestFiles(dir: string, count: number, cwd = process.cwd()): string[] {
  return (vitestReport(dir)?.testResults ?? [])
    .map((file) => ({ name: path.relative(cwd, file.name), seconds: (file.endTime - file.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, count)
    .map((file) => `${file.seconds.toFixed(0)} s ${file.name}`);
}
