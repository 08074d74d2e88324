// A browser that runs elsewhere (BROWSER_WS_ENDPOINT): a browser service, or Chromium started with
// --remote-debugging-port. Where the platform cannot start Chromium itself (Vercel's functions),
// every browser use connects to it instead of launching, and ends by disconnecting: the remote
// browser is not ours to close, only the contexts we made in it (closed by their users, and
// dropped by the browser when our connection goes).
import { chromium, type Browser } from "playwright-core";
import type { UnavailableBrowser } from "./browser-status";

export type RemoteBrowserProtocol = "cdp" | "playwright";

const CONNECT_TIMEOUT_MS = 30_000;

/**
 * The endpoint as it may be shown (logs, the QA report, the dashboard): without the user and
 * password, without the query string, where services put their tokens (`?token=…`), and without
 * a CDP browser id (`/devtools/browser/<id>`), which is all one needs to drive a reachable browser.
 */
export function describeBrowserEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    const pathname = url.pathname.replace(/^(\/devtools\/browser\/).+$/, "$1…");
    return `${url.protocol}//${url.host}${pathname === "/" ? "" : pathname}`;
  } catch {
    return "(an unparsable BROWSER_WS_ENDPOINT)";
  }
}

/** BROWSER_WS_PROTOCOL resolved: "auto" is a Playwright server when the URL says so, else CDP. */
export function remoteBrowserProtocol(endpoint: string, setting: "auto" | RemoteBrowserProtocol): RemoteBrowserProtocol {
  if (setting !== "auto") return setting;
  return /playwright/i.test(new URL(endpoint).pathname) ? "playwright" : "cdp";
}

/** The unavailable status of a remote browser that could not be reached, naming it without credentials. */
export function remoteBrowserUnreachable(endpoint: string, error: string): UnavailableBrowser {
  const shown = describeBrowserEndpoint(endpoint);
  return {
    isAvailable: false,
    problem: "not-reachable",
    reason: `The remote browser at ${shown} (BROWSER_WS_ENDPOINT) could not be reached: ${error}`,
    summary: "The remote browser (BROWSER_WS_ENDPOINT) could not be reached",
    // Shown to anonymous callers too (/api/ready): no address in it.
    fixCommand: "check that the browser service behind BROWSER_WS_ENDPOINT is up and that BROWSER_WS_ENDPOINT (and BROWSER_WS_PROTOCOL) are right",
  };
}

/**
 * Connects to the remote browser. Over CDP, Playwright keeps its artifacts in a temporary folder
 * of its own (playwright-artifacts-…), removed when it disconnects; nothing else is written here.
 */
export async function connectRemoteBrowser(
  endpoint: string,
  { protocol, timeoutMs = CONNECT_TIMEOUT_MS }: { protocol: RemoteBrowserProtocol; timeoutMs?: number },
): Promise<Browser> {
  switch (protocol) {
    case "cdp":
      return chromium.connectOverCDP(endpoint, { timeout: timeoutMs });
    case "playwright":
      return chromium.connect(endpoint, { timeout: timeoutMs });
    default: {
      const unknown: never = protocol;
      throw new Error(`unknown remote browser protocol ${String(unknown)}`);
    }
  }
}
