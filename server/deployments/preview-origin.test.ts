import { describe, expect, it } from "vitest";
import { resolvePreviewOrigins } from "./preview-origin";

describe("preview origins", () => {
  it("isolates local previews by swapping localhost and 127.0.0.1", () => {
    expect(resolvePreviewOrigins({ platformUrl: "http://localhost:3000/x" })).toEqual({
      platform: "http://localhost:3000",
      preview: "http://127.0.0.1:3000",
      isIsolated: true,
    });
    expect(resolvePreviewOrigins({ platformUrl: "http://127.0.0.1:3100" }).preview).toBe("http://localhost:3100");
  });

  it("uses PREVIEW_ORIGIN when given, and says when there is no isolation", () => {
    expect(resolvePreviewOrigins({ platformUrl: "https://epic.example.com", previewOrigin: "https://preview.example.net/" })).toEqual({
      platform: "https://epic.example.com",
      preview: "https://preview.example.net",
      isIsolated: true,
    });
    expect(resolvePreviewOrigins({ platformUrl: "https://epic.example.com" }).isIsolated).toBe(false);
  });
});
