// The browser step of `npm start` and `npm test`: find one, get one if there is none (see
// server/browser/install-browser.ts), and check that it really starts.
import { browserSearchConfigFromEnv } from "../../server/browser/find-browser";
import type { BrowserEnv } from "../../server/browser/browser-env";
import { browserWarning, ensureBrowser } from "../../server/browser/install-browser";
import { tryLaunchAt } from "../../server/browser/try-launch";

export type BrowserSetup =
  | { isReady: true; executablePath: string; source: string; durationMs: number }
  | { isReady: false; reason: string; fixCommand: string; warning: string[]; durationMs: number };

export async function setUpBrowser(env: Pick<BrowserEnv, "CHROMIUM_PATH" | "EPIC_BROWSER_SEARCH_PATHS" | "PLAYWRIGHT_BROWSERS_PATH" | "EPIC_BROWSER_AUTO_INSTALL">, log: (line: string) => void): Promise<BrowserSetup> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const result = await ensureBrowser({ config: browserSearchConfigFromEnv(env), autoInstall: env.EPIC_BROWSER_AUTO_INSTALL, log });
  const missing = (reason: string): BrowserSetup => ({ isReady: false, reason, fixCommand: result.fixCommand, warning: browserWarning(reason, result.fixCommand), durationMs: elapsed() });
  if (!result.lookup.isFound) return missing(result.lookup.reason);
  const error = await tryLaunchAt(result.lookup.executablePath);
  if (error) return missing(`${result.lookup.executablePath} was found but did not start: ${error}`);
  return { isReady: true, executablePath: result.lookup.executablePath, source: result.lookup.source, durationMs: elapsed() };
}
