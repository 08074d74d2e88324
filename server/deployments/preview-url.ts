/** The project's stable preview URL (its live version), or one version's own URL. */
export function previewUrl(previewOrigin: string, previewKey: string, versionNumber?: number): string {
  return `${previewOrigin}/preview/${previewKey}/${versionNumber === undefined ? "" : `v${versionNumber}/`}`;
}

export type PreviewTarget = { previewKey: string; versionNumber: number | null; filePath: string };

/** Parses the path segments after /preview/: `<key>/[v<N>/]<file path>`. */
export function parsePreviewPath(segments: string[]): PreviewTarget | null {
  const [previewKey, maybeVersion, ...rest] = segments;
  if (!previewKey || !/^[A-Za-z0-9_-]{16,64}$/.test(previewKey)) return null;
  const versionMatch = maybeVersion?.match(/^v(\d{1,6})$/);
  const fileSegments = versionMatch ? rest : [maybeVersion, ...rest].filter((segment): segment is string => segment !== undefined);
  const filePath = fileSegments.join("/") || "index.html";
  return { previewKey, versionNumber: versionMatch ? Number(versionMatch[1]) : null, filePath };
}
