// Keeps a browser context on one origin: the app under test. Every other request — another
// loopback port (the platform, its database's HTTP side, other previews), the LAN, the internet —
// is aborted before it leaves the browser and reported, so a generated (or prompt-injected) app
// can neither exfiltrate what it sees nor poke services next to the platform. The preview CSP
// already refuses most of these; this holds even where the CSP would not (navigations, a CSP
// weakened by the app's own <meta>, WebSockets).
import type { BrowserContext } from "playwright-core";

/** The app's origin for a URL, treating ws:/wss: as the http:/https: origin they upgrade from. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "ws:") parsed.protocol = "http:";
    if (parsed.protocol === "wss:") parsed.protocol = "https:";
    return parsed.origin;
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Every URL not under `origin` + "/": a RegExp, so Playwright matches it inside the browser
 * driver — a function matcher would make every request of the app a round trip to us. */
function everythingBut(origin: string): RegExp {
  return new RegExp(`^(?!${escapeRegExp(origin)}/)`);
}

export async function restrictToOrigin(context: BrowserContext, appUrl: string, onBlocked: (url: string) => void): Promise<void> {
  const allowed = originOf(appUrl);
  if (!allowed || allowed === "null") throw new Error(`Cannot restrict the browser to ${appUrl}: it has no origin`);
  await context.route(everythingBut(allowed), async (route) => {
    onBlocked(route.request().url());
    await route.abort("blockedbyclient");
  });
  const socketOrigin = allowed.replace(/^http/, "ws");
  await context.routeWebSocket(everythingBut(socketOrigin), async (socket) => {
    onBlocked(socket.url());
    // Never connected to the server: the page sees a socket that closes at once.
    await socket.close({ code: 1008, reason: "blocked by QA" });
  });
}

/** How Chromium names a request we aborted ("net::ERR_BLOCKED_BY_CLIENT.Inspector" in requestfailed, plain in the console). */
export const BLOCKED_ERROR_TEXT = "net::ERR_BLOCKED_BY_CLIENT";
