// Serves a directory over loopback HTTP under a path prefix with the preview CSP, the way the
// preview route serves a version. Used by the QA tests and local checks.
// QA serves a working copy that the app's own tests have just run in: a test may have left a
// symlink there (to /etc/passwd, the platform's .data/), which the sandbox could not follow but
// this server, outside it, would. So a file is served only if its real path is inside the root.
import { createServer, type Server } from "node:http";
import { readFile, realpath } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { previewCsp } from "~/server/llm/offline/preview-csp";
import { contentTypeFor } from "~/server/deployments/content-type";


export interface ServedDirectory {
  /** Absolute URL of the app root, ending with "/". */
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveDirectory(options: { root: string; prefix?: string }): Promise<ServedDirectory> {
  const root = await realpath(path.resolve(options.root));
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
      if (relative === "" || relative.endsWith("/")) relative += "index.html";
      const file = path.resolve(root, relative);
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(404).end("Not found");
        return;
      }
      try {
        const real = await realpath(file);
        if (!real.startsWith(root + path.sep)) throw new Error("outside the root");
        const body = await readFile(real);
        res.writeHead(200, {
          "Content-Type": contentTypeFor(file),
          "Content-Security-Policy": previewCsp,
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "no-store",
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
