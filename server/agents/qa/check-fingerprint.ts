// What a stored acceptance-check result is valid for: one check, exactly as the plan defines it,
// against one app, exactly as its files are. A QA step cut off by a crash reuses a passed check
// only under the same fingerprint (server/pipeline/qa-check-memo.ts), so a changed check, a
// repaired file or another version never inherits a pass it did not earn.
import { createHash } from "node:crypto";
import type { TAcceptanceCheck } from "~/server/plan/plan-schema";

const sha256 = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");

/**
 * JSON with object keys sorted: the plan comes back from a jsonb column, which orders keys its
 * own way, so the same check must not hash differently after a round trip through the database.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The app under test: every file's path and content hash, in path order. */
export function fingerprintApp(files: ReadonlyArray<{ path: string; content: string | Uint8Array }>): string {
  const lines = files.map((file) => `${file.path}\0${sha256(file.content)}`).sort();
  return sha256(lines.join("\n"));
}

/** One check against one app (`appFingerprint` from fingerprintApp). */
export function fingerprintCheck(check: TAcceptanceCheck, appFingerprint: string): string {
  return sha256(`${canonicalJson(check)}\n${appFingerprint}`);
}
