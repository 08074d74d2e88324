// BROWSER_WS_ENDPOINT for real: a Chromium started apart from us with --remote-debugging-port,
// cut off from every network (as one on another machine is from our loopback), and no local
// browser to be found. Every browser use connects to it, QA's checks pass on an app served here
// (relayed to the browser over the connection), closing only disconnects, and once it is gone
// the status and QA say so, naming the endpoint.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRemoteChromium, type RemoteChromium } from "../../scripts/lib/remote-chromium";
import type { TPlan } from "../plan/plan-schema";

const noBrowsers = mkdtempSync(path.join(tmpdir(), "epic-no-browsers-"));
const appDir = mkdtempSync(path.join(tmpdir(), "epic-remote-app-"));
const remote: RemoteChromium = await startRemoteChromium({ isCutOff: true });
// Read by server/env at import: the imports below come after.
process.env.BROWSER_WS_ENDPOINT = remote.wsEndpoint;
process.env.EPIC_BROWSER_SEARCH_PATHS = noBrowsers;
delete process.env.CHROMIUM_PATH;
const { BrowserUnavailableError, getBrowserStatus } = await import("./browser-status");
const { isRemoteBrowser, launchBrowser, probeBrowser } = await import("./launch-browser");
const { runAcceptanceChecks } = await import("../agents/qa/run-acceptance-checks");
const { describeBrowserEndpoint } = await import("./remote-browser");
const { serveDirectory } = await import("../agents/qa/serve-directory");

afterAll(async () => {
  await remote.stop();
  rmSync(noBrowsers, { recursive: true, force: true });
  rmSync(appDir, { recursive: true, force: true });
});

const plan: Pick<TPlan, "acceptanceChecks"> = {
  acceptanceChecks: [
    { id: "loads", description: "the page loads", requirementIds: [], steps: [{ action: "goto", path: "/" }, { action: "expectText", text: "Remote hello" }] },
    { id: "script", description: "its script runs", requirementIds: [], steps: [{ action: "goto", path: "/" }, { action: "expectText", text: "script ran" }] },
  ],
};

describe("a remote browser (BROWSER_WS_ENDPOINT)", { timeout: 120_000 }, () => {
  beforeAll(() => {
    writeFileSync(path.join(appDir, "index.html"), '<!doctype html><html><body><h1>Remote hello</h1><p id="out"></p><script src="app.js"></script></body></html>');
    writeFileSync(path.join(appDir, "app.js"), 'document.getElementById("out").textContent = "script ran";');
  });

  it("is what launchBrowser gives: connected, not launched, and closing it only disconnects", async () => {
    const browser = await launchBrowser();
    expect(isRemoteBrowser(browser)).toBe(true);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent("<p>over CDP</p>");
    expect(await page.textContent("p")).toBe("over CDP");
    await context.close();
    await browser.close();
    expect(remote.isRunning()).toBe(true);
    // Connectable again: nothing of it was closed but our connection.
    const again = await launchBrowser();
    expect(again.isConnected()).toBe(true);
    await again.close();

    expect(getBrowserStatus()).toEqual({ isAvailable: true, source: "remote", endpoint: describeBrowserEndpoint(remote.wsEndpoint) });
    expect(describeBrowserEndpoint(remote.wsEndpoint)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\/…$/);
    expect(await probeBrowser()).toMatchObject({ isAvailable: true, source: "remote" });
  });

  it("runs QA's acceptance checks on an app served here, which the browser cannot reach by itself", async () => {
    const served = await serveDirectory({ root: appDir, prefix: "/preview/qa/" });
    try {
      const report = await runAcceptanceChecks({ baseUrl: served.baseUrl, plan, stepTimeoutMs: 10_000 });
      expect(report.checks.map((check) => [check.id, check.status, check.message ?? ""])).toEqual([
        ["loads", "passed", ""],
        ["script", "passed", ""],
      ]);
      expect(report).toMatchObject({ passed: true, isBrowserVerified: true, consoleErrors: [] });
      expect(remote.visitedUrls().filter((url) => url.startsWith(served.baseUrl))).not.toEqual([]);
    } finally {
      await served.close();
    }
    // Cut off means cut off: without the relay the same page does not load in it.
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const served2 = await serveDirectory({ root: appDir });
    await expect(page.goto(served2.baseUrl, { timeout: 10_000 })).rejects.toThrow(/ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED/);
    await served2.close();
    await page.close();
    await browser.close();
    expect(remote.isRunning()).toBe(true);
  });

  it("once gone, is a 'not-reachable' status and QA's checks are not verified, naming the endpoint", async () => {
    await remote.stop();
    const error = await launchBrowser().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BrowserUnavailableError);
    const status = (error as InstanceType<typeof BrowserUnavailableError>).status;
    expect(status).toMatchObject({ isAvailable: false, problem: "not-reachable" });
    expect(status.reason).toContain(`The remote browser at ${describeBrowserEndpoint(remote.wsEndpoint)} (BROWSER_WS_ENDPOINT) could not be reached: `);
    // Its browser id stays out of what runs and the dashboard show.
    expect(JSON.stringify(status)).not.toContain(new URL(remote.wsEndpoint).pathname);
    expect(getBrowserStatus()).toMatchObject({ isAvailable: false, problem: "not-reachable" });

    const report = await runAcceptanceChecks({ baseUrl: "http://127.0.0.1:9/", plan });
    expect(report).toMatchObject({ isBrowserVerified: false, browserUnavailableReason: status.reason });
    expect(report.checks.every((check) => check.status === "unverified")).toBe(true);
  });
});
