import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The embedded setup's encryption keys, in DATA_DIR/encryption-keys (mode 600): the current key
 * on the first line, older keys on the lines after it. Generated on first use and reused, so
 * secrets stay readable across restarts (like the session secret in scripts/lib/auth-secret.ts).
 */
export function localKeyFile(dataDir: string): string {
  return path.join(dataDir, "encryption-keys");
}

export function readLocalKeys(dataDir: string): { current: string; previous: string[] } | null {
  const file = localKeyFile(dataDir);
  if (!existsSync(file)) return null;
  const [current, ...previous] = readFileSync(file, "utf8").split("\n").map((line) => line.trim()).filter(Boolean);
  return current ? { current, previous } : null;
}

export function ensureLocalKeys(dataDir: string): { current: string; previous: string[] } {
  const existing = readLocalKeys(dataDir);
  if (existing) return existing;
  return writeLocalKeys(dataDir, { current: randomBytes(32).toString("hex"), previous: [] });
}

/** Makes a new current key and keeps the old ones for decryption (`npm run secrets:rotate -- --new-key`). */
export function addLocalKey(dataDir: string): { current: string; previous: string[] } {
  const existing = ensureLocalKeys(dataDir);
  return writeLocalKeys(dataDir, { current: randomBytes(32).toString("hex"), previous: [existing.current, ...existing.previous] });
}

/** Keeps only the current key, once nothing is encrypted under the others. */
export function pruneLocalKeys(dataDir: string): void {
  const existing = readLocalKeys(dataDir);
  if (existing) writeLocalKeys(dataDir, { current: existing.current, previous: [] });
}

function writeLocalKeys(dataDir: string, keys: { current: string; previous: string[] }) {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(localKeyFile(dataDir), `${[keys.current, ...keys.previous].join("\n")}\n`, { mode: 0o600 });
  return keys;
}
