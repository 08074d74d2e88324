import { describe, expect, it } from "vitest";
import { errorMessageOf, toJsonPreview } from "./to-json-preview";

describe("toJsonPreview", () => {
  it("pretty-prints small values whole", () => {
    expect(toJsonPreview({ a: 1 })).toEqual({ text: '{\n  "a": 1\n}', isTruncated: false, totalChars: 12 });
    expect(toJsonPreview(null)).toBeNull();
    expect(toJsonPreview(undefined)).toBeNull();
  });

  it("cuts large values at the limit and reports the full size", () => {
    const preview = toJsonPreview({ blob: "x".repeat(50_000) });
    expect(preview?.isTruncated).toBe(true);
    expect(preview?.text).toHaveLength(10_000);
    expect(preview?.totalChars).toBeGreaterThan(50_000);
  });
});

describe("errorMessageOf", () => {
  it("reads the message of serialized errors and shortens long ones", () => {
    expect(errorMessageOf({ name: "Error", message: "boom" })).toBe("boom");
    expect(errorMessageOf(null)).toBeNull();
    expect(errorMessageOf({ name: "Error", message: "y".repeat(600) })).toHaveLength(501);
  });
});
