// Serves a directory over loopback HTTP under a path prefix with the preview CSP, the way the
// preview route serves a version. Used by the QA tests and local checks.
// QA serves a working copy that the app's own tests have just run in: a test may have left a
// symlink there (to /etc/passwd, the platform's .data/), which the sandbox could not follow but
// this server, outside it, would. So a file is served only if its real path is inside the root.
// With `appData`, it also serves the app's shared records at `_data/` beside the app, through the
// very handler the preview route mounts (server/app-data/), each data scope under its own folder
// `@<scope>/` (one per QA check), so checks exercise the real code path and never see each
// other's records.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { handleAppDataRequest } from "~/server/app-data/handle-app-data-request";
import type { AppRecordStore } from "~/server/app-data/schemas";
import { readFile, realpath } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { previewCsp } from "~/server/llm/offline/preview-csp";
import { contentTypeFor } from "~/server/deployments/content-type";


export interface ServedDirectory {
  /** Absolute URL of the app root, ending with "/". */
  baseUrl: string;
  /** The app root for one data scope (`<baseUrl>@<scope>/`); the same files, records of their own. */
  scopedUrl(scope: string): string;
  close(): Promise<void>;
}

/** Hands a Node request to a fetch-style handler and streams its answer back (SSE included). */
async function answerWithFetch(req: IncomingMessage, res: ServerResponse, handle: (request: Request) => Promise<Response>): Promise<void> {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
  const response = await handle(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  controller.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined), { once: true });
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
  } catch {
    // The client left mid-stream.
  }
  res.end();
}

export type ServeDirectoryOptions = {
  root: string;
  prefix?: string;
  appData?: AppRecordStore;
  /**
   * The files will not change while served (a version's copy): each is read once, and the browser
   * may keep it (max-age) instead of fetching every module again on every load. Otherwise every
   * request reads the file and nothing is cached.
   */
  isImmutable?: boolean;
};

export async function serveDirectory(options: ServeDirectoryOptions): Promise<ServedDirectory> {
  const root = await realpath(path.resolve(options.root));
  const bodies = new Map<string, Promise<Buffer>>();
  const readBody = (real: string): Promise<Buffer> => {
    if (!options.isImmutable) return readFile(real);
    let body = bodies.get(real);
    if (!body) {
      body = readFile(real);
      bodies.set(real, body);
      body.catch(() => bodies.delete(real));
    }
    return body;
  };
  const prefix = `/${(options.prefix ?? "").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const server: Server = createServer((req, res) => {
    void (async () => {
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        res.writeHead(400).end("Bad request");
        return;
      }
      if (!pathname.startsWith(prefix)) {
        res.writeHead(404).end("Not found");
        return;
      }
      let relative = pathname.slice(prefix.length);
      let scope = "default";
      const scoped = options.appData ? /^@([a-z0-9-]{1,40})\/(.*)$/.exec(relative) : null;
      if (scoped) {
        scope = scoped[1]!;
        relative = scoped[2]!;
      }
      if (options.appData && relative.startsWith("_data/")) {
        const store = options.appData;
        await answerWithFetch(req, res, (request) => handleAppDataRequest(request, scope, relative.slice("_data/".length), { store, heartbeatMs: 5_000, recheckMs: 2_000 })).catch(() => {
          if (!res.headersSent) res.writeHead(500).end("Internal error");
        });
        return;
      }
      if (relative === "" || relative.endsWith("/")) relative += "index.html";
      const file = path.resolve(root, relative);
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(404).end("Not found");
        return;
      }
      try {
        const real = await realpath(file);
        if (!real.startsWith(root + path.sep)) throw new Error("outside the root");
        const body = await readBody(real);
        res.writeHead(200, {
          "Content-Type": contentTypeFor(file),
          "Content-Security-Policy": previewCsp,
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": options.isImmutable ? "max-age=3600" : "no-store",
        });
        res.end(body);
      } catch {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${prefix}`,
    scopedUrl: (scope) => `http://127.0.0.1:${port}${prefix}@${scope}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
