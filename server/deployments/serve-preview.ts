// Serves a generated app's files to browsers. Generated code is untrusted: each project is served
// on its own origin (`<label>.<preview domain>`, see preview-origin.ts) with a strict
// Content-Security-Policy, may only be framed by the dashboard, and the preview domain serves
// nothing but previews (proxy.ts and the API routes' guard turn everything else away).
import type { Db } from "../db";
import { PREVIEW_CONTENT_SECURITY_POLICY } from "~/server/plan/target-stack";
import { matchPreviewHost, previewOriginFor, type PreviewOrigins } from "./preview-origin";
import { parsePreviewPath } from "./preview-path";
import { contentTypeFor } from "./content-type";
import { apiErrorResponse } from "../http/api-error";

/** Set by proxy.ts on preview-domain requests: the original, still percent-encoded path. */
export const PREVIEW_PATH_HEADER = "x-epic-preview-path";

function textResponse(message: string, status: number) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}

/** The raw path of `url` (percent-encoding intact), without its query. */
function rawPathname(url: string): string {
  return url.match(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i)?.[1] || "/";
}

/** `/_data/…` or `/v<N>/_data/…` on a project's preview origin: its app's shared records (server/app-data/). */
const PREVIEW_DATA_PATH = /^(?:\/v\d{1,6})?\/_data\/([^?#]*)$/;

/** Whether a raw preview path is the app data endpoint (proxy.ts lets writes through only there). */
export const isPreviewDataPath = (path: string): boolean => PREVIEW_DATA_PATH.test(path);

/**
 * The project whose shared records a preview request asks for, and the endpoint's path after
 * `_data/`; null when the request is for a file. Only an isolated preview (the project's own
 * origin) has shared data: a preview served sandboxed on the platform's origin is an opaque
 * origin, and its requests carry no trustworthy scope.
 */
export async function findPreviewDataTarget(db: Db, request: Request, routeKey: string, origins: PreviewOrigins): Promise<{ projectId: string; dataPath: string } | Response | null> {
  const path = origins.isIsolated ? request.headers.get(PREVIEW_PATH_HEADER) : null;
  const match = path === null ? null : PREVIEW_DATA_PATH.exec(path);
  if (!match) return null;
  const host = matchPreviewHost(origins, request.headers.get("host"));
  const notFound = apiErrorResponse(404, { message: "This preview has no shared data" });
  if (!host.isPreviewDomain || !host.previewKey || host.previewKey !== routeKey || !/^[A-Za-z0-9_-]{16,64}$/.test(routeKey)) return notFound;
  const project = await db.project.findUnique({ where: { previewKey: routeKey }, select: { id: true, liveVersionId: true } });
  if (!project?.liveVersionId) return notFound;
  return { projectId: project.id, dataPath: match[1]! };
}

/**
 * `routeKey` is the key in the route's own path (/preview/<key>/…). On the preview domain it
 * must equal the key of the Host's label; on the platform origin (previews not isolated) the
 * file path follows it in the URL.
 */
export async function servePreview(db: Db, request: Request, routeKey: string, origins: PreviewOrigins): Promise<Response> {
  const url = new URL(request.url);
  const host = matchPreviewHost(origins, request.headers.get("host"));
  let previewKey: string;
  let path: string;
  if (origins.isIsolated) {
    if (!host.isPreviewDomain) {
      // An old /preview/<key>/… link on the platform's origin: send it to the project's own origin.
      const rest = rawPathname(request.url).split("/").slice(3).join("/");
      return Response.redirect(`${previewOriginFor(origins, routeKey)}/${rest}${url.search}`, 307);
    }
    const originalPath = request.headers.get(PREVIEW_PATH_HEADER);
    if (!host.previewKey || host.previewKey !== routeKey || originalPath === null) return textResponse("Preview not found", 404);
    previewKey = host.previewKey;
    path = originalPath;
  } else {
    previewKey = routeKey;
    path = `/${rawPathname(request.url).split("/").slice(3).join("/")}`;
  }

  if (!/^[A-Za-z0-9_-]{16,64}$/.test(previewKey)) return textResponse("Preview not found", 404);
  const parsed = parsePreviewPath(path);
  if (!parsed.ok) return textResponse(parsed.message, parsed.status);
  const { target } = parsed;
  // A directory URL without its trailing slash would resolve ./src/app.js against the wrong folder.
  if (target.filePath === "index.html" && !path.endsWith("/")) {
    const location = origins.isIsolated ? `${path}/` : `${url.pathname}/`;
    return new Response(null, { status: 308, headers: { Location: location } });
  }

  const project = await db.project.findUnique({ where: { previewKey }, select: { id: true, liveVersionId: true } });
  if (!project) return textResponse("Preview not found", 404);
  const version =
    target.versionNumber === null
      ? project.liveVersionId
        ? { id: project.liveVersionId }
        : null
      : await db.projectVersion.findUnique({ where: { projectId_number: { projectId: project.id, number: target.versionNumber } }, select: { id: true } });
  if (!version) return textResponse("This version is not deployed", 404);

  const file = await db.versionFile.findUnique({
    where: { versionId_path: { versionId: version.id, path: target.filePath } },
    select: { blobSha: true, blob: { select: { content: true } } },
  });
  if (!file) return textResponse(`No file ${target.filePath} in this version`, 404);

  const etag = `"${file.blobSha}"`;
  const headers = new Headers({
    "Content-Type": contentTypeFor(target.filePath),
    // Isolated: the project's own origin, framable by the dashboard only. Not isolated: the
    // `sandbox` directive makes the page an opaque origin even when opened in its own tab, so it
    // can never act as the platform's origin (it then has no storage either).
    "Content-Security-Policy": `${PREVIEW_CONTENT_SECURITY_POLICY}; frame-ancestors ${origins.platform}${origins.isIsolated ? "" : "; sandbox allow-scripts allow-forms allow-popups"}`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    // Live URLs change on deploy and rollback; version URLs never change.
    "Cache-Control": target.versionNumber === null ? "no-cache" : "public, max-age=31536000, immutable",
    ETag: etag,
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.blob.content), { status: 200, headers });
}
