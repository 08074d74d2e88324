// HTTP requests to names under *.localhost (each preview's own origin), answered by a server on
// 127.0.0.1. Browsers resolve those names to loopback by themselves; Node's resolver does not,
// so this connects to 127.0.0.1 and sends the URL's host in the Host header, as a browser would.
import http from "node:http";

export type LoopbackResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

export function loopbackRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<LoopbackResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: target.port || 80,
        method: init.method ?? "GET",
        // The raw path: percent-escapes (even invalid ones) reach the server as written.
        path: url.replace(/^[a-z]+:\/\/[^/]+/i, "") || "/",
        headers: { ...init.headers, host: target.host },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}
