// How the executor reaches the app's serve handler. In embedded mode `handler` is the route's
// own handler function, called in-process; `httpServeHandler` turns a URL into a handler for an app
// served elsewhere. Either way every request is signed when a signing key is configured, so a
// handler outside dev mode accepts it, and carries the active span's `traceparent` (the run's
// trace), which the route guard continues when the call goes over HTTP.
import { currentTraceparent } from "../../observability/tracing";
import { signatureHeader } from "./sign-request";

export type ServeHandler = (request: Request) => Promise<Response>;

export type ServeTransport = {
  handler: ServeHandler;
  /** The serve endpoint's URL; in-process it only names the host and path in the Request. */
  serveUrl: string;
  signingKey?: string;
};

export type ServeResponse = { status: number; headers: Headers; text: string };

export async function sendToHandler(
  transport: ServeTransport,
  request: { method: "POST" | "PUT" | "GET"; query?: Record<string, string>; headers?: Record<string, string>; body?: unknown },
): Promise<ServeResponse> {
  const url = new URL(transport.serveUrl);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(request.headers);
  // The SDK builds its URL from the host header; a Request made in-process has none otherwise.
  headers.set("host", url.host);
  const traceparent = currentTraceparent();
  if (traceparent) headers.set("traceparent", traceparent);
  let payload: string | undefined;
  if (request.body !== undefined) {
    payload = JSON.stringify(request.body);
    headers.set("content-type", "application/json");
  }
  if (transport.signingKey) headers.set("x-inngest-signature", signatureHeader(request.body ?? "", transport.signingKey));
  const response = await transport.handler(new Request(url, { method: request.method, headers, body: payload }));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A handler that forwards to a serve endpoint over HTTP (an app served by another process). */
export function httpServeHandler(serveUrl: string, timeoutMs = 5 * 60_000): ServeHandler {
  const target = new URL(serveUrl);
  return async (request) => {
    const url = new URL(request.url);
    url.protocol = target.protocol;
    url.host = target.host;
    const headers = new Headers(request.headers);
    headers.delete("host");
    return fetch(url, {
      method: request.method,
      headers,
      body: request.method === "GET" ? undefined : await request.text(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  };
}
