import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { browserSearchConfigFromEnv, findBrowser, playwrightCacheDir, splitSearchPaths, type BrowserFileSystem, type BrowserHost } from "./find-browser";

/** A file system of a few executables and folders, for the rules of other operating systems. */
function fakeFs(executables: string[], folders: Record<string, string[]> = {}): BrowserFileSystem {
  return { isExecutable: (file) => executables.includes(file), list: (dir) => folders[dir] ?? [] };
}

const linux: BrowserHost = { platform: "linux", homedir: "/home/ada", cwd: "/app", env: { PATH: "/usr/local/bin:/usr/bin:/bin" } };
const mac: BrowserHost = { platform: "darwin", homedir: "/Users/ada", cwd: "/app", env: { PATH: "/opt/homebrew/bin:/usr/bin" } };
const windows: BrowserHost = {
  platform: "win32",
  homedir: "C:\\Users\\ada",
  cwd: "C:\\app",
  env: { Path: "C:\\Windows\\system32", PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local" },
};

describe("findBrowser: where it looks", () => {
  it("uses CHROMIUM_PATH alone when it is set, even when it is missing", () => {
    const fs = fakeFs(["/usr/bin/chromium"]);
    expect(findBrowser({ chromiumPath: "/opt/chrome/chrome" }, linux, fakeFs(["/opt/chrome/chrome"]))).toMatchObject({ isFound: true, executablePath: "/opt/chrome/chrome", source: "CHROMIUM_PATH" });
    const missing = findBrowser({ chromiumPath: "/nonexistent/chromium" }, linux, fs);
    expect(missing).toMatchObject({ isFound: false, searched: ["/nonexistent/chromium"] });
    expect(missing.isFound || missing.reason).toContain("CHROMIUM_PATH is set to /nonexistent/chromium");
  });

  it("finds Debian's chromium, Ubuntu's chromium-browser, Google Chrome and Edge on Linux, in that order of preference", () => {
    expect(findBrowser({}, linux, fakeFs(["/usr/bin/chromium", "/usr/bin/google-chrome"]))).toMatchObject({ executablePath: "/usr/bin/chromium", source: "system" });
    expect(findBrowser({}, linux, fakeFs(["/usr/bin/chromium-browser"]))).toMatchObject({ executablePath: "/usr/bin/chromium-browser" });
    expect(findBrowser({}, linux, fakeFs(["/opt/google/chrome/chrome"]))).toMatchObject({ executablePath: "/opt/google/chrome/chrome" });
    expect(findBrowser({}, linux, fakeFs(["/usr/bin/microsoft-edge-stable"]))).toMatchObject({ executablePath: "/usr/bin/microsoft-edge-stable" });
    // The PATH comes before the fixed folders.
    expect(findBrowser({}, linux, fakeFs(["/usr/local/bin/google-chrome-stable", "/usr/bin/microsoft-edge"]))).toMatchObject({ executablePath: "/usr/local/bin/google-chrome-stable" });
  });

  it("falls back to Playwright's cache, the newest full build first, honouring PLAYWRIGHT_BROWSERS_PATH and XDG_CACHE_HOME", () => {
    const cache = "/home/ada/.cache/ms-playwright";
    const folders = { [cache]: ["chromium-1200", "chromium-1255", "chromium_headless_shell-1255", "ffmpeg-1013", ".links"] };
    const fs = fakeFs([`${cache}/chromium-1200/chrome-linux/chrome`, `${cache}/chromium-1255/chrome-linux64/chrome`, `${cache}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell`], folders);
    expect(findBrowser({}, linux, fs)).toMatchObject({ executablePath: `${cache}/chromium-1255/chrome-linux64/chrome`, source: "playwright-cache" });

    const shellOnly = fakeFs([`${cache}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell`], folders);
    expect(findBrowser({}, linux, shellOnly)).toMatchObject({ executablePath: `${cache}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell` });

    expect(playwrightCacheDir({ playwrightBrowsersPath: "/srv/pw" }, linux)).toBe("/srv/pw");
    expect(playwrightCacheDir({ playwrightBrowsersPath: "0" }, linux)).toBe("/app/node_modules/playwright-core/.local-browsers");
    expect(playwrightCacheDir({}, { ...linux, env: { XDG_CACHE_HOME: "/xdg" } })).toBe("/xdg/ms-playwright");
  });

  it("finds Chrome for Testing installed with @puppeteer/browsers", () => {
    const fs = fakeFs(["/home/ada/.cache/puppeteer/chrome/linux-159.0.8154.6/chrome-linux64/chrome"], { "/home/ada/.cache/puppeteer/chrome": ["linux-159.0.8154.6"] });
    expect(findBrowser({}, linux, fs)).toMatchObject({ executablePath: "/home/ada/.cache/puppeteer/chrome/linux-159.0.8154.6/chrome-linux64/chrome", source: "system" });
  });

  it("finds macOS application bundles, in /Applications and ~/Applications, and Playwright's macOS cache", () => {
    expect(findBrowser({}, mac, fakeFs(["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]))).toMatchObject({ executablePath: "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" });
    expect(findBrowser({}, mac, fakeFs(["/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"]))).toMatchObject({ isFound: true });
    expect(findBrowser({}, mac, fakeFs(["/Applications/Chromium.app/Contents/MacOS/Chromium"]))).toMatchObject({ isFound: true });
    const cache = "/Users/ada/Library/Caches/ms-playwright";
    const cft = `${cache}/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`;
    expect(findBrowser({}, mac, fakeFs([cft], { [cache]: ["chromium-1255"] }))).toMatchObject({ executablePath: cft, source: "playwright-cache" });
  });

  it("finds Chrome and Edge under Program Files and LOCALAPPDATA on Windows, and Playwright's Windows cache", () => {
    expect(findBrowser({}, windows, fakeFs(["C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"]))).toMatchObject({ executablePath: "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" });
    expect(findBrowser({}, windows, fakeFs(["C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"]))).toMatchObject({ isFound: true });
    expect(findBrowser({}, windows, fakeFs(["C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe"]))).toMatchObject({ isFound: true });
    const cache = "C:\\Users\\ada\\AppData\\Local\\ms-playwright";
    expect(findBrowser({}, windows, fakeFs([`${cache}\\chromium-1255\\chrome-win64\\chrome.exe`], { [cache]: ["chromium-1255"] }))).toMatchObject({ source: "playwright-cache" });
  });

  it("searches only EPIC_BROWSER_SEARCH_PATHS when it is set: known names, a Playwright layout, or the executable itself", () => {
    const everywhere = fakeFs(["/usr/bin/chromium", "/opt/browsers/google-chrome", "/opt/pw/chromium-1255/chrome-linux64/chrome", "/opt/own/my-chrome"], { "/opt/pw": ["chromium-1255"] });
    expect(findBrowser({ searchPaths: ["/opt/empty"] }, linux, everywhere)).toMatchObject({ isFound: false });
    expect(findBrowser({ searchPaths: ["/opt/empty", "/opt/browsers"] }, linux, everywhere)).toMatchObject({ executablePath: "/opt/browsers/google-chrome", source: "EPIC_BROWSER_SEARCH_PATHS" });
    expect(findBrowser({ searchPaths: ["/opt/pw"] }, linux, everywhere)).toMatchObject({ executablePath: "/opt/pw/chromium-1255/chrome-linux64/chrome" });
    expect(findBrowser({ searchPaths: ["/opt/own/my-chrome"] }, linux, everywhere)).toMatchObject({ executablePath: "/opt/own/my-chrome" });
    const missing = findBrowser({ searchPaths: ["/opt/empty"] }, linux, everywhere);
    expect(missing.isFound || missing.reason).toBe("no Chromium, Chrome or Edge in EPIC_BROWSER_SEARCH_PATHS (/opt/empty)");
  });

  it("reads its configuration from environment variables, ignoring empty ones", () => {
    expect(browserSearchConfigFromEnv({ CHROMIUM_PATH: "", EPIC_BROWSER_SEARCH_PATHS: "/a:/b", PLAYWRIGHT_BROWSERS_PATH: "" })).toEqual({ chromiumPath: undefined, searchPaths: ["/a", "/b"], playwrightBrowsersPath: undefined });
    expect(browserSearchConfigFromEnv({ EPIC_BROWSER_SEARCH_PATHS: ["/a"] }).searchPaths).toEqual(["/a"]);
    expect(splitSearchPaths("  ")).toBeUndefined();
    expect(splitSearchPaths("C:\\a;D:\\b", ";")).toEqual(["C:\\a", "D:\\b"]);
  });
});

describe("findBrowser on the real file system", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("sees nothing in an empty folder, then the browser that appears there (no caching in the finder)", () => {
    dir = mkdtempSync(path.join(tmpdir(), "epic-finder-"));
    expect(findBrowser({ searchPaths: [dir] })).toMatchObject({ isFound: false });

    // A file that is not executable does not count.
    writeFileSync(path.join(dir, "chromium"), "#!/bin/sh\n");
    expect(findBrowser({ searchPaths: [dir] })).toMatchObject({ isFound: false });
    chmodSync(path.join(dir, "chromium"), 0o755);
    expect(findBrowser({ searchPaths: [dir] })).toMatchObject({ isFound: true, executablePath: path.join(dir, "chromium") });

    // A symlink to an executable elsewhere counts; a dangling one does not.
    rmSync(path.join(dir, "chromium"));
    symlinkSync("/nonexistent/chrome", path.join(dir, "google-chrome"));
    expect(findBrowser({ searchPaths: [dir] })).toMatchObject({ isFound: false });
    mkdirSync(path.join(dir, "bin"));
    writeFileSync(path.join(dir, "bin", "chrome"), "#!/bin/sh\n", { mode: 0o755 });
    symlinkSync(path.join(dir, "bin", "chrome"), path.join(dir, "chromium"));
    expect(findBrowser({ searchPaths: [dir] })).toMatchObject({ isFound: true, executablePath: path.join(dir, "chromium") });
  });
});
