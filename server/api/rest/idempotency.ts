// Idempotency-Key for the REST calls that start runs (new project, follow-up): a client that
// retries after a timeout must not start a second run. The first request with a key claims it (a
// row unique per caller, operation and key, inserted before the work starts); when the work
// succeeds its answer is stored, and a repeat with the same body gets that answer again. A repeat
// with another body is a client bug (422); one that arrives while the first is still being handled
// gets 409. A failed request frees its key, so a retry does the work again. Keys live 24 hours.
import { createHash } from "node:crypto";
import type { Db } from "../../db";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type StoredAnswer = { status: number; body: unknown };
export type IdempotentOutcome = StoredAnswer & { isReplay: boolean };

export class IdempotencyError extends Error {
  constructor(
    readonly status: 409 | 422,
    readonly code: "CONFLICT" | "UNPROCESSABLE_CONTENT",
    message: string,
  ) {
    super(message);
    this.name = "IdempotencyError";
  }
}

/** A key is 1–200 visible ASCII characters (a UUID is the usual choice). */
export function parseIdempotencyKey(value: string | null): string | null {
  if (value === null) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key: expected 1–200 visible ASCII characters (e.g. a UUID)");
  }
  return value;
}

/** JSON with object keys sorted, so the same body hashes the same however its keys were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(input: unknown): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function withIdempotencyKey(
  db: Db,
  claim: { userId: string; operation: string; key: string; input: unknown },
  work: () => Promise<StoredAnswer>,
): Promise<IdempotentOutcome> {
  const where = { userId_operation_key: { userId: claim.userId, operation: claim.operation, key: claim.key } };
  const hash = requestHash(claim.input);
  for (let attempt = 0; ; attempt++) {
    try {
      await db.apiIdempotencyKey.create({
        data: { userId: claim.userId, operation: claim.operation, key: claim.key, requestHash: hash, expiresAt: new Date(Date.now() + KEY_LIFETIME_MS) },
      });
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 0) throw error;
      const existing = await db.apiIdempotencyKey.findUnique({ where });
      if (!existing) continue; // freed in between: claim it now
      if (existing.expiresAt <= new Date()) {
        await db.apiIdempotencyKey.deleteMany({ where: { id: existing.id, expiresAt: { lte: new Date() } } });
        continue;
      }
      if (existing.requestHash !== hash) {
        throw new IdempotencyError(422, "UNPROCESSABLE_CONTENT", "Idempotency-Key: this key was already used with a different request body");
      }
      if (existing.responseStatus === null) {
        throw new IdempotencyError(409, "CONFLICT", "Idempotency-Key: a request with this key is still being handled; retry shortly");
      }
      return { status: existing.responseStatus, body: existing.responseBody, isReplay: true };
    }
  }

  let answer: StoredAnswer;
  try {
    answer = await work();
  } catch (error) {
    await db.apiIdempotencyKey.deleteMany({ where: { ...where.userId_operation_key, responseStatus: null } }).catch(() => {});
    throw error;
  }
  // The body goes through JSON first: what is stored is exactly what was sent (dates as strings).
  const stored = JSON.parse(JSON.stringify(answer.body)) as Prisma.InputJsonValue;
  await db.apiIdempotencyKey.update({ where, data: { responseStatus: answer.status, responseBody: stored } });
  // Expired keys of anyone are swept now and then, on the way out of a successful call.
  if (Math.random() < 0.01) await db.apiIdempotencyKey.deleteMany({ where: { expiresAt: { lt: new Date() } } }).catch(() => {});
  return { ...answer, isReplay: false };
}
