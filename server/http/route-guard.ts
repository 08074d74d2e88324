// Every API route handler is wrapped in `guardRoute`, which holds the rules no route may forget:
//   - the preview domain serves previews only: any other route there is a 404;
//   - URLs longer than MAX_URL_LENGTH get 414, URLs that are not valid UTF-8 (or carry NUL) get 400;
//   - bodies over MAX_BODY_BYTES get 413 while they stream in, before anything parses them, and text
//     bodies must be valid UTF-8 without NUL bytes (400);
//   - each request gets an id (X-Request-Id: the caller's own when it sent a well-formed one, else a
//     new UUID), returned in that header and in error bodies, and carried by every log line written
//     while the request is handled; a failure is logged with it and the client gets the id, never
//     the internal message.
//   - each answer is counted and timed for /api/metrics (epic_http_requests_total, by route). Domain errors (AppError) keep their code and message, and a
//     429 carries Retry-After.
//   - each request is a span; a W3C `traceparent` header (an executor's call carrying its run's
//     trace, a traced client) makes it a child of the caller's span, in the caller's trace.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { getPreviewOrigins } from "../deployments/preview-config";
import { matchPreviewHost } from "../deployments/preview-origin";
import { env } from "../env";
import { AppError } from "../errors";
import { decodeUrlComponent } from "../validation/clean-text";
import { reportError } from "../observability/error-reporting";
import { getLogger, withLogContext } from "../observability/logger";
import { getMetrics, httpRouteLabel, routeLabel } from "../observability/metrics";
import { withSpan } from "../observability/tracing";
import { PayloadTooLargeError, readLimitedBody } from "./read-limited-body";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

const log = getLogger("http");

export const MAX_URL_LENGTH = 8192;

export type GuardOptions = {
  /** This route's body limit, when it needs another than MAX_BODY_BYTES (e.g. Inngest's signed calls). */
  maxBodyBytes?: number;
  /** The preview route itself: allowed on the preview domain. */
  isPreviewRoute?: boolean;
};

export function jsonError(status: number, body: { error: string; requestId?: string; retryAfterSeconds?: number }, headers?: HeadersInit) {
  const response = new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
  return response;
}

/** The JSON answer for a domain error: its status, code's message, and Retry-After for 429. */
export function appErrorResponse(error: AppError, requestId?: string): Response {
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
  return jsonError(error.httpStatus, { error: error.message, requestId, retryAfterSeconds: error.retryAfterSeconds }, headers);
}

/** Checks the URL: its length, and that every percent-escape decodes to clean UTF-8. */
export function urlProblem(url: string): { status: 400 | 414; message: string } | null {
  if (url.length > MAX_URL_LENGTH) return { status: 414, message: `The URL is longer than ${MAX_URL_LENGTH} characters.` };
  const rawPathAndQuery = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").replace(/#.*$/, "");
  for (const part of rawPathAndQuery.split(/[/?&=]/)) {
    if (part && decodeUrlComponent(part.replace(/\+/g, " ")) === null) {
      return { status: 400, message: "The URL is not valid UTF-8 or contains a NUL character." };
    }
  }
  return null;
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("X-Request-Id", requestId);
    if (!response.headers.has("X-Content-Type-Options")) response.headers.set("X-Content-Type-Options", "nosniff");
    return response;
  } catch {
    // Immutable headers (e.g. Response.redirect): copy them onto a new response.
    const headers = new Headers(response.headers);
    headers.set("X-Request-Id", requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

export function guardRoute<Context>(
  handler: (request: NextRequest, context: Context) => Promise<Response>,
  options: GuardOptions = {},
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER)) ?? randomUUID();
    const method = request.method.toUpperCase();
    const startedAt = performance.now();
    const route = routeLabel(new URL(request.url).pathname);
    const response = await withLogContext({ requestId }, () =>
      withSpan(`${method} ${route}`, { "http.request.method": method, "http.route": route, "epic.request_id": requestId }, async (span) => {
        const answer = await handleGuarded(request, context, requestId, method);
        span.setAttribute("http.response.status_code", answer.status);
        return answer;
      }, { parent: request.headers.get("traceparent") }),
    );
    recordRequest(method, request.url, response.status, startedAt);
    return response;
  };

  async function handleGuarded(request: Request, context: Context, requestId: string, method: string): Promise<Response> {
    try {
      const host = matchPreviewHost(getPreviewOrigins(), request.headers.get("host"));
      if (host.isPreviewDomain && !options.isPreviewRoute) {
        return withRequestId(jsonError(404, { error: "Not found", requestId }), requestId);
      }
      const problem = urlProblem(request.url);
      if (problem) return withRequestId(jsonError(problem.status, { error: problem.message, requestId }), requestId);

      const hasBody = method !== "GET" && method !== "HEAD";
      const body = hasBody ? await readLimitedBody(request, options.maxBodyBytes ?? env.MAX_BODY_BYTES) : null;
      const headers = new Headers(request.headers);
      headers.set(REQUEST_ID_HEADER, requestId);
      const guarded = new NextRequest(request.url, { method, headers, body: body as BodyInit | null, signal: request.signal });
      return withRequestId(await handler(guarded, context), requestId);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        return withRequestId(jsonError(413, { error: error.message, requestId }, { Connection: "close" }), requestId);
      }
      if (error instanceof AppError) return withRequestId(appErrorResponse(error, requestId), requestId);
      log.error({ err: error, method, path: new URL(request.url).pathname }, "request failed");
      void reportError(error, { route: routeLabel(new URL(request.url).pathname) });
      return withRequestId(jsonError(500, { error: "Internal error. Quote this request id when you report it.", requestId }), requestId);
    }
  }
}

function recordRequest(method: string, url: string, status: number, startedAt: number): void {
  try {
    const labels = { method, route: httpRouteLabel(new URL(url).pathname, status), status: String(status) };
    const metrics = getMetrics();
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, (performance.now() - startedAt) / 1000);
  } catch {
    // Metrics never fail a request.
  }
}
