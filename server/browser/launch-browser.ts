// Starting the browser: for QA (looked up afresh for each session, so one installed later is used
// without a restart; kept running between sessions by warm-browser.ts) and, at most once a minute,
// for /api/ready's proof that it starts.
// With BROWSER_WS_ENDPOINT set, both connect to that remote browser instead of launching one:
// no local browser is looked up or started, and `close()` on what they return only disconnects.
import { errors, type Browser } from "playwright-core";
import { env } from "../env";
import {
  BrowserUnavailableError,
  browserNotFound,
  browserNotLaunchable,
  lastLaunchOf,
  lookupBrowser,
  recordLaunch,
  remoteBrowserKey,
  type BrowserStatus,
} from "./browser-status";
import { connectRemoteBrowser, describeBrowserEndpoint, remoteBrowserProtocol, remoteBrowserUnreachable } from "./remote-browser";
import { firstErrorLine as firstLine, launchChromiumAt } from "./try-launch";
import { createWarmBrowser, type BrowserLease, type WarmBrowser } from "./warm-browser";

const PROBE_TTL_MS = 60_000;

async function launchAt(executablePath: string, options: { scratchDir?: string } = {}): Promise<Browser> {
  try {
    const browser = await launchChromiumAt(executablePath, options);
    recordLaunch(executablePath, null);
    return browser;
  } catch (error) {
    recordLaunch(executablePath, firstLine(error));
    throw error;
  }
}

// Browsers connected over BROWSER_WS_ENDPOINT: they cannot reach what QA serves on loopback here.
const remoteBrowsers = new WeakSet<Browser>();

/** Whether this browser runs elsewhere (connected over BROWSER_WS_ENDPOINT), not on this machine. */
export function isRemoteBrowser(browser: Browser): boolean {
  return remoteBrowsers.has(browser);
}

/** The remote browser, connected; its failures are recorded like a launch's (getBrowserStatus reads them). */
async function connectRemote(endpoint: string): Promise<Browser> {
  const key = remoteBrowserKey(endpoint);
  try {
    const browser = await connectRemoteBrowser(endpoint, { protocol: remoteBrowserProtocol(endpoint, env.BROWSER_WS_PROTOCOL) });
    remoteBrowsers.add(browser);
    recordLaunch(key, null);
    return browser;
  } catch (error) {
    recordLaunch(key, firstLine(error));
    throw new BrowserUnavailableError(remoteBrowserUnreachable(endpoint, firstLine(error)));
  }
}

/**
 * A launched browser for one QA run (with BROWSER_WS_ENDPOINT: the remote one, connected). Looks the browser up afresh; if the launch fails, looks
 * again (it may have moved or been replaced) and tries once more — a timeout on a busy machine
 * also gets that second try. Throws BrowserUnavailableError when no browser can be had.
 */
export async function launchBrowser(options: { scratchDir?: string } = {}): Promise<Browser> {
  if (env.BROWSER_WS_ENDPOINT) return connectRemote(env.BROWSER_WS_ENDPOINT);
  const first = lookupBrowser({ isFresh: true });
  if (!first.isFound) throw new BrowserUnavailableError(browserNotFound(first));
  try {
    return await launchAt(first.executablePath, options);
  } catch (error) {
    const again = lookupBrowser({ isFresh: true });
    if (!again.isFound) throw new BrowserUnavailableError(browserNotFound(again));
    if (again.executablePath === first.executablePath && !(error instanceof errors.TimeoutError)) {
      throw new BrowserUnavailableError(browserNotLaunchable(first.executablePath, firstLine(error)));
    }
    try {
      return await launchAt(again.executablePath, options);
    } catch (retryError) {
      throw new BrowserUnavailableError(browserNotLaunchable(again.executablePath, firstLine(retryError)));
    }
  }
}

/**
 * For /api/ready: proves the browser starts (launch and close), at most once a minute per path —
 * a failed launch is tried again after that minute too. QA's own launches count as proof.
 */
export async function probeBrowser(): Promise<BrowserStatus> {
  if (env.BROWSER_WS_ENDPOINT) return probeRemoteBrowser(env.BROWSER_WS_ENDPOINT);
  const lookup = lookupBrowser();
  if (!lookup.isFound) return browserNotFound(lookup);
  const last = lastLaunchOf(lookup.executablePath);
  if (last && Date.now() - last.at < PROBE_TTL_MS) {
    return last.error ? browserNotLaunchable(lookup.executablePath, last.error) : { isAvailable: true, executablePath: lookup.executablePath, source: lookup.source };
  }
  try {
    await (await launchAt(lookup.executablePath)).close();
    return { isAvailable: true, executablePath: lookup.executablePath, source: lookup.source };
  } catch (error) {
    return browserNotLaunchable(lookup.executablePath, firstLine(error));
  }
}

/** probeBrowser for BROWSER_WS_ENDPOINT: connect and disconnect, at most once a minute. */
async function probeRemoteBrowser(endpoint: string): Promise<BrowserStatus> {
  const available = { isAvailable: true as const, source: "remote" as const, endpoint: describeBrowserEndpoint(endpoint) };
  const last = lastLaunchOf(remoteBrowserKey(endpoint));
  if (last && Date.now() - last.at < PROBE_TTL_MS) return last.error ? remoteBrowserUnreachable(endpoint, last.error) : available;
  try {
    await (await connectRemote(endpoint)).close();
    return available;
  } catch (error) {
    if (error instanceof BrowserUnavailableError) return error.status;
    throw error;
  }
}

/** Sessions one warm browser serves before it is replaced (its memory does not grow without end). */
const WARM_BROWSER_MAX_SESSIONS = 200;
/** Well under the scratch sweep's longest step (server/scratch/), which would take its folder. */
const WARM_BROWSER_MAX_AGE_MS = 15 * 60_000;

const globalForWarm = globalThis as unknown as { __epicWarmBrowser?: WarmBrowser };

/** This process's warm browser for QA (kept QA_BROWSER_IDLE_SECONDS unused, default 30; 0, or a remote browser: one per session). */
export function getWarmBrowser(): WarmBrowser {
  globalForWarm.__epicWarmBrowser ??= createWarmBrowser({
    launch: launchBrowser,
    currentKey: () => {
      if (env.BROWSER_WS_ENDPOINT) return remoteBrowserKey(env.BROWSER_WS_ENDPOINT);
      const lookup = lookupBrowser({ isFresh: true });
      return lookup.isFound ? lookup.executablePath : "(none found)";
    },
    isLocal: () => !env.BROWSER_WS_ENDPOINT,
    // A remote browser is connected per session, as before: connecting costs little next to a
    // launch, and a kept connection may not outlive a serverless function's freeze between requests.
    idleMs: env.BROWSER_WS_ENDPOINT ? 0 : env.QA_BROWSER_IDLE_SECONDS * 1000,
    maxSessions: WARM_BROWSER_MAX_SESSIONS,
    maxAgeMs: WARM_BROWSER_MAX_AGE_MS,
  });
  return globalForWarm.__epicWarmBrowser;
}

/** A browser for one QA session: the warm one (see warm-browser.ts), or one launched for it. Throws BrowserUnavailableError like launchBrowser. */
export function leaseBrowser(options: { scratchDir?: string } = {}): Promise<BrowserLease> {
  return getWarmBrowser().lease(options);
}
