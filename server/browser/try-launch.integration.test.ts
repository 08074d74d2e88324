// Chromium's singleton socket must fit in a Unix socket path: a step folder deep under a long
// TMPDIR (the scratch space, server/scratch/) once made every QA launch abort ("Socket path too long").
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findBrowser } from "./find-browser";
import { CHROMIUM_TMP_PREFIX, launchChromiumAt } from "./try-launch";

const base = mkdtempSync(path.join(tmpdir(), "epic-try-launch-long-temporary-folder-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("launchChromiumAt", { timeout: 120_000 }, () => {
  it("starts Chromium for a step folder too deep for its socket, and removes its own folder when it closes", async () => {
    const browser = findBrowser({});
    if (!browser.isFound) throw new Error(`This test needs a browser: ${browser.reason}`);
    const scratchDir = path.join(base, "epic-scratch", "cmwyh9i7x0001ql7d7dqgbl66", "qa-1-p1234567-AbCdEf");
    mkdirSync(scratchDir, { recursive: true });
    expect(scratchDir.length + "/org.chromium.Chromium.XXXXXX/SingletonSocket".length).toBeGreaterThan(107);
    const own = () => readdirSync(tmpdir()).filter((entry) => entry.startsWith(`${CHROMIUM_TMP_PREFIX}${process.pid}-`));

    const launched = await launchChromiumAt(browser.executablePath, { scratchDir });
    const page = await launched.newPage();
    await page.setContent("<p>hello</p>");
    expect(await page.textContent("p")).toBe("hello");
    expect(own()).toHaveLength(1);
    await launched.close();

    await expect.poll(own).toEqual([]);
    expect(existsSync(scratchDir)).toBe(true);
  });
});
