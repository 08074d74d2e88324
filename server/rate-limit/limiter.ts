// Rate limits kept in the shared database through rate-limiter-flexible's Prisma store, so every
// instance of the app (serverless functions included) counts the same requests: limits held in
// one process's memory are useless when each request may land on a different instance.
// Sign-in and sign-up use it today; the API gateway reuses it (one rule per route family).
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db";
import { AppError } from "../errors";

export type LimitRule = {
  /** Namespace of the rule's keys; unique per rule. */
  name: string;
  /** How many points a key may consume per window. */
  points: number;
  durationSeconds: number;
  /** Once over the limit, the key stays refused this long (default: the rest of the window). */
  blockSeconds?: number;
};

export type LimitState = { consumed: number; remaining: number; isOverLimit: boolean; retryAfterSeconds: number };

export type Limiter = {
  readonly rule: LimitRule;
  /** Counts `points` against the key and says whether it is still within the limit. */
  consume(key: string, points?: number): Promise<LimitState>;
  /** The key's state without counting anything. */
  peek(key: string): Promise<LimitState>;
  /** Gives points back (e.g. an attempt that turned out fine). */
  refund(key: string, points?: number): Promise<void>;
  /** Forgets the key (e.g. a pair's failures after a correct password). */
  reset(key: string): Promise<void>;
};

// One store object per database and rule: each schedules its own clean-up of expired rows.
const storesByDb = new WeakMap<Db, Map<string, RateLimiterPrisma>>();

function storeFor(db: Db, rule: LimitRule): RateLimiterPrisma {
  let stores = storesByDb.get(db);
  if (!stores) storesByDb.set(db, (stores = new Map()));
  let store = stores.get(rule.name);
  if (!store) {
    store = new RateLimiterPrisma({
      storeClient: db,
      // The Prisma client's delegate for model RateLimiterFlexible (prisma/schema.prisma).
      tableName: "rateLimiterFlexible",
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
      blockDuration: rule.blockSeconds ?? 0,
    });
    stores.set(rule.name, store);
  }
  return store;
}

/** Keys often hold emails and addresses: the table stores only a hash of them. */
function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

function toState(rule: LimitRule, result: RateLimiterRes | null): LimitState {
  if (!result) return { consumed: 0, remaining: rule.points, isOverLimit: false, retryAfterSeconds: 0 };
  const isOverLimit = result.consumedPoints > rule.points;
  return {
    consumed: result.consumedPoints,
    remaining: Math.max(0, rule.points - result.consumedPoints),
    isOverLimit,
    retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  };
}

export function createLimiter(db: Db, rule: LimitRule): Limiter {
  const store = storeFor(db, rule);
  return {
    rule,
    async consume(key, points = 1) {
      try {
        return toState(rule, await store.consume(storedKey(key), points));
      } catch (rejection) {
        // rate-limiter-flexible rejects with the key's state when it is over the limit, and with
        // an Error when the store failed: only the first is an answer.
        if (rejection instanceof RateLimiterRes) return toState(rule, rejection);
        throw rejection;
      }
    },
    async peek(key) {
      return toState(rule, await store.get(storedKey(key)));
    },
    async refund(key, points = 1) {
      await store.reward(storedKey(key), points);
    },
    async reset(key) {
      await store.delete(storedKey(key));
    },
  };
}

export function tooManyRequests(retryAfterSeconds: number, what = "attempts"): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} second(s)` : `${minutes} minute(s)`;
  return new AppError("TOO_MANY_REQUESTS", `Too many ${what}. Try again in ${wait}.`, { retryAfterSeconds });
}

/** Consumes one point and throws a typed 429 (with its retry-after) when the key is over the limit. */
export async function assertWithinLimit(limiter: Limiter, key: string, what?: string): Promise<void> {
  const state = await limiter.consume(key);
  if (state.isOverLimit) throw tooManyRequests(state.retryAfterSeconds, what);
}
