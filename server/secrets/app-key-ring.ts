// The process's key ring, from ENCRYPTION_KEY (+ ENCRYPTION_KEYS_PREVIOUS), or outside production
// from the data dir's generated keys (scripts/start.ts passes those as ENCRYPTION_KEY for the
// embedded default). Built on first use, so a deployment that never stores a secret needs no key.
import { env } from "../env";
import { createKeyRing, splitKeyList, type KeyRing } from "./key-ring";
import { ensureLocalKeys } from "./local-key";

const globalForKeys = globalThis as unknown as { __epicKeyRing?: KeyRing };

export class MissingEncryptionKeyError extends Error {
  constructor() {
    super("ENCRYPTION_KEY is not set: secrets cannot be stored or read. Set it to a random 256-bit key (`openssl rand -hex 32`).");
    this.name = "MissingEncryptionKeyError";
  }
}

export function getKeyRing(): KeyRing {
  if (globalForKeys.__epicKeyRing) return globalForKeys.__epicKeyRing;
  const previous = splitKeyList(env.ENCRYPTION_KEYS_PREVIOUS);
  let ring: KeyRing;
  if (env.ENCRYPTION_KEY) ring = createKeyRing(env.ENCRYPTION_KEY, previous);
  else if (env.NODE_ENV === "production") throw new MissingEncryptionKeyError();
  else {
    const local = ensureLocalKeys(env.DATA_DIR);
    ring = createKeyRing(local.current, [...local.previous, ...previous]);
  }
  globalForKeys.__epicKeyRing = ring;
  return ring;
}
