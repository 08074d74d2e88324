// Starting the browser: for each QA run (looked up afresh, so one installed later is used
// without a restart) and, at most once a minute, for /api/ready's proof that it starts.
import { errors, type Browser } from "playwright-core";
import { BrowserUnavailableError, browserNotFound, browserNotLaunchable, lastLaunchOf, lookupBrowser, recordLaunch, type BrowserStatus } from "./browser-status";
import { firstErrorLine as firstLine, launchChromiumAt } from "./try-launch";

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

/**
 * A launched browser for one QA run. Looks the browser up afresh; if the launch fails, looks
 * again (it may have moved or been replaced) and tries once more — a timeout on a busy machine
 * also gets that second try. Throws BrowserUnavailableError when no browser can be had.
 */
export async function launchBrowser(options: { scratchDir?: string } = {}): Promise<Browser> {
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
