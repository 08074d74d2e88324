// Set-up for `npm start` and `npm test` on a machine without a browser: find one; if there is
// none and the search is the default one, try to get one — Playwright's Chromium download where
// its server answers, then Debian/Ubuntu's `chromium` package when running as root — each
// announced in one line with how long it may take, each bounded in time; then carry on either
// way and report what happened, with the one command that fixes it when nothing worked.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { browserFixCommand, currentOsFamily, type OsFamily } from "./browser-fix";
import { findBrowser, type BrowserLookup, type BrowserSearchConfig } from "./find-browser";

export type InstallMethod = "playwright" | "apt-get";
export type InstallAttempt = { method: InstallMethod; outcome: "installed" | "failed" | "skipped"; detail: string; durationMs: number };

export type CommandResult = { code: number | null; output: string; isTimedOut: boolean };
export type RunCommand = (command: string, args: string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }) => Promise<CommandResult>;

export type EnsureBrowserOptions = {
  config: BrowserSearchConfig;
  /** EPIC_BROWSER_AUTO_INSTALL. */
  autoInstall: boolean;
  log: (line: string) => void;
  osFamily?: OsFamily;
  isRoot?: boolean;
  /** Whether Playwright's download server can be reached; checked for real unless given. */
  isDownloadReachable?: () => Promise<boolean>;
  runCommand?: RunCommand;
  find?: (config: BrowserSearchConfig) => BrowserLookup;
  /** `apt-get` on the PATH; looked up for real unless given. */
  hasAptGet?: boolean;
};

export type EnsureBrowserResult = { lookup: BrowserLookup; attempts: InstallAttempt[]; fixCommand: string };

const PLAYWRIGHT_TIMEOUT_MS = 10 * 60_000;
const APT_TIMEOUT_MS = 10 * 60_000;
const REACHABILITY_TIMEOUT_MS = 3_000;

/** Runs a command with its output captured (the last 4 kB kept), killed after `timeoutMs`. */
export const runCommand: RunCommand = (command, args, { timeoutMs, env }) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4096);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let isTimedOut = false;
    const timer = setTimeout(() => {
      isTimedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: String(error), isTimedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, isTimedOut });
    });
  });

/** Playwright's download host (PLAYWRIGHT_DOWNLOAD_HOST overrides it, as Playwright itself reads it). */
export function playwrightDownloadHost(env: Record<string, string | undefined> = process.env): URL {
  return new URL(env.PLAYWRIGHT_CHROMIUM_DOWNLOAD_HOST || env.PLAYWRIGHT_DOWNLOAD_HOST || "https://cdn.playwright.dev");
}

/**
 * A TCP connection to the download host within three seconds (DNS included). Behind an HTTP
 * proxy a direct connection proves nothing, so then the download itself is the test.
 */
export async function isPlaywrightDownloadReachable(env: Record<string, string | undefined> = process.env): Promise<boolean> {
  if (env.HTTPS_PROXY || env.https_proxy) return true;
  const host = playwrightDownloadHost(env);
  const port = Number(host.port || (host.protocol === "http:" ? 80 : 443));
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.hostname, port, timeout: REACHABILITY_TIMEOUT_MS });
    const done = (isReachable: boolean) => {
      socket.destroy();
      resolve(isReachable);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

function playwrightCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("playwright-core/package.json")), "cli.js");
}

function hasCommand(name: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));
}

const lastLine = (output: string) =>
  output
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1)
    ?.slice(0, 200) ?? "no output";

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

async function installWithPlaywright(options: Required<Pick<EnsureBrowserOptions, "log" | "runCommand" | "isDownloadReachable">> & { osFamily: OsFamily; isRoot: boolean; config: BrowserSearchConfig }): Promise<InstallAttempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const host = playwrightDownloadHost();
  if (!(await options.isDownloadReachable())) {
    return { method: "playwright", outcome: "skipped", detail: `Playwright's download server (${host.host}) is not reachable from here`, durationMs: elapsed() };
  }
  // On Linux as root, --with-deps also installs the shared libraries Playwright's build needs.
  const withDeps = options.isRoot && !["macos", "windows", "other"].includes(options.osFamily) ? ["--with-deps"] : [];
  options.log(`No browser found: downloading Chromium with Playwright (about 170 MB; usually 1–3 minutes, at most ${PLAYWRIGHT_TIMEOUT_MS / 60_000})…`);
  const env = { ...process.env, ...(options.config.playwrightBrowsersPath ? { PLAYWRIGHT_BROWSERS_PATH: options.config.playwrightBrowsersPath } : {}) };
  const result = await options.runCommand(process.execPath, [playwrightCli(), "install", ...withDeps, "chromium"], { timeoutMs: PLAYWRIGHT_TIMEOUT_MS, env });
  if (result.code === 0) return { method: "playwright", outcome: "installed", detail: `installed in ${seconds(elapsed())}`, durationMs: elapsed() };
  const why = result.isTimedOut ? `stopped after ${seconds(PLAYWRIGHT_TIMEOUT_MS)}` : lastLine(result.output);
  return { method: "playwright", outcome: "failed", detail: `Playwright's download failed: ${why}`, durationMs: elapsed() };
}

