// The HTTP server every provider fake in this folder runs on: a loopback port chosen by the OS,
// started and stopped by the test. Subclasses answer requests in the provider's wire format.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export abstract class LoopbackFake {
  private server: Server | null = null;
  /** The fake's base URL once started, e.g. http://127.0.0.1:41234. */
  url = "";

  protected abstract handle(request: IncomingMessage, response: ServerResponse): Promise<void>;

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Closes open connections too (SDKs keep them alive), so the test does not wait for them. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
