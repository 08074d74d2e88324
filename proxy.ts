// Runs before every page (API routes guard themselves: see server/http/route-guard.ts; keeping
// them out of the matcher also keeps Next from buffering their bodies for the proxy).
//   - On the preview domain (`<label>.<preview domain>`) nothing of the platform exists: every
//     request becomes a request for that project's preview, or a 404.
//   - On the platform's origin, pages get a nonce-based Content-Security-Policy and, over HTTPS, HSTS.
import { randomBytes, randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getPreviewOrigins } from "~/server/deployments/preview-config";
import { matchPreviewHost } from "~/server/deployments/preview-origin";
import { isPreviewDataPath, PREVIEW_PATH_HEADER } from "~/server/deployments/serve-preview";
import { env } from "~/server/env";
import { dashboardContentSecurityPolicy, isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "~/server/http/dashboard-security";
import { REQUEST_ID_HEADER, requestIdFrom } from "~/server/http/request-id";

export const config = {
  matcher: ["/((?!api/).*)"],
};

const PAGE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

function notFound(message = "Not found") {
  return new NextResponse(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}

export function proxy(request: NextRequest) {
  const origins = getPreviewOrigins();
  const host = matchPreviewHost(origins, request.headers.get("host"));

  if (host.isPreviewDomain) {
    if (!host.previewKey) return notFound("Preview not found");
    // The original path, percent-escapes intact: the preview route checks it (400 for NUL or
    // invalid UTF-8) instead of trusting Next's decoding.
    const rawPath = request.url.match(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i)?.[1] || "/";
    // Files are static; only the app's shared records (/_data/…) take writes.
    const isWrite = request.method !== "GET" && request.method !== "HEAD";
    if (isWrite && !((request.method === "PUT" || request.method === "DELETE") && isPreviewDataPath(rawPath))) {
      return new NextResponse("Previews are static: only GET and HEAD", { status: 405, headers: { Allow: "GET, HEAD" } });
    }
    if (!/^[\x21-\x7e]*$/.test(rawPath) || rawPath.length > 4096) return new NextResponse("Bad preview path", { status: 400 });
    const headers = new Headers(request.headers);
    headers.set(PREVIEW_PATH_HEADER, rawPath);
    // Same origin as Next sees this request (a URL with another host would be proxied as external).
    const target = request.nextUrl.clone();
    target.pathname = `/preview/${host.previewKey}/`;
    return NextResponse.rewrite(target, { request: { headers } });
  }

  const nonce = randomBytes(16).toString("base64");
  const policy = dashboardContentSecurityPolicy({
    nonce,
    origins,
    formTargets: env.GITHUB_ID ? [env.GITHUB_URL] : [],
    isDevelopment: process.env.NODE_ENV === "development",
    // The browser reports its errors to Sentry when SENTRY_DSN is set (components/browser-error-reporting.tsx).
    connectSources: env.SENTRY_DSN ? [env.SENTRY_DSN] : [],
  });
  const headers = new Headers(request.headers);
  // Only proxy.ts may say which path a preview request had.
  headers.delete(PREVIEW_PATH_HEADER);
  // Pages get a request id as API routes do (route-guard.ts): the layout hands it to the browser's
  // error reporting, so an error seen in the browser names the page load an operator can look up.
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER)) ?? randomUUID();
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("x-nonce", nonce);
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  for (const [name, value] of Object.entries(PAGE_HEADERS)) response.headers.set(name, value);
  if (isHttpsRequest(request.url, request.headers, env.TRUST_PROXY)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}
