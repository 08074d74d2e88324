import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, signatureHeader } from "./sign-request";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined, like JSON.parse would see the body", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: null }], c: "é" } })).toBe(
      '{"a":{"c":"é","d":[3,{"x":null,"z":1}]},"b":1}',
    );
  });
});

describe("signatureHeader", () => {
  it("is HMAC-SHA256 over the canonical body then the timestamp, keyed without the signkey prefix", () => {
    const now = new Date(1_800_000_000_000);
    const header = signatureHeader({ b: 2, a: 1 }, "signkey-prod-abc123", now);
    const expected = createHmac("sha256", "abc123").update('{"a":1,"b":2}').update("1800000000").digest("hex");
    expect(header).toBe(`t=1800000000&s=${expected}`);
  });
});
