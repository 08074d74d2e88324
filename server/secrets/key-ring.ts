// The encryption key ring for secrets at rest: one current key that encrypts, and older keys kept
// only to decrypt what they encrypted until `npm run secrets:rotate` has re-encrypted it. A key's
// id is derived from the key itself, so operators never name keys and an id cannot point at the
// wrong one.
import { createHash } from "node:crypto";

export type EncryptionKey = { id: string; key: Buffer };
export type KeyRing = { current: EncryptionKey; byId: ReadonlyMap<string, EncryptionKey> };

const HEX_KEY = /^[0-9a-f]{64}$/i;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** Whether a string is a 256-bit key as 64 hex digits or base64 (`openssl rand -hex 32` / `-base64 32`). */
export function isEncryptionKeyText(text: string): boolean {
  const value = text.trim();
  return HEX_KEY.test(value) || (BASE64_KEY.test(value) && Buffer.from(value, "base64").length === 32);
}

export function parseEncryptionKey(text: string): EncryptionKey {
  const value = text.trim();
  if (!isEncryptionKeyText(value)) throw new Error("expected a 256-bit key: 64 hex digits or 44 base64 characters");
  const key = HEX_KEY.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  // Not a secret: 8 hex digits of a hash of the key, enough to tell a handful of keys apart.
  const id = createHash("sha256").update("epic-encryption-key-id\0").update(key).digest("hex").slice(0, 8);
  return { id, key };
}

/** The current key first; previous keys after it (duplicates of the current one are ignored). */
export function createKeyRing(current: string, previous: readonly string[] = []): KeyRing {
  const currentKey = parseEncryptionKey(current);
  const byId = new Map<string, EncryptionKey>([[currentKey.id, currentKey]]);
  for (const text of previous) {
    const key = parseEncryptionKey(text);
    if (!byId.has(key.id)) byId.set(key.id, key);
  }
  return { current: currentKey, byId };
}

/** `ENCRYPTION_KEYS_PREVIOUS`: comma- or whitespace-separated keys. */
export function splitKeyList(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,]+/).filter(Boolean);
}
