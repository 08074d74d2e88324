// What the running platform knows about its browser, without starting one: the finder's answer
// (re-read at most every few seconds) and what the last launch at that path taught us. Cheap
// enough for every dashboard page; /api/ready and QA add real launches (launch-browser.ts).
import { env } from "../env";
import { currentBrowserFixCommand } from "./browser-fix";
import { browserSearchConfigFromEnv, findBrowser, type BrowserLookup, type BrowserSource } from "./find-browser";
import { describeBrowserEndpoint, remoteBrowserUnreachable } from "./remote-browser";

const LOOKUP_TTL_MS = 5_000;

export type BrowserProblem = "not-found" | "not-launchable" | "not-reachable";

export type UnavailableBrowser = {
  isAvailable: false;
  problem: BrowserProblem;
  /** What is wrong, with paths: for logs, the QA report and the dashboard. */
  reason: string;
  /** The same without any path, for unauthenticated callers (/api/ready). */
  summary: string;
  /** The one command that installs a browser on this OS. */
  fixCommand: string;
};

export type AvailableBrowser =
  | { isAvailable: true; executablePath: string; source: BrowserSource }
  /** BROWSER_WS_ENDPOINT: a browser elsewhere, named without credentials. */
  | { isAvailable: true; source: "remote"; endpoint: string };

export type BrowserStatus = AvailableBrowser | UnavailableBrowser;

/** No browser could be had for this QA run: its browser checks are not verified (never failed, never passed). */
export class BrowserUnavailableError extends Error {
  override name = "BrowserUnavailableError";
  constructor(readonly status: UnavailableBrowser) {
    super(`Browser checks are unavailable: ${status.reason}`);
  }
}

// On globalThis: Next bundles this module into several route graphs (QA runs in the Inngest
// route, the dashboard and /api/ready elsewhere) and they must share what they learnt.
type State = {
  lookup?: { at: number; result: BrowserLookup };
  lastLaunch?: { at: number; executablePath: string; error: string | null };
};
const state = ((globalThis as unknown as { __epicBrowserState?: State }).__epicBrowserState ??= {});

/** The finder's answer, reused for a few seconds unless `isFresh`. */
export function lookupBrowser(options: { isFresh?: boolean } = {}): BrowserLookup {
  const now = Date.now();
  if (!options.isFresh && state.lookup && now - state.lookup.at < LOOKUP_TTL_MS) return state.lookup.result;
  const result = findBrowser(browserSearchConfigFromEnv(env));
  state.lookup = { at: now, result };
  return result;
}

export function browserNotFound(lookup: Extract<BrowserLookup, { isFound: false }>): UnavailableBrowser {
  return { isAvailable: false, problem: "not-found", reason: lookup.reason, summary: "No Chromium, Chrome or Edge was found", fixCommand: currentBrowserFixCommand() };
}

export function browserNotLaunchable(executablePath: string, error: string): UnavailableBrowser {
  return {
    isAvailable: false,
    problem: "not-launchable",
    reason: `${executablePath} was found but did not start: ${error}`,
    summary: "A browser was found but did not start",
    fixCommand: currentBrowserFixCommand(),
  };
}

/** Remembers how the last launch went; a failure also makes the next look-up fresh. */
export function recordLaunch(executablePath: string, error: string | null): void {
  state.lastLaunch = { at: Date.now(), executablePath, error };
  if (error) state.lookup = undefined;
}

/** The last launch of the browser at this path: when, and its error (null when it started). */
export function lastLaunchOf(executablePath: string): { at: number; error: string | null } | null {
  const last = state.lastLaunch;
  return last && last.executablePath === executablePath ? { at: last.at, error: last.error } : null;
}

/** Where launches of the remote browser are recorded (recordLaunch), in place of an executable's path. */
export function remoteBrowserKey(endpoint: string): string {
  return `remote:${describeBrowserEndpoint(endpoint)}`;
}

/**
 * The finder's answer, except that a browser which failed to launch at that same path counts as
 * unavailable until something launches it again. With BROWSER_WS_ENDPOINT, the remote browser:
 * available unless the last connection to it failed (nothing is looked up here).
 */
export function getBrowserStatus(): BrowserStatus {
  if (env.BROWSER_WS_ENDPOINT) {
    const last = lastLaunchOf(remoteBrowserKey(env.BROWSER_WS_ENDPOINT));
    if (last?.error) return remoteBrowserUnreachable(env.BROWSER_WS_ENDPOINT, last.error);
    return { isAvailable: true, source: "remote", endpoint: describeBrowserEndpoint(env.BROWSER_WS_ENDPOINT) };
  }
  const lookup = lookupBrowser();
  if (!lookup.isFound) return browserNotFound(lookup);
  const last = state.lastLaunch;
  if (last?.error && last.executablePath === lookup.executablePath) return browserNotLaunchable(last.executablePath, last.error);
  return { isAvailable: true, executablePath: lookup.executablePath, source: lookup.source };
}
