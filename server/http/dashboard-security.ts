// Response headers for the dashboard's pages: a Content-Security-Policy with a fresh nonce per
// request (Next puts it on its own scripts; the theme script reads it from the x-nonce header),
// and HSTS when the page was served over HTTPS.
import type { PreviewOrigins } from "../deployments/preview-origin";

export type DashboardPolicyInput = {
  nonce: string;
  origins: PreviewOrigins;
  /** OAuth servers the sign-in form may post (redirect) to, e.g. GitHub's web URL. */
  formTargets: string[];
  isDevelopment: boolean;
  /** Origins the page's scripts may send to besides its own, e.g. Sentry's for browser errors. */
  connectSources?: string[];
};

export function dashboardContentSecurityPolicy({ nonce, origins, formTargets, isDevelopment, connectSources = [] }: DashboardPolicyInput): string {
  // Previews are framed from their own origins (a wildcard over the projects' labels).
  const frameSources = origins.template ? origins.template : "'self'";
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonced scripts load are trusted; nothing else runs.
    // Development adds 'unsafe-eval' for React's debugging and Turbopack's hot reload.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes (e.g. the preview's width); stylesheets come from 'self'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${connectSources.map((source) => ` ${new URL(source).origin}`).join("")}${isDevelopment ? " ws: wss:" : ""}`,
    `frame-src ${frameSources}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((target) => ` ${new URL(target).origin}`).join("")}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  return directives.join("; ");
}

/** HSTS for a year, only on responses that actually went out over HTTPS (or via a TLS proxy we trust). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

export function isHttpsRequest(url: string, headers: Headers, trustedProxyHops: number): boolean {
  if (new URL(url).protocol === "https:") return true;
  return trustedProxyHops > 0 && (headers.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https";
}
