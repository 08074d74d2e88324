// Time-sortable ids (the ULID layout: 48 bits of milliseconds, 80 random bits, Crockford
// base32), so runs and events sort by creation without a separate sequence.
import { createHash, randomBytes } from "node:crypto";

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encode(timeMs: number, bytes: Uint8Array): string {
  let time = "";
  let remaining = Math.max(0, Math.floor(timeMs));
  for (let i = 0; i < 10; i++) {
    time = alphabet[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  let random = "";
  for (let i = 0; i < 16; i++) random += alphabet[(bytes[i] ?? 0) % 32];
  return time + random;
}

export function createId(now: number = Date.now()): string {
  return encode(now, randomBytes(16));
}

/**
 * The same id for the same (seed, index): the SDK sends a seed with every `inngest.send` and
 * reuses it when it retries, so a retried send is deduplicated instead of ingested twice.
 */
export function createIdFromSeed(timeMs: number, seed: string, index: number): string {
  return encode(timeMs, createHash("sha256").update(`${seed}:${index}`).digest());
}
