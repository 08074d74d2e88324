// `npm test`: every suite — Vitest unit + integration (PGlite and PostgreSQL), then Playwright
// end-to-end in Chromium — and one closing line with the totals over all of them. The QA and
// end-to-end tests need a browser: it is found (or installed) first, and without one the run
// stops at once with the command that fixes it, rather than failing dozens of tests one by one.
import { mkdirSync, rmSync } from "node:fs";
import { parseBrowserEnv } from "../server/browser/browser-env";
import { setUpBrowser } from "./lib/browser-setup";
import { ensureProductionBuild } from "./lib/build-stamp";
import { generatePrismaClient, run } from "./lib/run";
import { failedTests, playwrightTotals, slowestVitestFiles, type Totals, vitestTotals } from "./lib/test-report";

const RESULTS = "test-results";

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
suites.push({ name: "vitest", ok: vitestOk, totals: vitestTotals(RESULTS) });

if (!onlyUnit) {
  const playwrightOk = await runSuite("Playwright: end-to-end in Chromium", process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
  suites.push({ name: "playwright", ok: playwrightOk, totals: playwrightTotals(RESULTS) });
}

// CI shows the end of the output: name what failed, and the slowest files, just above the totals.
for (const { test, reason } of failedTests(RESULTS)) {
  console.log(`[test] failed: ${test}`);
  for (const line of reason) console.log(`[test]     ${line}`);
}
for (const line of slowestVitestFiles(RESULTS, 8)) console.log(`[test] slow: ${line}`);

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
