// The running platform's browser, for real: the finder pointed at a folder this test fills —
// nothing, then something that is not a browser, then the machine's real browser.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findBrowser } from "./find-browser";

const dir = mkdtempSync(path.join(tmpdir(), "epic-launch-"));
process.env.EPIC_BROWSER_SEARCH_PATHS = dir;
delete process.env.CHROMIUM_PATH;
const { BrowserUnavailableError, getBrowserStatus } = await import("./browser-status");
const { launchBrowser, probeBrowser } = await import("./launch-browser");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function unavailable(work: () => Promise<unknown>) {
  const error = await work().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BrowserUnavailableError);
  return (error as InstanceType<typeof BrowserUnavailableError>).status;
}

describe("launchBrowser, getBrowserStatus and probeBrowser", { timeout: 120_000 }, () => {
  it("report no browser, a browser that does not start, and then one that does — without a restart", async () => {
    const real = findBrowser({});
    if (!real.isFound) throw new Error(`This test needs a browser: ${real.reason}`);

    expect(getBrowserStatus()).toMatchObject({ isAvailable: false, problem: "not-found" });
    expect(await unavailable(launchBrowser)).toMatchObject({ problem: "not-found", summary: "No Chromium, Chrome or Edge was found" });
    expect(await probeBrowser()).toMatchObject({ isAvailable: false, problem: "not-found" });

    // An executable that is not a browser: found, but it does not start.
    symlinkSync("/bin/true", path.join(dir, "chromium"));
    const broken = await unavailable(launchBrowser);
    expect(broken).toMatchObject({ problem: "not-launchable", summary: "A browser was found but did not start" });
    expect(broken.reason).toContain(`${path.join(dir, "chromium")} was found but did not start:`);
    // The dashboard's cheap status knows it too, without launching anything.
    expect(getBrowserStatus()).toMatchObject({ isAvailable: false, problem: "not-launchable" });
    expect(await probeBrowser()).toMatchObject({ isAvailable: false, problem: "not-launchable" });

    // The real browser takes its place: the next launch finds and starts it.
    rmSync(path.join(dir, "chromium"));
    symlinkSync(real.executablePath, path.join(dir, "chromium"));
    const browser = await launchBrowser();
    try {
      expect(browser.isConnected()).toBe(true);
    } finally {
      await browser.close();
    }
    expect(getBrowserStatus()).toMatchObject({ isAvailable: true, source: "EPIC_BROWSER_SEARCH_PATHS" });
    expect(await probeBrowser()).toMatchObject({ isAvailable: true });
  });
});
