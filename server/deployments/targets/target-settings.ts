// What the external deploys set up on each provider, as data: the adapters apply it, and the Infra
// agent writes it into the configs a project's targets read (vercel.json, wrangler.jsonc,
// deploy/s3.md), so the files in the repository say what the deploy does. Imports nothing.

/** Workers runtime date the deployed worker (and wrangler.jsonc) pins. */
export const CLOUDFLARE_COMPATIBILITY_DATE = "2025-06-01";

/** The Workers static assets config of every deploy: an unknown path serves the app's index.html. */
export const cloudflareAssetsConfig = { html_handling: "auto-trailing-slash", not_found_handling: "single-page-application" } as const;

/** The S3 bucket's website configuration for a site under `prefix/` (the error document is the app, so deep links load it). */
export function s3WebsiteConfiguration(prefix: string) {
  return { IndexDocument: { Suffix: "index.html" }, ErrorDocument: { Key: `${prefix}/index.html` } };
}

export const cacheControls = {
  html: "no-cache",
  hashedAsset: "public, max-age=31536000, immutable",
  other: "public, max-age=300, must-revalidate",
} as const;

// Build tools name long-lived assets by their content (app.3f9a1c2e.js, chunk-BX12abCd.css): those
// never change under their name, so caches may keep them for a year. Everything else (HTML above
// all) must be revalidated, or a deploy would not show until caches expire.
export const HASHED_ASSET_NAME = /[.-][A-Za-z0-9_]{8,}\.(?:js|mjs|css|woff2?|png|jpe?g|gif|svg|webp|avif|ico)$/;

export function cacheControlFor(path: string): string {
  if (/\.html?$/i.test(path)) return cacheControls.html;
  if (HASHED_ASSET_NAME.test(path) && /\d/.test(path.split("/").pop()!)) return cacheControls.hashedAsset;
  return cacheControls.other;
}
