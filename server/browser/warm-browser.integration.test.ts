// The warm browser with real Chromium: QA sessions one after the other share one launch, each in
// contexts of its own; the browser goes when idle, when it crashed, when another browser is the
// one to use, and with the keeping turned off every session gets (and closes) its own.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./launch-browser";
import { createWarmBrowser, type WarmBrowserOptions } from "./warm-browser";

const base = mkdtempSync(path.join(tmpdir(), "epic-warm-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const browserDirs = () => {
  const parent = path.join(base, "epic-scratch", "browser");
  return existsSync(parent) ? readdirSync(parent) : [];
};

function warmWith(overrides: Partial<WarmBrowserOptions> = {}) {
  const launched: Browser[] = [];
  const warm = createWarmBrowser({
    launch: async (options) => {
      const browser = await launchBrowser(options);
      launched.push(browser);
      return browser;
    },
    currentKey: () => "chromium",
    idleMs: 60_000,
    maxSessions: 100,
    maxAgeMs: 600_000,
    scratchBase: base,
    ...overrides,
  });
  return { warm, launched };
}

/** What a session does: a context of its own and a page; it leaves a cookie behind. Returns the cookies it found. */
async function session(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent("<p>hi</p>");
  expect(await page.textContent("p")).toBe("hi");
  const found = (await context.cookies()).length;
  await context.addCookies([{ name: "left", value: "behind", url: "http://127.0.0.1/" }]);
  await context.close();
  return found;
}

describe("the warm browser", { timeout: 120_000 }, () => {
  it("serves sessions one after the other from one launch, each starting clean, and closes it when idle", async () => {
    const { warm, launched } = warmWith({ idleMs: 300 });
    for (let round = 0; round < 3; round += 1) {
      const lease = await warm.lease();
      expect(await session(lease.browser)).toBe(0);
      await lease.release();
    }
    expect(launched).toHaveLength(1);
    expect(browserDirs()).toHaveLength(1);
    await expect.poll(() => launched[0]!.isConnected(), { timeout: 10_000 }).toBe(false);
    await expect.poll(browserDirs).toEqual([]);
  });

  it("shares the browser between sessions at once, and keeps it until the last one ends", async () => {
    const { warm, launched } = warmWith({ idleMs: 200 });
    const [first, second] = await Promise.all([warm.lease(), warm.lease()]);
    expect(first.browser).toBe(second.browser);
    await first.release();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(second.browser.isConnected()).toBe(true);
    await second.release();
    await expect.poll(() => launched[0]!.isConnected(), { timeout: 10_000 }).toBe(false);
    expect(launched).toHaveLength(1);
  });

  it("launches a new one after the browser crashed, after its session limit, and when another browser is the one to use", async () => {
    let key = "chromium";
    const { warm, launched } = warmWith({ maxSessions: 2, currentKey: () => key });
    const crashed = await warm.lease();
    await crashed.browser.close();
    await crashed.release();
    const afterCrash = await warm.lease();
    expect(afterCrash.browser).not.toBe(crashed.browser);
    await afterCrash.release();
    await (await warm.lease()).release();
    // Two sessions served: the next gets a new browser, and the old one is closed.
    const afterLimit = await warm.lease();
    expect(launched).toHaveLength(3);
    await afterLimit.release();
    await expect.poll(() => launched[1]!.isConnected()).toBe(false);
    key = "another chromium";
    const afterChange = await warm.lease();
    expect(launched).toHaveLength(4);
    await expect.poll(() => launched[2]!.isConnected()).toBe(false);
    await afterChange.release();
    await warm.close();
    expect(launched.every((browser) => !browser.isConnected())).toBe(true);
    await expect.poll(browserDirs).toEqual([]);
  });

  it("with an idle time of 0, gives every session a browser of its own and closes it with the session", async () => {
    const { warm, launched } = warmWith({ idleMs: 0 });
    const lease = await warm.lease();
    await lease.release();
    expect(lease.browser.isConnected()).toBe(false);
    const again = await warm.lease();
    expect(again.browser).not.toBe(lease.browser);
    await again.release();
    expect(launched).toHaveLength(2);
  });

  it("makes no temporary folder for a browser that does not run here (a remote one)", async () => {
    const { warm, launched } = warmWith({ isLocal: () => false });
    const lease = await warm.lease();
    expect(browserDirs()).toEqual([]);
    await lease.release();
    await warm.close();
    expect(launched[0]!.isConnected()).toBe(false);
  });
});
