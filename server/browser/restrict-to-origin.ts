// Keeps a browser context on one origin: the app under test. Every other request — another
// loopback port (the platform, its database's HTTP side, other previews), the LAN, the internet —
// is aborted before it leaves the browser and reported, so a generated (or prompt-injected) app
// can neither exfiltrate what it sees nor poke services next to the platform. The preview CSP
// already refuses most of these; this holds even where the CSP would not (navigations, a CSP
// weakened by the app's own <meta>, WebSockets).
import type { BrowserContext, Route } from "playwright-core";

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

/** Response headers that described the body as it came over the wire, not as it is handed on. */
const wireHeaders = new Set(["content-encoding", "content-length", "transfer-encoding", "connection"]);

/**
 * Answers the browser's request from this process: for a browser elsewhere (BROWSER_WS_ENDPOINT),
 * which cannot reach the loopback port QA serves the app on. The request is made here (Node's
 * fetch, not route.fetch(), which a Playwright browser server would make on its own machine).
 */
async function relayFromHere(route: Route): Promise<void> {
  const request = route.request();
  const body = request.postDataBuffer();
  const response = await fetch(request.url(), {
    method: request.method(),
    headers: Object.fromEntries(Object.entries(await request.allHeaders()).filter(([name]) => !name.startsWith(":"))),
    body: body && request.method() !== "GET" && request.method() !== "HEAD" ? new Uint8Array(body) : undefined,
    redirect: "manual",
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!wireHeaders.has(name)) headers[name] = value;
  });
  await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
}

/**
 * `isRelayed`: the browser runs elsewhere, so the app's own requests are answered from this
 * process (see relayFromHere) instead of going out of the browser's machine.
 */
export async function restrictToOrigin(context: BrowserContext, appUrl: string, onBlocked: (url: string) => void, { isRelayed = false }: { isRelayed?: boolean } = {}): Promise<void> {
  const allowed = originOf(appUrl);
  if (!allowed || allowed === "null") throw new Error(`Cannot restrict the browser to ${appUrl}: it has no origin`);
  if (isRelayed) {
    await context.route(new RegExp(`^${escapeRegExp(allowed)}/`), async (route) => {
      try {
        await relayFromHere(route);
      } catch {
        // The app's server is gone (QA is ending) or the page went away: the browser sees a failed request.
        await route.abort("connectionrefused").catch(() => undefined);
      }
    });
  }
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
