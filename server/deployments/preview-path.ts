import { decodeUrlComponent } from "../validation/clean-text";

export type PreviewTarget = { versionNumber: number | null; filePath: string };

export type PreviewPathResult = { ok: true; target: PreviewTarget } | { ok: false; status: 400 | 404; message: string };

/**
 * Parses a preview request's path on the project's own origin: `/[v<N>/]<file path>`, raw (still
 * percent-encoded), so a NUL or invalid UTF-8 is a clear 400 rather than a failure further in.
 */
export function parsePreviewPath(rawPathname: string): PreviewPathResult {
  const segments: string[] = [];
  for (const raw of rawPathname.split("/").filter(Boolean)) {
    const segment = decodeUrlComponent(raw);
    if (segment === null) return { ok: false, status: 400, message: "The preview path is not valid UTF-8 or contains a NUL character" };
    if (segment === "." || segment === ".." || segment.includes("/") || segment.includes("\\")) {
      return { ok: false, status: 404, message: "Preview not found" };
    }
    segments.push(segment);
  }
  const versionMatch = segments[0]?.match(/^v(\d{1,6})$/);
  const fileSegments = versionMatch ? segments.slice(1) : segments;
  const filePath = fileSegments.join("/") || "index.html";
  return { ok: true, target: { versionNumber: versionMatch ? Number(versionMatch[1]) : null, filePath } };
}
