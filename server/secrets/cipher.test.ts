import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, keyIdOf, maskSecret, SecretDecryptionError } from "./cipher";
import { createKeyRing, isEncryptionKeyText } from "./key-ring";

const keyA = randomBytes(32).toString("hex");
const keyB = randomBytes(32).toString("base64");

describe("secrets at rest", () => {
  it("round-trips under the current key, with a fresh IV each time and the key id in front", () => {
    const ring = createKeyRing(keyA);
    const first = encryptSecret(ring, "ghp_secret-value", "row-1");
    const second = encryptSecret(ring, "ghp_secret-value", "row-1");
    expect(first).not.toBe(second);
    expect(first.split(":")).toHaveLength(4);
    expect(keyIdOf(first)).toBe(ring.current.id);
    expect(first).not.toContain("secret-value");
    expect(decryptSecret(ring, first, "row-1")).toBe("ghp_secret-value");
  });

  it("refuses another row's ciphertext (the row id is the associated data) and tampered text", () => {
    const ring = createKeyRing(keyA);
    const stored = encryptSecret(ring, "value", "row-1");
    expect(() => decryptSecret(ring, stored, "row-2")).toThrow(SecretDecryptionError);
    const [id, iv, tag, body] = stored.split(":") as [string, string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret(ring, [id, iv, tag, flipped.toString("base64url")].join(":"), "row-1")).toThrow(SecretDecryptionError);
  });

  it("decrypts with a previous key after rotation and names a missing key without leaking anything", () => {
    const old = createKeyRing(keyA);
    const stored = encryptSecret(old, "value", "row-1");
    const rotated = createKeyRing(keyB, [keyA]);
    expect(rotated.current.id).not.toBe(old.current.id);
    expect(decryptSecret(rotated, stored, "row-1")).toBe("value");
    const withoutOld = createKeyRing(keyB);
    expect(() => decryptSecret(withoutOld, stored, "row-1")).toThrow(/not in the key ring/);
  });

  it("accepts 256-bit keys as hex or base64 only", () => {
    expect(isEncryptionKeyText(keyA)).toBe(true);
    expect(isEncryptionKeyText(keyB)).toBe(true);
    expect(isEncryptionKeyText("short")).toBe(false);
    expect(isEncryptionKeyText(randomBytes(16).toString("hex"))).toBe(false);
  });

  it("masks secrets to a prefix and the last four characters", () => {
    expect(maskSecret("ghp_abcdefghijklmnop1234")).toBe("ghp_…1234");
    expect(maskSecret("AKIAIOSFODNN7EXAMPLE")).toBe("…MPLE");
    expect(maskSecret("short")).toBe("…");
  });
});
