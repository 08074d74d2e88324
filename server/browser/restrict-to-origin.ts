// Keeps a browser context on one origin: the app under test. Every other request — another
// loopback port (the platform, its database's HTTP side, other previews), the LAN, the internet —
// fails before it reaches anything and is reported, so a generated (or prompt-injected) app can
// neither exfiltrate what it sees nor poke services next to the platform. The preview CSP already
// refuses most of these; this holds even where the CSP would not (navigations, a CSP weakened by
// the app's own <meta>, WebSockets).
//
// A local browser's context gets a proxy that goes nowhere (a loopback socket of this process that
// drops every connection) for everything but the app's host and port, which bypass it: the block
// is Chromium's own network stack, and the app's requests are not intercepted at all — so they do
// not each make a round trip through this process, and the browser's HTTP cache works (Playwright
// turns it off for a context with request interception). A remote browser cannot use a proxy on
// our loopback: there every request is intercepted instead, the app's relayed from here and the
// rest aborted.
import { createServer, type Server } from "node:net";
import type { BrowserContext, BrowserContextOptions, ConsoleMessage, Page, Route } from "playwright-core";

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

/** Every URL not under `origin` + "/". */
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

const globalForProxy = globalThis as unknown as { __epicDeadEndProxy?: Promise<number> };

/**
 * This process's proxy that goes nowhere: a loopback socket that drops every connection at once,
 * so a request sent to it fails in the browser (net::ERR_CONNECTION_RESET and the like) without
 * reaching anything. Its port stays ours while the process runs, so nothing else can take it.
 */
function deadEndProxyPort(): Promise<number> {
  globalForProxy.__epicDeadEndProxy ??= new Promise<number>((resolve, reject) => {
    const server: Server = createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.unref();
      const address = server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("The dead-end proxy has no port"));
    });
  }).catch((error: unknown) => {
    globalForProxy.__epicDeadEndProxy = undefined;
    throw error;
  });
  return globalForProxy.__epicDeadEndProxy;
}

export type OriginRestriction = {
  /** What the context must be created with (a local browser's dead-end proxy). */
  contextOptions: Pick<BrowserContextOptions, "proxy">;
  /** Applies the rest to the created context: reports each blocked request and socket to `onBlocked`. */
  apply(context: BrowserContext, onBlocked: (url: string) => void): Promise<void>;
  /** Whether a URL is outside the app under test (so a failure to load it is the block, not the app). */
  isOutside(url: string): boolean;
  /** Whether a console error is the browser's own line for a blocked request or socket. */
  isBlockedNotice(message: ConsoleMessage): boolean;
};

/**
 * The restriction of a context to `appUrl`'s origin. `isRelayed`: the browser runs elsewhere, so
 * its requests are intercepted and the app's answered from this process (see relayFromHere).
 */
export async function restrictionTo(appUrl: string, { isRelayed = false }: { isRelayed?: boolean } = {}): Promise<OriginRestriction> {
  const allowed = originOf(appUrl);
  if (!allowed || allowed === "null") throw new Error(`Cannot restrict the browser to ${appUrl}: it has no origin`);
  const isOutside = (url: string): boolean => {
    const origin = originOf(url);
    // data:, blob: and about: URLs never reach the network.
    return origin !== null && origin !== "null" && origin !== allowed;
  };
  const isBlockedNotice = (message: ConsoleMessage): boolean => {
    const text = message.text();
    if (text.includes(BLOCKED_ERROR_TEXT)) return true;
    if (text.startsWith("Failed to load resource") && isOutside(message.location().url)) return true;
    const socket = /^WebSocket connection to '([^']+)' failed/.exec(text);
    return !!socket && isOutside(socket[1]!);
  };
  if (isRelayed) return { contextOptions: {}, apply: (context, onBlocked) => interceptAll(context, allowed, onBlocked), isOutside, isBlockedNotice };
  const { host } = new URL(allowed);
  const proxyPort = await deadEndProxyPort();
  return {
    // Playwright adds "<-loopback>" (loopback is not proxied unless told): only the app's host:port bypasses.
    contextOptions: { proxy: { server: `http://127.0.0.1:${proxyPort}`, bypass: host } },
    apply: async (context, onBlocked) => {
      context.on("requestfailed", (request) => {
        if (isOutside(request.url())) onBlocked(request.url());
      });
      const watchSockets = (page: Page) =>
        page.on("websocket", (socket) => {
          if (isOutside(socket.url())) onBlocked(socket.url());
        });
      context.on("page", watchSockets);
      for (const page of context.pages()) watchSockets(page);
    },
    isOutside,
    isBlockedNotice,
  };
}

/** A remote browser's restriction: every request intercepted, the app's relayed from here, the rest aborted. */
async function interceptAll(context: BrowserContext, allowed: string, onBlocked: (url: string) => void): Promise<void> {
  await context.route(new RegExp(`^${escapeRegExp(allowed)}/`), async (route) => {
    try {
      await relayFromHere(route);
    } catch {
      // The app's server is gone (QA is ending) or the page went away: the browser sees a failed request.
      await route.abort("connectionrefused").catch(() => undefined);
    }
  });
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
