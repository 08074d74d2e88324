import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BrowserLookup } from "./find-browser";
import { ensureBrowser, isPlaywrightDownloadReachable, missingBrowserWarning, type CommandResult, type RunCommand } from "./install-browser";

const missing: BrowserLookup = { isFound: false, reason: "no Chromium, Chrome or Edge found on this machine", searched: [] };
const found: BrowserLookup = { isFound: true, executablePath: "/usr/bin/chromium", source: "system", searched: [] };

/** Records the commands it is asked to run (network options left out) and answers from a script. */
function scriptedCommands(answers: Record<string, CommandResult>) {
  const calls: string[] = [];
  const run: RunCommand = async (command, args) => {
    const line = `${path.basename(command)} ${args.filter((arg) => !arg.startsWith("-o") && !arg.startsWith("Acquire")).map((arg) => (arg.endsWith("cli.js") ? "playwright" : arg)).join(" ")}`;
    calls.push(line);
    return answers[line] ?? { code: 1, output: "E: not scripted", isTimedOut: false };
  };
  return { calls, run };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("ensureBrowser", () => {
  it("does nothing when a browser is found", async () => {
    const { calls, run } = scriptedCommands({});
    const result = await ensureBrowser({ config: {}, autoInstall: true, log: () => {}, runCommand: run, find: () => found, osFamily: "debian", isRoot: true });
    expect(result.lookup).toBe(found);
    expect(calls).toEqual([]);
    expect(missingBrowserWarning(result)).toEqual([]);
  });

  it("never installs when the search is configured explicitly or auto-install is off", async () => {
    const { calls, run } = scriptedCommands({});
    const common = { log: () => {}, runCommand: run, find: () => missing, osFamily: "debian" as const, isRoot: true, isDownloadReachable: async () => true };
    await ensureBrowser({ ...common, config: { chromiumPath: "/nonexistent" }, autoInstall: true });
    await ensureBrowser({ ...common, config: { searchPaths: ["/empty"] }, autoInstall: true });
    const off = await ensureBrowser({ ...common, config: {}, autoInstall: false });
    expect(calls).toEqual([]);
    expect(off.attempts).toEqual([]);
    expect(missingBrowserWarning(off).join("\n")).toContain("To fix it, run: apt-get install -y chromium");
  });

  it("downloads with Playwright when its server is reachable, saying so in one line", async () => {
    let isInstalled = false;
    const { calls, run } = scriptedCommands({});
    const lines: string[] = [];
    const result = await ensureBrowser({
      config: {},
      autoInstall: true,
      log: (line) => lines.push(line),
      runCommand: async (...args) => {
        await run(...args);
        isInstalled = true;
        return { code: 0, output: "", isTimedOut: false };
      },
      find: () => (isInstalled ? found : missing),
      osFamily: "macos",
      isRoot: false,
      isDownloadReachable: async () => true,
    });
    expect(calls).toEqual([`${path.basename(process.execPath)} playwright install chromium`]);
    expect(result.lookup.isFound).toBe(true);
    expect(result.attempts).toMatchObject([{ method: "playwright", outcome: "installed" }]);
    expect(lines[0]).toMatch(/^No browser found: downloading Chromium with Playwright \(about 170 MB; usually 1–3 minutes/);
  });

  it("on Debian as root, skips an unreachable download and installs the chromium package, updating the lists first when apt-get knows no such package", async () => {
    let isInstalled = false;
    const { calls, run } = scriptedCommands({
      "apt-get install -y -q chromium": { code: 100, output: "E: Unable to locate package chromium", isTimedOut: false },
      "apt-get update -q": { code: 0, output: "", isTimedOut: false },
    });
    let installs = 0;
    const result = await ensureBrowser({
      config: {},
      autoInstall: true,
      log: () => {},
      runCommand: async (command, args, options) => {
        const answer = await run(command, args, options);
        if (args[0] === "install" && ++installs === 2) {
          isInstalled = true;
          return { code: 0, output: "", isTimedOut: false };
        }
        return answer;
      },
      find: () => (isInstalled ? found : missing),
      osFamily: "debian",
      isRoot: true,
      hasAptGet: true,
      isDownloadReachable: async () => false,
    });
    expect(calls).toEqual(["apt-get install -y -q chromium", "apt-get update -q", "apt-get install -y -q chromium"]);
    expect(result.attempts).toMatchObject([
      { method: "playwright", outcome: "skipped", detail: "Playwright's download server (cdn.playwright.dev) is not reachable from here" },
      { method: "apt-get", outcome: "installed" },
    ]);
    expect(result.lookup.isFound).toBe(true);
  });

  it("does not use apt-get when not root or not on Debian/Ubuntu, and reports what failed with the fix", async () => {
    const { calls, run } = scriptedCommands({});
    const notRoot = await ensureBrowser({ config: {}, autoInstall: true, log: () => {}, runCommand: run, find: () => missing, osFamily: "debian", isRoot: false, hasAptGet: true, isDownloadReachable: async () => false });
    const fedora = await ensureBrowser({ config: {}, autoInstall: true, log: () => {}, runCommand: run, find: () => missing, osFamily: "fedora", isRoot: true, isDownloadReachable: async () => false });
    expect(calls).toEqual([]);
    expect(missingBrowserWarning(notRoot)).toEqual([
      "WARNING: browser checks are unavailable — no Chromium, Chrome or Edge found on this machine.",
      'Runs still build, test and deploy, but end "Ready with gaps" with every browser check marked not verified.',
      "To fix it, run: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium, Chrome or Edge executable)",
      "A browser installed later is picked up by the next run, without a restart.",
    ]);
    expect(fedora.fixCommand).toBe("dnf install -y chromium");
  });
});

describe("Playwright's download where it is not reachable (for real)", () => {
  const saved = { ...process.env };
  let cache: string | undefined;
  afterEach(() => {
    process.env = { ...saved };
    if (cache) rmSync(cache, { recursive: true, force: true });
  });

  it("the reachability check answers within seconds", async () => {
    const started = performance.now();
    expect(await isPlaywrightDownloadReachable({ PLAYWRIGHT_DOWNLOAD_HOST: `http://127.0.0.1:${await closedPort()}` })).toBe(false);
    expect(await isPlaywrightDownloadReachable({ PLAYWRIGHT_DOWNLOAD_HOST: "https://epic-ai-dev.invalid" })).toBe(false);
    expect(performance.now() - started).toBeLessThan(7_000);
  });

  it("`playwright install chromium` itself fails fast and cleanly, and start-up carries on", { timeout: 60_000 }, async () => {
    cache = mkdtempSync(path.join(tmpdir(), "epic-pw-cache-"));
    process.env.PLAYWRIGHT_DOWNLOAD_HOST = `http://127.0.0.1:${await closedPort()}`;
    const started = performance.now();
    // The reachability check is told "yes", so the real Playwright CLI runs and has to fail by itself.
    const result = await ensureBrowser({ config: { searchPaths: undefined, playwrightBrowsersPath: cache }, autoInstall: true, log: () => {}, osFamily: "macos", isRoot: false, find: () => missing, isDownloadReachable: async () => true });
    expect(result.attempts).toMatchObject([{ method: "playwright", outcome: "failed" }]);
    expect(result.attempts[0]!.detail).toMatch(/^Playwright's download failed: /);
    expect(performance.now() - started).toBeLessThan(45_000);
  });
});
