// Starting the browser: for each QA run (looked up afresh, so one installed later is used
// without a restart) and, at most once a minute, for /api/ready's proof that it starts.
import { errors, type Browser } from "playwright-core";
import { BrowserUnavailableError, browserNotFound, browserNotLaunchable, getBrowserStatus, lastSuccessfulLaunchAt, lookupBrowser, recordLaunch, type BrowserStatus } from "./browser-status";
import { firstErrorLine as firstLine, launchChromiumAt } from "./try-launch";

const PROBE_TTL_MS = 60_000;

async function launchAt(executablePath: string): Promise<Browser> {
  try {
    const browser = await launchChromiumAt(executablePath);
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
export async function launchBrowser(): Promise<Browser> {
  const first = lookupBrowser({ isFresh: true });
  if (!first.isFound) throw new BrowserUnavailableError(browserNotFound(first));
  try {
    return await launchAt(first.executablePath);
  } catch (error) {
    const again = lookupBrowser({ isFresh: true });
    if (!again.isFound) throw new BrowserUnavailableError(browserNotFound(again));
    if (again.executablePath === first.executablePath && !(error instanceof errors.TimeoutError)) {
      throw new BrowserUnavailableError(browserNotLaunchable(first.executablePath, firstLine(error)));
    }
    try {
      return await launchAt(again.executablePath);
    } catch (retryError) {
      throw new BrowserUnavailableError(browserNotLaunchable(again.executablePath, firstLine(retryError)));
    }
  }
}

/** For /api/ready: proves the browser starts (launch and close), at most once a minute; QA's own launches count as proof. */
export async function probeBrowser(): Promise<BrowserStatus> {
  const status = getBrowserStatus();
  if (!status.isAvailable) return status;
  const provenAt = lastSuccessfulLaunchAt(status.executablePath);
  if (provenAt !== null && Date.now() - provenAt < PROBE_TTL_MS) return status;
  try {
    await (await launchAt(status.executablePath)).close();
    return status;
  } catch (error) {
    return browserNotLaunchable(status.executablePath, firstLine(error));
  }
}
