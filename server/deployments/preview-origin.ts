// Where previews of generated apps are served. Generated code is untrusted, so it must run on an
// origin other than the platform's: there it cannot send the user's session cookie to the
// platform's API, and the dashboard can give its sandboxed iframe same-origin storage safely.
export type PreviewOrigins = { platform: string; preview: string; isIsolated: boolean };

/** localhost and 127.0.0.1 are different origins with separate cookie jars: a zero-setup isolation. */
function swapLoopbackHost(url: URL): URL | null {
  const swapped = new URL(url);
  if (url.hostname === "localhost") swapped.hostname = "127.0.0.1";
  else if (url.hostname === "127.0.0.1") swapped.hostname = "localhost";
  else return null;
  return swapped;
}

export function resolvePreviewOrigins(input: { platformUrl: string; previewOrigin?: string }): PreviewOrigins {
  const platform = new URL(input.platformUrl).origin;
  if (input.previewOrigin) {
    const preview = new URL(input.previewOrigin).origin;
    return { platform, preview, isIsolated: preview !== platform };
  }
  const swapped = swapLoopbackHost(new URL(platform));
  return swapped ? { platform, preview: swapped.origin, isIsolated: true } : { platform, preview: platform, isIsolated: false };
}
