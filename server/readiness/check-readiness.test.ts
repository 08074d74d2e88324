import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserNotFound, type BrowserStatus } from "../browser/browser-status";
import { findBrowser } from "../browser/find-browser";
import { chromiumSandboxStatus } from "../browser/try-launch";
import { detectSandbox } from "../sandbox/detect-sandbox";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { checkReadiness, readinessHttpStatus } from "./check-readiness";

const browserFound: BrowserStatus = { isAvailable: true, executablePath: "/usr/bin/chromium", source: "system" };
// This machine's real sandboxes (bubblewrap, or Node's permission model where it has none: "ready" either way).
const sandboxes = { qaSandbox: () => detectSandbox("auto"), chromiumSandbox: chromiumSandboxStatus };

describe.each(testDatabaseKinds)("readiness on %s", (kind) => {
  let migrated: TestDatabase;
  let empty: TestDatabase;
  let emptyDir: string;
  let noBrowser: BrowserStatus;

  beforeAll(async () => {
    [migrated, empty] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind, { migrate: false })]);
    emptyDir = mkdtempSync(path.join(tmpdir(), "epic-no-browser-"));
    const lookup = findBrowser({ searchPaths: [emptyDir] });
    if (lookup.isFound) throw new Error("the empty folder has a browser");
    noBrowser = browserNotFound(lookup);
  });
  afterAll(async () => {
    await Promise.all([migrated?.cleanup(), empty?.cleanup()]);
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it("is ready with a reachable, migrated database and a browser", async () => {
    const report = await checkReadiness({ database: migrated, browser: async () => browserFound, ...sandboxes });
    expect(report).toMatchObject({ status: "ready", checks: { database: { status: "ok", kind }, migrations: { status: "ok" }, browser: { status: "ok" } } });
    // Chromium keeps its own sandbox except as root; QA's is bubblewrap, or the weaker fallback.
    expect(report.checks.browser).toMatchObject({ isChromiumSandboxed: process.getuid?.() !== 0 });
    expect(["ok", "weak"]).toContain(report.checks.qaSandbox.status);
    expect(readinessHttpStatus(report)).toBe(200);
  });

  it("is ready with a remote browser (BROWSER_WS_ENDPOINT), whose address it does not tell anonymous callers", async () => {
    const remote: BrowserStatus = { isAvailable: true, source: "remote", endpoint: "wss://chrome.example.com/devtools/browser/4f1c" };
    const report = await checkReadiness({ database: migrated, browser: async () => remote, ...sandboxes });
    expect(report.checks.browser).toEqual({ status: "ok", isRemote: true });
    expect(["ready", "degraded"]).toContain(report.status);
    expect(JSON.stringify(report)).not.toContain("chrome.example.com");
  });

  it("is degraded, still 200, without a browser, and says what that means and how to fix it", async () => {
    const report = await checkReadiness({ database: migrated, browser: async () => noBrowser, ...sandboxes });
    expect(report.status).toBe("degraded");
    expect(readinessHttpStatus(report)).toBe(200);
    expect(report.checks.browser).toMatchObject({ status: "unavailable", problem: "not-found", message: "No Chromium, Chrome or Edge was found" });
    const browser = report.checks.browser as Extract<typeof report.checks.browser, { status: "unavailable" }>;
    expect(browser.effect).toContain("Browser checks are unavailable");
    expect(browser.fix).toMatch(/chromium/);
    // No server paths for anonymous callers.
    expect(JSON.stringify(report)).not.toContain(emptyDir);
  });

  it("is degraded, still 200, when generated apps' tests would run without any sandbox, and says how to fix it", async () => {
    const report = await checkReadiness({ database: migrated, browser: async () => browserFound, qaSandbox: () => detectSandbox("off"), chromiumSandbox: chromiumSandboxStatus });
    expect(report.status).toBe("degraded");
    expect(readinessHttpStatus(report)).toBe(200);
    expect(report.checks.qaSandbox).toMatchObject({ status: "none", kind: "none", message: expect.stringContaining("QA sandbox: NONE") });
    const refused = await checkReadiness({ database: migrated, browser: async () => browserFound, qaSandbox: () => detectSandbox("bwrap", { bwrapPath: "/bin/true", setprivPath: null }), chromiumSandbox: chromiumSandboxStatus });
    expect(refused.checks.qaSandbox).toMatchObject({ status: "none", message: expect.stringContaining("QA_SANDBOX=bwrap is unavailable") });
    expect(JSON.stringify(refused)).not.toContain("/bin/true");
  });

  it("is unavailable (503) while migrations are pending, naming them", async () => {
    const report = await checkReadiness({ database: empty, browser: async () => browserFound, ...sandboxes });
    expect(report.status).toBe("unavailable");
    expect(readinessHttpStatus(report)).toBe(503);
    expect(report.checks.migrations).toMatchObject({ status: "pending", applied: 0 });
    const pending = report.checks.migrations as Extract<typeof report.checks.migrations, { status: "pending" }>;
    expect(pending.pending).toContain("20261125170928_init");
  });
});

describe("readiness when the database is gone", () => {
  it("is unavailable (503) and does not read migrations", async () => {
    const database = await createTestDatabase("pglite");
    await database.cleanup();
    const report = await checkReadiness({ database, browser: async () => browserFound, ...sandboxes });
    expect(report).toMatchObject({ status: "unavailable", checks: { database: { status: "failed" }, migrations: { status: "failed", message: "the database is unavailable" } } });
    expect(readinessHttpStatus(report)).toBe(503);
  });
});
