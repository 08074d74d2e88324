import { defineConfig, devices } from "@playwright/test";
import { chooseE2EPort } from "./scripts/lib/e2e-port";
import { freePortSync, isPortFreeSync } from "./scripts/lib/free-port";
import { parseBrowserEnv } from "./server/browser/browser-env";
import { currentBrowserFixCommand } from "./server/browser/browser-fix";
import { browserSearchConfigFromEnv, chromiumArgs, findBrowser } from "./server/browser/find-browser";

/** Stops the run at once with one clear message (a thrown error would bury it under a stack trace). */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * The server under test listens on E2E_PORT (default 3100; see scripts/lib/e2e-port.ts). Decided
 * once in the runner process and inherited by its workers through the environment: a worker
 * re-reads this file while the server already holds the port.
 */
function resolvePort(): number {
  if (process.env.TEST_WORKER_INDEX !== undefined && process.env.E2E_PORT) return Number(process.env.E2E_PORT);
  const choice = chooseE2EPort(process.env.E2E_PORT, isPortFreeSync, freePortSync);
  if ("error" in choice) stop(choice.error);
  if (choice.note) console.log(`[e2e] ${choice.note}`);
  process.env.E2E_PORT = String(choice.port);
  return choice.port;
}

/** The same browser the platform's QA uses (server/browser/find-browser.ts); none → stop at once with the fix. */
function resolveBrowser(): string {
  const found = findBrowser(browserSearchConfigFromEnv(parseBrowserEnv(process.env)));
  if (found.isFound) return found.executablePath;
  stop(`No browser for the end-to-end suite: ${found.reason}.\nRun: ${currentBrowserFixCommand()}   (or set CHROMIUM_PATH to a Chromium, Chrome or Edge executable)`);
}

const PORT = resolvePort();
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  // One browser at a time: the server under test also runs the agents' QA in Chromium, and CI
  // machines have two cores. Reliable beats fast here.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Whatever browser the finder picks (Debian's Chromium here: Playwright's download cannot run offline).
        launchOptions: { executablePath: resolveBrowser(), args: chromiumArgs },
      },
    },
  ],
  webServer: {
    // A production build on a fresh embedded database, like a newcomer's first `npm start`.
    command: `node --import tsx scripts/e2e-server.ts --port ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
