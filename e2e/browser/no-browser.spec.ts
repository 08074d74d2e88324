// The quick start on a machine without a browser, end to end: the platform is started the way
// `npm start` starts it, with its browser finder pointed at an empty folder
// (EPIC_BROWSER_SEARCH_PATHS) — nothing else is faked. It must warn at start-up, say so in
// /api/ready and on the dashboard, deploy a run with its browser checks "not verified" (Ready
// with gaps, never Succeeded), and fully check the next run once a browser appears in that
// folder, without a restart. (The test's own browser is Playwright's usual one.)
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePortSync, isPortFreeSync } from "../../scripts/lib/free-port";
import { findBrowser } from "../../server/browser/find-browser";
import { saveScreenshot } from "../support/artifacts";
import { startPlatform, type PlatformProcess } from "../support/platform-process";
import { createProject, signUp, uniqueEmail } from "../support/users";

// Next to the main e2e server's port when that is free, so a run stays inside its port range.
const preferred = Number(process.env.E2E_PORT ?? 3100) + 1;
const port = isPortFreeSync(preferred) ? preferred : freePortSync();
const baseURL = `http://localhost:${port}`;
test.use({ baseURL });
test.setTimeout(420_000);

let platform: PlatformProcess | undefined;
let dataDir: string;
let browserDir: string;
const started = performance.now();
const timings: string[] = [];
const mark = (what: string, since: number) => timings.push(`${what} ${((performance.now() - since) / 1000).toFixed(1)} s`);

test.beforeAll(async () => {
  // This spec starts a server of its own: on a loaded machine that alone can pass two minutes.
  test.setTimeout(300_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "epic-e2e-no-browser-data-"));
  browserDir = mkdtempSync(path.join(tmpdir(), "epic-e2e-no-browser-"));
  const env: NodeJS.ProcessEnv = { ...process.env, EPIC_BROWSER_SEARCH_PATHS: browserDir, NEXTAUTH_URL: baseURL };
  delete env.CHROMIUM_PATH;
  platform = await startPlatform({ port, dataDir, env });
  mark("platform up (no browser)", started);
});

test.afterAll(async () => {
  console.log(`[no-browser] ${timings.join("; ")}`);
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(browserDir, { recursive: true, force: true });
});

test("without a browser: a start-up warning, a degraded readiness report, a deployed run with every browser check not verified; a browser that appears later is used by the next run", async ({ page, request }) => {
  await test.step("npm start warns, with the one command that fixes it", async () => {
    expect(platform!.output()).toContain(`[epic] WARNING: browser checks are unavailable — no Chromium, Chrome or Edge in EPIC_BROWSER_SEARCH_PATHS (${browserDir}).`);
    expect(platform!.output()).toContain('[epic] Runs still build, test and deploy, but end "Ready with gaps" with every browser check marked not verified.');
    expect(platform!.output()).toMatch(/\[epic\] To fix it, run: .*chromium/);
    expect(platform!.output()).toMatch(/\[epic\] Reminder: no browser, so runs end "Ready with gaps"/);
    // The search was configured explicitly, so nothing was installed behind the user's back.
    expect(platform!.output()).not.toContain("downloading Chromium");
  });

  await test.step("/api/ready: degraded (still 200), browser unavailable, with the fix", async () => {
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "degraded",
      checks: {
        database: { status: "ok", kind: "pglite" },
        migrations: { status: "ok" },
        browser: { status: "unavailable", problem: "not-found", message: "No Chromium, Chrome or Edge was found", fix: expect.stringContaining("chromium") },
      },
    });
  });

  let projectId = "";
  await test.step("the dashboard says browser checks are unavailable", async () => {
    await signUp(page, { name: "Nobrow Ser", email: uniqueEmail("no-browser") });
    const notice = page.getByTestId("browser-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute("role", "status");
    await expect(notice).toContainText("Browser checks are unavailable");
    await expect(notice).toContainText("Ready with gaps");
    await saveScreenshot(page, "09-no-browser-notice");
  });

  await test.step("a run deploys what passed the static checks and the app's tests, ends Ready with gaps, every browser check not verified", async () => {
    const since = performance.now();
    projectId = await createProject(page, "landing page for Rosie's Bakery with our menu and opening hours");
    const liveRun = page.getByTestId("live-run");
    await expect(liveRun.locator('[data-status="READY_WITH_GAPS"]')).toHaveText("Ready with gaps", { timeout: 180_000 });
    mark("prompt → Ready with gaps", since);
    await expect(page.getByTestId("stages").locator('[data-stage="QA"]')).toHaveAttribute("data-status", "unverified");
    await expect(page.getByTestId("activity")).toContainText("Ready with gaps — deployed, but");
    await expect(page.getByTestId("activity")).not.toContainText("Run succeeded");
    const qa = page.getByTestId("qa-results");
    await expect(qa.getByTestId("qa-unverified")).toContainText("browser checks not verified");
    await expect(qa.locator('[data-check-status="unverified"]').first()).toBeVisible();
    expect(await qa.locator('[data-check-status="passed"], [data-check-status="failed"]').count()).toBe(0);
    // The preview is deployed and works.
    const app = page.frameLocator('iframe[title="App preview"]');
    await expect(app.locator("body")).toContainText("Opening hours", { timeout: 30_000 });
    await saveScreenshot(page, "10-ready-with-gaps");
  });

  await test.step("a browser appears where the finder looks: the next run is fully checked, without a restart", async () => {
    const real = findBrowser({});
    if (!real.isFound) throw new Error(`This test needs a browser to make appear: ${real.reason}`);
    symlinkSync(real.executablePath, path.join(browserDir, "chromium"));

    const since = performance.now();
    await page.getByRole("button", { name: "Retry" }).click();
    const liveRun = page.getByTestId("live-run");
    await expect(liveRun.locator('[data-status="SUCCEEDED"]')).toHaveText("Succeeded", { timeout: 180_000 });
    mark("retry → Succeeded (browser found)", since);
    await expect(page.getByTestId("qa-results")).toContainText("All checks passed");
    await expect(page.getByTestId("qa-screenshot")).toBeVisible();
    expect(await page.getByTestId("qa-results").locator('[data-check-status="unverified"]').count()).toBe(0);

    const ready = await request.get("/api/ready");
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { browser: { status: "ok" } } });
    await page.goto(`/projects/${projectId}`);
    await expect(page.getByTestId("browser-notice")).toHaveCount(0);
    // The earlier run stays in the history as it was: Ready with gaps, never rewritten as success.
    await expect(page.getByTestId("prompt-history").locator('[data-status="READY_WITH_GAPS"]')).toHaveCount(1);
  });
});
