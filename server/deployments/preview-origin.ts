// Where previews of generated apps are served. Generated code is untrusted, so it must run on an
// origin other than the platform's (there it cannot use the user's session), and each project's
// preview needs an origin of its own (else any generated app reads every other app's storage).
// Previews therefore live on `<label>.<preview domain>`, one subdomain per project, from a
// wildcard template such as `https://*.preview.example.com`; in the embedded default, subdomains
// of localhost, which browsers resolve to loopback with no DNS setup.
export type PreviewOrigins = {
  /** The dashboard's origin, e.g. https://app.example.com. */
  platform: string;
  /** Wildcard origin with `*` standing for the project's label; null when previews are not isolated. */
  template: string | null;
  isIsolated: boolean;
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function resolvePreviewOrigins(input: { platformUrl: string; previewOrigin?: string }): PreviewOrigins {
  const platformUrl = new URL(input.platformUrl);
  const platform = platformUrl.origin;
  if (input.previewOrigin) {
    const template = input.previewOrigin.replace(/\/+$/, "").toLowerCase();
    return { platform, template, isIsolated: true };
  }
  if (LOOPBACK_HOSTS.has(platformUrl.hostname)) {
    return { platform, template: `${platformUrl.protocol}//*.preview.localhost${platformUrl.port ? `:${platformUrl.port}` : ""}`, isIsolated: true };
  }
  // No preview domain configured for a public host: previews stay on the platform's origin,
  // sandboxed into an opaque origin by CSP (no storage, no cookies). README says to set one.
  return { platform, template: null, isIsolated: false };
}

/** A project's DNS label: its preview key's bytes in hex (keys are base64url, hosts are case-blind). */
export function previewLabel(previewKey: string): string {
  return Buffer.from(previewKey, "base64url").toString("hex");
}

/** The preview key a label stands for, or null when it is not one. */
export function previewKeyFromLabel(label: string): string | null {
  if (!/^[0-9a-f]{24,96}$/.test(label) || label.length % 2 !== 0) return null;
  return Buffer.from(label, "hex").toString("base64url");
}

/** The origin that serves this project's previews. */
export function previewOriginFor(origins: PreviewOrigins, previewKey: string): string {
  return origins.template ? origins.template.replace("*", previewLabel(previewKey)) : origins.platform;
}

/** The project's stable preview URL (its live version), or one version's own URL. */
export function previewUrl(origins: PreviewOrigins, previewKey: string, versionNumber?: number): string {
  const version = versionNumber === undefined ? "" : `v${versionNumber}/`;
  return origins.template
    ? `${previewOriginFor(origins, previewKey)}/${version}`
    : `${origins.platform}/preview/${previewKey}/${version}`;
}

/** The preview domain's host name, e.g. "preview.localhost" for http://*.preview.localhost:3000. */
export function previewHostname(origins: PreviewOrigins): string | null {
  return origins.template ? new URL(origins.template.replace("*", "x")).hostname.replace(/^x\./, "") : null;
}

export type PreviewHostMatch = { isPreviewDomain: true; previewKey: string | null } | { isPreviewDomain: false };

/**
 * Classifies a request's Host header: anything at or under the preview domain (any port) belongs
 * to previews and gets a preview or a 404, never the platform; `previewKey` is set for a
 * well-formed project label.
 */
export function matchPreviewHost(origins: PreviewOrigins, host: string | null): PreviewHostMatch {
  const domain = previewHostname(origins);
  if (!domain || !host) return { isPreviewDomain: false };
  const hostname = host.toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  if (hostname === domain) return { isPreviewDomain: true, previewKey: null };
  if (!hostname.endsWith(`.${domain}`)) return { isPreviewDomain: false };
  const label = hostname.slice(0, -(domain.length + 1));
  return { isPreviewDomain: true, previewKey: label.includes(".") ? null : previewKeyFromLabel(label) };
}
