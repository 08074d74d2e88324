// Signs executor → serve-handler requests the way Inngest does, so a handler that is not in dev
// mode (it has a signing key) accepts them: `X-Inngest-Signature: t=<unix s>&s=<hex>`, where
// s = HMAC-SHA256(key without its "signkey-<env>-" prefix, canonical JSON of the body + t).
import { createHmac } from "node:crypto";

/** JSON with object keys sorted recursively (RFC 8785 for the values JSON.parse produces). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

export function signatureHeader(body: unknown, signingKey: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  const signature = createHmac("sha256", key).update(canonicalJson(body)).update(timestamp).digest("hex");
  return `t=${timestamp}&s=${signature}`;
}
