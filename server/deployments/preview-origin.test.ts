import { describe, expect, it } from "vitest";
import { matchPreviewHost, previewKeyFromLabel, previewLabel, previewUrl, resolvePreviewOrigins } from "./preview-origin";

describe("preview origins", () => {
  const key = "AbC-_0123456789xyzXYZ+-_".replace("+", "q"); // 24 base64url characters, mixed case

  it("gives each project a subdomain of preview.localhost when the platform is on loopback", () => {
    const origins = resolvePreviewOrigins({ platformUrl: "http://localhost:3000/x" });
    expect(origins).toEqual({ platform: "http://localhost:3000", template: "http://*.preview.localhost:3000", isIsolated: true });
    const url = previewUrl(origins, key);
    expect(url).toBe(`http://${previewLabel(key)}.preview.localhost:3000/`);
    expect(previewUrl(origins, key, 3)).toBe(`${url}v3/`);
    expect(resolvePreviewOrigins({ platformUrl: "http://127.0.0.1:3100" }).template).toBe("http://*.preview.localhost:3100");
  });

  it("labels are lowercase hex that round-trip to the (case-sensitive) key", () => {
    const label = previewLabel(key);
    expect(label).toMatch(/^[0-9a-f]{36}$/);
    expect(previewKeyFromLabel(label)).toBe(key);
    expect(previewKeyFromLabel("not-hex")).toBeNull();
  });

  it("uses a PREVIEW_ORIGIN template, and without one on a public host says previews are not isolated", () => {
    const origins = resolvePreviewOrigins({ platformUrl: "https://epic.example.com", previewOrigin: "https://*.preview.example.net/" });
    expect(origins).toEqual({ platform: "https://epic.example.com", template: "https://*.preview.example.net", isIsolated: true });
    expect(previewUrl(origins, key)).toBe(`https://${previewLabel(key)}.preview.example.net/`);
    const fallback = resolvePreviewOrigins({ platformUrl: "https://epic.example.com" });
    expect(fallback.isIsolated).toBe(false);
    expect(previewUrl(fallback, key, 2)).toBe(`https://epic.example.com/preview/${key}/v2/`);
  });

  it("classifies hosts: the preview domain and anything under it (any port) is the previews'", () => {
    const origins = resolvePreviewOrigins({ platformUrl: "http://localhost:3000" });
    expect(matchPreviewHost(origins, `${previewLabel(key)}.preview.localhost:3000`)).toEqual({ isPreviewDomain: true, previewKey: key });
    expect(matchPreviewHost(origins, `${previewLabel(key).toUpperCase()}.PREVIEW.localhost:3000`)).toEqual({ isPreviewDomain: true, previewKey: key });
    expect(matchPreviewHost(origins, "preview.localhost:3000")).toEqual({ isPreviewDomain: true, previewKey: null });
    expect(matchPreviewHost(origins, "a.b.preview.localhost:9")).toEqual({ isPreviewDomain: true, previewKey: null });
    expect(matchPreviewHost(origins, "localhost:3000")).toEqual({ isPreviewDomain: false });
    expect(matchPreviewHost(origins, "evilpreview.localhost:3000")).toEqual({ isPreviewDomain: false });
    expect(matchPreviewHost(origins, null)).toEqual({ isPreviewDomain: false });
  });
});
