// The HTTP server every provider fake in this folder runs on: a loopback port chosen by the OS,
// started and stopped by the test. Subclasses answer requests in the provider's wire format.
// Every fake can also stall requests (`stallNext`): take the request, read part of its body or
// none, and never answer, as a provider does when an upload hangs midway.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Stall = { method: string; path: RegExp; times: number; read: "none" | "some" };

export abstract class LoopbackFake {
  private server: Server | null = null;
  private readonly stallRules: Stall[] = [];
  private readonly stalledNow = new Set<IncomingMessage>();
  /** Requests the fake stalled (never answered), in order. */
  readonly stalls: Array<{ method: string; path: string }> = [];
  /** The fake's base URL once started, e.g. http://127.0.0.1:41234. */
  url = "";

  protected abstract handle(request: IncomingMessage, response: ServerResponse): Promise<void>;

  /**
   * The next `times` requests matching method and path (decoded) are taken and never answered:
   * `read: "some"` reads the first chunk of the body and stops reading, "none" reads nothing.
   * The client is left waiting until it gives up; stop() closes what is still open.
   */
  stallNext(method: string, path: RegExp, times = 1, read: "none" | "some" = "some") {
    this.stallRules.push({ method, path, times, read });
  }
  /** Forgets the stalls not yet served. */
  clearStalls() {
    this.stallRules.length = 0;
  }

  private stall(request: IncomingMessage): boolean {
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://fake");
    const path = decodeURIComponent(url.pathname);
    const rule = this.stallRules.find((item) => item.method === method && item.path.test(path) && item.times > 0);
    if (!rule) return false;
    rule.times -= 1;
    this.stalls.push({ method, path: url.pathname + url.search });
    this.stalledNow.add(request);
    request.once("close", () => this.stalledNow.delete(request));
    if (rule.read === "none") request.pause();
    else request.once("data", () => request.pause());
    return true;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      if (this.stall(request)) return;
      void this.handle(request, response);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Closes open connections too (SDKs keep them alive, stalled requests hold theirs), so the test does not wait for them. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    for (const request of this.stalledNow) request.socket.destroy();
    this.stalledNow.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
