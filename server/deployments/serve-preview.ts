// Serves a generated app's files to browsers. Generated code is untrusted: responses carry a
// strict Content-Security-Policy, may only be framed by the platform, and are served only on
// the preview origin (requests to the platform origin are redirected there).
import type { Db } from "../db";
import { PREVIEW_CONTENT_SECURITY_POLICY } from "~/server/plan/target-stack";
import type { PreviewOrigins } from "./preview-origin";
import { parsePreviewPath } from "./preview-url";
import { contentTypeFor } from "./content-type";


function notFoundResponse(message: string) {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function servePreview(db: Db, request: Request, segments: string[], origins: PreviewOrigins): Promise<Response> {
  const url = new URL(request.url);
  const host = request.headers.get("host");
  if (origins.isIsolated && host && host !== new URL(origins.preview).host) {
    return Response.redirect(`${origins.preview}${url.pathname}${url.search}`, 307);
  }

  const target = parsePreviewPath(segments);
  if (!target) return notFoundResponse("Preview not found");
  // A directory URL without its trailing slash would resolve ./src/app.js against the wrong folder.
  if (target.filePath === "index.html" && !url.pathname.endsWith("/")) {
    return new Response(null, { status: 308, headers: { Location: `${url.pathname}/` } });
  }

  const project = await db.project.findUnique({ where: { previewKey: target.previewKey }, select: { id: true, liveVersionId: true } });
  if (!project) return notFoundResponse("Preview not found");
  const version =
    target.versionNumber === null
      ? project.liveVersionId
        ? { id: project.liveVersionId }
        : null
      : await db.projectVersion.findUnique({ where: { projectId_number: { projectId: project.id, number: target.versionNumber } }, select: { id: true } });
  if (!version) return notFoundResponse("This version is not deployed");

  const file = await db.versionFile.findUnique({
    where: { versionId_path: { versionId: version.id, path: target.filePath } },
    select: { blobSha: true, blob: { select: { content: true } } },
  });
  if (!file) return notFoundResponse(`No file ${target.filePath} in this version`);

  const etag = `"${file.blobSha}"`;
  const headers = new Headers({
    "Content-Type": contentTypeFor(target.filePath),
    "Content-Security-Policy": `${PREVIEW_CONTENT_SECURITY_POLICY}; frame-ancestors ${origins.platform} ${origins.preview}`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Live URLs change on deploy and rollback; version URLs never change.
    "Cache-Control": target.versionNumber === null ? "no-cache" : "public, max-age=31536000, immutable",
    ETag: etag,
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.blob.content), { status: 200, headers });
}
