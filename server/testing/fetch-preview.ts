// Fetches a preview URL the way proxy.ts routes it on the preview domain: the project's key from
// its own host, the original path in a header. For pipeline tests that check a deployed app.
import type { Db } from "../db";
import { getPreviewOrigins } from "../deployments/preview-config";
import { matchPreviewHost } from "../deployments/preview-origin";
import { PREVIEW_PATH_HEADER, servePreview } from "../deployments/serve-preview";

export function fetchPreview(db: Db, url: string) {
  const origins = getPreviewOrigins();
  const host = matchPreviewHost(origins, new URL(url).host);
  const headers = { host: new URL(url).host, [PREVIEW_PATH_HEADER]: new URL(url).pathname };
  return servePreview(db, new Request(url, { headers }), host.isPreviewDomain ? (host.previewKey ?? "") : "", origins);
}