async function installWithApt(options: Required<Pick<EnsureBrowserOptions, "log" | "runCommand">>): Promise<InstallAttempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  options.log(`No browser found: installing Chromium with apt-get (about 100 MB; usually 1–3 minutes, at most ${APT_TIMEOUT_MS / 60_000})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // Short network timeouts: an offline mirror should fail in seconds, not hang start-up.
  const network = ["-o", "Acquire::http::Timeout=20", "-o", "Acquire::https::Timeout=20", "-o", "Acquire::Retries=1"];
  const install = () => options.runCommand("apt-get", ["install", "-y", "-q", ...network, "chromium"], { timeoutMs: APT_TIMEOUT_MS, env });
  let result = await install();
  // A fresh container has no package lists yet ("Unable to locate package"): fetch them once and retry.
  if (result.code !== 0 && !result.isTimedOut) {
    const update = await options.runCommand("apt-get", ["update", "-q", ...network], { timeoutMs: APT_TIMEOUT_MS, env });
    if (update.code === 0) result = await install();
  }
  if (result.code === 0) return { method: "apt-get", outcome: "installed", detail: `installed in ${seconds(elapsed())}`, durationMs: elapsed() };
  const why = result.isTimedOut ? `stopped after ${seconds(APT_TIMEOUT_MS)}` : lastLine(result.output);
  return { method: "apt-get", outcome: "failed", detail: `apt-get install chromium failed: ${why}`, durationMs: elapsed() };
}

export async function ensureBrowser(options: EnsureBrowserOptions): Promise<EnsureBrowserResult> {
  const find = options.find ?? ((config: BrowserSearchConfig) => findBrowser(config));
  const osFamily = options.osFamily ?? currentOsFamily();
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const fixCommand = browserFixCommand(osFamily, isRoot);
  const attempts: InstallAttempt[] = [];
  let lookup = find(options.config);
  if (lookup.isFound) return { lookup, attempts, fixCommand };

  // An explicit CHROMIUM_PATH or search list is the user's choice: a browser installed elsewhere
  // would not be used, so installing one would only cost time.
  if (!options.autoInstall || options.config.chromiumPath || options.config.searchPaths) return { lookup, attempts, fixCommand };

  const run = options.runCommand ?? runCommand;
  const playwright = await installWithPlaywright({
    log: options.log,
    runCommand: run,
    isDownloadReachable: options.isDownloadReachable ?? (() => isPlaywrightDownloadReachable()),
    osFamily,
    isRoot,
    config: options.config,
  });
  attempts.push(playwright);
  options.log(`Playwright: ${playwright.outcome} — ${playwright.detail}`);
  lookup = find(options.config);
  if (lookup.isFound) return { lookup, attempts, fixCommand };

  if ((osFamily === "debian" || osFamily === "ubuntu") && isRoot && (options.hasAptGet ?? hasCommand("apt-get"))) {
    const apt = await installWithApt({ log: options.log, runCommand: run });
    attempts.push(apt);
    options.log(`apt-get: ${apt.outcome} — ${apt.detail}`);
    lookup = find(options.config);
  }
  return { lookup, attempts, fixCommand };
}

/**
 * What `npm start` prints when no browser could be had: what it means for runs, and the one
 * command that fixes it. Lines without a prefix; the caller adds its own.
 */
export function browserWarning(reason: string, fixCommand: string): string[] {
  return [
    `WARNING: browser checks are unavailable — ${reason}.`,
    "Runs still build, test and deploy, but end \"Ready with gaps\" with every browser check marked not verified.",
    `To fix it, run: ${fixCommand}   (or set CHROMIUM_PATH to a Chromium, Chrome or Edge executable)`,
    "A browser installed later is picked up by the next run, without a restart.",
  ];
}

export function missingBrowserWarning(result: EnsureBrowserResult): string[] {
  return result.lookup.isFound ? [] : browserWarning(result.lookup.reason, result.fixCommand);
}
