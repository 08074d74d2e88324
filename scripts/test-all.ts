// `npm test`: every suite — Vitest unit + integration (PGlite and PostgreSQL), then Playwright
// end-to-end in Chromium — and one closing line with the totals over all of them. The QA and
// end-to-end tests need a browser: it is found (or installed) first, and without one the run
// stops at once with the command that fixes it, rather than failing dozens of tests one by one.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { parseBrowserEnv } from "../server/browser/browser-env";
import { setUpBrowser } from "./lib/browser-setup";
import { ensureProductionBuild } from "./lib/build-stamp";
import { generatePrismaClient, run } from "./lib/run";

type Totals = { passed: number; failed: number; skipped: number };
const RESULTS = "test-results";

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

function vitestTotals(): Totals | null {
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numTotalTestSuites: number; success: boolean }>(`${RESULTS}/vitest.json`);
  if (!report) return null;
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightTotals(): Totals | null {
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] }>(`${RESULTS}/playwright.json`);
  if (!report) return null;
  const { expected, unexpected, flaky, skipped } = report.stats;
  // A failure outside any test (e.g. the web server never started) counts as a failure too.
  return { passed: expected, failed: unexpected + flaky + (report.errors?.length ?? 0), skipped };
}

type VitestFile = { name: string; startTime: number; endTime: number; assertionResults: Array<{ fullName: string; status: string }> };

function failedTestNames(): string[] {
  const names: string[] = [];
  const vitest = readJson<{ testResults: VitestFile[] }>(`${RESULTS}/vitest.json`);
  for (const file of vitest?.testResults ?? []) {
    for (const test of file.assertionResults) if (test.status === "failed") names.push(`${file.name.replace(`${process.cwd()}/`, "")} › ${test.fullName}`);
  }
  type Suite = { title: string; specs?: Array<{ title: string; ok: boolean }>; suites?: Suite[] };
  const walk = (suite: Suite, file: string): void => {
    for (const spec of suite.specs ?? []) if (!spec.ok) names.push(`${file} › ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child, file);
  };
  for (const suite of readJson<{ suites?: Suite[] }>(`${RESULTS}/playwright.json`)?.suites ?? []) walk(suite, suite.title);
  return names;
}

function slowestVitestFiles(count: number): string[] {
  const files = readJson<{ testResults: VitestFile[] }>(`${RESULTS}/vitest.json`)?.testResults ?? [];
  return files
    .map((file) => ({ name: file.name.replace(`${process.cwd()}/`, ""), seconds: (file.endTime - file.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, count)
    .map((file) => `${file.seconds.toFixed(0)} s ${file.name}`);
}

async function runSuite(name: string, command: string, args: string[]): Promise<boolean> {
  console.log(`\n━━ ${name} ━━`);
  try {
    await run(command, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    return true;
  } catch {
    return false;
  }
}

const browser = await setUpBrowser(parseBrowserEnv(process.env), (line) => console.log(`[test] ${line}`));
if (!browser.isReady) {
  console.log(`[test] No browser for the QA and end-to-end tests: ${browser.reason}.`);
  console.log(`[test] Run: ${browser.fixCommand}   (or set CHROMIUM_PATH to a Chromium, Chrome or Edge executable), then npm test again.`);
  console.log(`0 passed, 1 failed, 0 skipped (not run: no browser — run ${browser.fixCommand})`);
  process.exit(1);
}
console.log(`[test] Browser: ${browser.executablePath} (${browser.source})`);

const onlyUnit = process.argv.includes("--unit");
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
await generatePrismaClient();

// The server crash test (Vitest) and the end-to-end suite both serve the production build: made
// once here, with the machine to itself, rather than inside a test beside other suites.
if (!onlyUnit) {
  console.log("\n━━ Production build ━━");
  // A failed build is not the end of the run: the suites that need it fail and are counted.
  await ensureProductionBuild(process.cwd(), (line) => console.log(`[test] ${line}`)).catch((error: unknown) => console.log(`[test] The production build failed: ${String(error)}`));
}

const suites: Array<{ name: string; ok: boolean; totals: Totals | null }> = [];
const vitestOk = await runSuite("Vitest: unit and integration", process.execPath, [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${RESULTS}/vitest.json`,
]);
suites.push({ name: "vitest", ok: vitestOk, totals: vitestTotals() });

if (!onlyUnit) {
  const playwrightOk = await runSuite("Playwright: end-to-end in Chromium", process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
  suites.push({ name: "playwright", ok: playwrightOk, totals: playwrightTotals() });
}

// CI shows the end of the output: name what failed, and the slowest files, just above the totals.
for (const line of failedTestNames()) console.log(`[test] failed: ${line}`);
for (const line of slowestVitestFiles(8)) console.log(`[test] slow: ${line}`);

const sum: Totals = { passed: 0, failed: 0, skipped: 0 };
for (const suite of suites) {
  const totals = suite.totals ?? { passed: 0, failed: 1, skipped: 0 };
  // A suite that exited non-zero without reporting a failed test still failed (e.g. a crash).
  if (!suite.ok && totals.failed === 0) totals.failed = 1;
  console.log(`${suite.name}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  sum.passed += totals.passed;
  sum.failed += totals.failed;
  sum.skipped += totals.skipped;
}
console.log(`${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(sum.failed > 0 ? 1 : 0);
