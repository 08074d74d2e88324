import { defineConfig, devices } from "@playwright/test";
import { freePortSync, isPortFreeSync } from "./scripts/lib/free-port";
import { parseBrowserEnv } from "./server/browser/browser-env";
import { currentBrowserFixCommand } from "./server/browser/browser-fix";
import { browserSearchConfigFromEnv, chromiumArgs, findBrowser } from "./server/browser/find-browser";

const DEFAULT_PORT = 3100;

/**
 * The server under test listens on E2E_PORT (default 3100). Another program on the default port
 * moves the suite to a free one; an explicit E2E_PORT that is taken stops it with a clear message.
 * Decided once in the runner process and inherited by its workers through the environment (a
 * worker re-reads this file while the server already holds the port).
 */
function resolvePort(): number {
  const configured = process.env.E2E_PORT;
  if (process.env.TEST_WORKER_INDEX !== undefined && configured) return Number(configured);
  if (configured) {
    const port = Number(configured);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`E2E_PORT=${configured} is not a port number.`);
    if (!isPortFreeSync(port)) throw new Error(`E2E_PORT=${port} is in use by another program. Stop it, or pick another port: E2E_PORT=<port> npm run test:e2e`);
    return port;
  }
  const port = isPortFreeSync(DEFAULT_PORT) ? DEFAULT_PORT : freePortSync();
  if (port !== DEFAULT_PORT) console.log(`[e2e] Port ${DEFAULT_PORT} is in use by another program; using ${port} instead (set E2E_PORT to choose).`);
  process.env.E2E_PORT = String(port);
  return port;
}

/** The same browser the platform's QA uses (server/browser/find-browser.ts); none → stop at once with the fix. */
function resolveBrowser(): string {
  const found = findBrowser(browserSearchConfigFromEnv(parseBrowserEnv(process.env)));
  if (found.isFound) return found.executablePath;
  throw new Error(`No browser for the end-to-end suite: ${found.reason}.\nRun: ${currentBrowserFixCommand()}   (or set CHROMIUM_PATH to a Chromium, Chrome or Edge executable)`);
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
