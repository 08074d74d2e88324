// Serves a fetch-style handler ((Request) => Response) on a real loopback HTTP port, so tests
// speak real HTTP (streaming, disconnects) to code that Next would otherwise host.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

// A route handler may take a second (context) argument; tests serve it without one.
export async function serveFetchHandler(handler: (request: Request, context?: never) => Promise<Response>) {
  const server = createServer(async (req, res) => {
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    try {
      const response = await handler(toRequest(req, abort.signal));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (!response.body) return res.end();
      res.flushHeaders();
      const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
      body.on("error", () => res.destroy());
      body.pipe(res);
      res.on("close", () => body.destroy());
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  // Longer than fetch's own idle timeout (4 s), so the client always drops an idle keep-alive
  // connection first: otherwise, on a loaded machine, a request can go out on a socket the server
  // is closing that very moment (ECONNRESET / "other side closed").
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // The request body streams through as it arrives (`duplex: "half"` is what Node's fetch needs for that).
  const body = hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined;
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method: req.method, headers, signal, body, duplex: "half" } as RequestInit);
}
