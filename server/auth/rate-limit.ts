// Fixed-window rate limiting stored in the database, so every app instance
// (serverless functions included) shares the same counters.
import type { Db } from "../db";
import { AppError } from "../errors";

export type RateLimitRule = { limit: number; windowSeconds: number };

export const rateLimitRules = {
  signIn: { limit: 10, windowSeconds: 15 * 60 },
  signInPerIp: { limit: 100, windowSeconds: 15 * 60 },
  signUpPerIp: { limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { isAllowed: boolean; remaining: number; retryAfterSeconds: number };

export async function consumeRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000);
  // One atomic statement: a new window resets the count, the same window increments it.
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  const count = rows[0]?.count ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000);
  return { isAllowed: count <= rule.limit, remaining: Math.max(0, rule.limit - count), retryAfterSeconds };
}

export async function assertRateLimit(db: Db, key: string, rule: RateLimitRule): Promise<void> {
  const result = await consumeRateLimit(db, key, rule);
  if (!result.isAllowed) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `Too many attempts. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds: result.retryAfterSeconds },
    );
  }
}
