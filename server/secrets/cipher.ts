// AES-256-GCM for secrets at rest. Each value is stored as `keyId:iv:tag:ciphertext` (base64url
// parts): the key id says which key of the ring decrypts it, the IV is fresh for every encryption
// (12 random bytes), and the 16-byte tag authenticates the ciphertext together with the
// associated data — the id of the row that holds it, so a ciphertext copied onto another row
// does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./key-ring";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A decryption that failed: wrong or missing key, tampered text, or another row's secret. Carries no secret. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

export function encryptSecret(ring: KeyRing, plaintext: string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, ring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [ring.current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

/** The id of the key a stored value was encrypted with (no decryption). */
export function keyIdOf(stored: string): string {
  return stored.split(":", 1)[0] ?? "";
}

export function decryptSecret(ring: KeyRing, stored: string, associatedData: string): string {
  const parts = stored.split(":");
  if (parts.length !== 4) throw new SecretDecryptionError("A stored secret is malformed (expected keyId:iv:tag:ciphertext)");
  const [keyId, iv, tag, ciphertext] = parts as [string, string, string, string];
  const key = ring.byId.get(keyId);
  if (!key) {
    throw new SecretDecryptionError(
      `A stored secret was encrypted with key ${keyId}, which is not in the key ring: add that key to ENCRYPTION_KEYS_PREVIOUS (or restore ENCRYPTION_KEY)`,
    );
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(`A stored secret did not decrypt with key ${keyId}: it was altered or belongs to another record`);
  }
}

/** Shows enough of a secret to recognise it, never enough to use it: "ghp_…abcd". */
export function maskSecret(secret: string): string {
  const value = secret.trim();
  if (value.length < 12) return "…";
  const prefix = value.match(/^[A-Za-z]{2,10}_/)?.[0] ?? "";
  return `${prefix}…${value.slice(-4)}`;
}
