// The production server behind `npm start`: Next's request handler on a plain Node HTTP server,
// bound to HOST (loopback unless configured). The one thing it adds: every request carries its
// TCP peer's address in CLIENT_ADDRESS_HEADER, overwriting whatever a client sent under that
// name, so rate limits can tell direct clients apart without trusting X-Forwarded-For
// (server/http/client-address.ts). `next start` offers no way to learn the peer's address.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER } from "../server/http/client-address";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
process.env.EPIC_STAMPS_PEER_ADDRESS = "1";

// Next builds the URLs it routes with from this name (not from the Host header); "localhost"
// keeps them identical to what proxy.ts sees, so its rewrites stay internal. The socket below
// is what listens on HOST.
const app = next({ dev: false, hostname: "localhost", port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
  void handle(request, response);
});
server.listen(port, hostname, () => console.log(`> Serving on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
