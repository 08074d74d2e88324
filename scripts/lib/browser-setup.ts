// The browser step of `npm start` and `npm test`: find one, get one if there is none (see
// server/browser/install-browser.ts), and check that it really starts. With BROWSER_WS_ENDPOINT,
// nothing local is looked for or started: the remote browser is connected to once, and left running.
import { browserSearchConfigFromEnv } from "../../server/browser/find-browser";
import type { BrowserEnv } from "../../server/browser/browser-env";
import { browserWarning, ensureBrowser } from "../../server/browser/install-browser";
import { connectRemoteBrowser, describeBrowserEndpoint, remoteBrowserProtocol, remoteBrowserUnreachable } from "../../server/browser/remote-browser";
import { firstErrorLine, tryLaunchAt } from "../../server/browser/try-launch";

export type BrowserSetup =
  | { isReady: true; executablePath: string; source: string; durationMs: number }
  | { isReady: false; reason: string; fixCommand: string; warning: string[]; durationMs: number };

type SetupEnv = Pick<BrowserEnv, "CHROMIUM_PATH" | "EPIC_BROWSER_SEARCH_PATHS" | "PLAYWRIGHT_BROWSERS_PATH" | "EPIC_BROWSER_AUTO_INSTALL"> &
  Partial<Pick<BrowserEnv, "BROWSER_WS_ENDPOINT" | "BROWSER_WS_PROTOCOL">>;

export async function setUpBrowser(env: SetupEnv, log: (line: string) => void): Promise<BrowserSetup> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (env.BROWSER_WS_ENDPOINT) return checkRemoteBrowser(env.BROWSER_WS_ENDPOINT, env.BROWSER_WS_PROTOCOL ?? "auto", elapsed);
  const result = await ensureBrowser({ config: browserSearchConfigFromEnv(env), autoInstall: env.EPIC_BROWSER_AUTO_INSTALL, log });
  const missing = (reason: string): BrowserSetup => ({ isReady: false, reason, fixCommand: result.fixCommand, warning: browserWarning(reason, result.fixCommand), durationMs: elapsed() });
  if (!result.lookup.isFound) return missing(result.lookup.reason);
  const error = await tryLaunchAt(result.lookup.executablePath);
  if (error) return missing(`${result.lookup.executablePath} was found but did not start: ${error}`);
  return { isReady: true, executablePath: result.lookup.executablePath, source: result.lookup.source, durationMs: elapsed() };
}

async function checkRemoteBrowser(endpoint: string, protocolSetting: "auto" | "cdp" | "playwright", elapsed: () => number): Promise<BrowserSetup> {
  const protocol = remoteBrowserProtocol(endpoint, protocolSetting);
  try {
    // close() of a connected browser disconnects; the remote browser keeps running.
    await (await connectRemoteBrowser(endpoint, { protocol })).close();
    return { isReady: true, executablePath: describeBrowserEndpoint(endpoint), source: `BROWSER_WS_ENDPOINT, ${protocol}`, durationMs: elapsed() };
  } catch (error) {
    const status = remoteBrowserUnreachable(endpoint, firstErrorLine(error));
    const warning = [
      `WARNING: browser checks are unavailable — ${status.reason}.`,
      "Runs still build, test and deploy, but end \"Ready with gaps\" with every browser check marked not verified.",
      `To fix it, ${status.fixCommand}. Every run connects afresh, so no restart is needed.`,
    ];
    return { isReady: false, reason: status.reason, fixCommand: status.fixCommand, warning, durationMs: elapsed() };
  }
}
