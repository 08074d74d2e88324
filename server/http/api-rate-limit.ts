// Rate limits of the public API (REST, GraphQL, MCP), kept in the shared database so every
// instance counts the same requests. Each request is counted twice: against its caller (the API
// token, or the browser session) and against its client address, each with a budget per kind:
// reads, writes, and run starts (which cost model tokens, so they get the smallest budget).
// The answer carries RateLimit-Limit/-Remaining/-Reset (and RateLimit-Policy) for the tighter of
// the two, and over a limit a 429 in the API's error shape with Retry-After.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import { getMigratedDatabase } from "../db";
import { env } from "../env";
import { createLimiter, type LimitRule, type LimitState } from "../rate-limit/limiter";
import { apiErrorResponse } from "./api-error";
import { clientAddress } from "./request-address";
import { REQUEST_ID_HEADER } from "./request-id";

export type ApiRequestKind = "read" | "write" | "run";

export type ApiRateLimitBudgets = { windowSeconds: number; reads: number; writes: number; runs: number; ipMultiplier: number };

export function apiRateLimitBudgetsFromEnv(): ApiRateLimitBudgets {
  return {
    windowSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS,
    reads: env.API_RATE_LIMIT_READS,
    writes: env.API_RATE_LIMIT_WRITES,
    runs: env.API_RATE_LIMIT_RUNS,
    ipMultiplier: env.API_RATE_LIMIT_IP_MULTIPLIER,
  };
}

export type ApiRateLimitResult = {
  isAllowed: boolean;
  retryAfterSeconds: number;
  /** RateLimit-* headers (and Retry-After when refused): put them on the answer either way. */
  headers: Record<string, string>;
  /** The 429 to send when refused. */
  response: Response | null;
};

export type LimitApiRequestOptions = {
  kind: ApiRequestKind;
  /** The database to count in (default: the app's). */
  db?: Db;
  /** Who is calling, when the route already knows (e.g. `user:<id>`); default: the bearer token or session cookie. */
  callerKey?: string | null;
  budgets?: ApiRateLimitBudgets;
};

function ruleFor(kind: ApiRequestKind, scope: "caller" | "ip", budgets: ApiRateLimitBudgets): LimitRule {
  const perCaller = kind === "read" ? budgets.reads : kind === "write" ? budgets.writes : budgets.runs;
  const points = scope === "ip" ? perCaller * budgets.ipMultiplier : perCaller;
  // The budget is part of the name: a changed budget starts fresh counters instead of misreading old ones.
  return { name: `api-${kind}-${scope}-${points}-${budgets.windowSeconds}`, points, durationSeconds: budgets.windowSeconds };
}

const hash = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 32);

/**
 * The caller's key without a database lookup: the bearer token's hash (each token its own budget),
 * else the session cookie's. Invalid tokens are counted too; they are refused right after.
 */
export function apiCallerKeyFromHeaders(headers: Headers): string | null {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) return `token:${hash(bearer)}`;
  const session = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => /^(__Secure-)?next-auth\.session-token=/.test(part));
  return session ? `session:${hash(session)}` : null;
}

/** Counts the request against its caller and its address; see the file's comment. */
export async function limitApiRequest(request: Request, options: LimitApiRequestOptions): Promise<ApiRateLimitResult> {
  const budgets = options.budgets ?? apiRateLimitBudgetsFromEnv();
  const db = options.db ?? (await getMigratedDatabase()).prisma;
  const callerKey = options.callerKey === undefined ? apiCallerKeyFromHeaders(request.headers) : options.callerKey;
  const checks: Array<Promise<{ rule: LimitRule; state: LimitState }>> = [];
  const count = async (rule: LimitRule, key: string) => ({ rule, state: await createLimiter(db, rule).consume(key) });
  checks.push(count(ruleFor(options.kind, "ip", budgets), `ip:${clientAddress(request.headers)}`));
  if (callerKey) checks.push(count(ruleFor(options.kind, "caller", budgets), callerKey));
  const results = await Promise.all(checks);

  // The tighter limit is the one a client should pace itself by.
  const refused = results.filter((result) => result.state.isOverLimit);
  const reported = (refused.length > 0 ? refused : results).reduce((tightest, result) =>
    result.state.remaining < tightest.state.remaining ||
    (result.state.remaining === tightest.state.remaining && result.state.retryAfterSeconds > tightest.state.retryAfterSeconds)
      ? result
      : tightest,
  );
  const retryAfterSeconds = Math.max(...refused.map((result) => result.state.retryAfterSeconds), 0);
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(reported.rule.points),
    "RateLimit-Remaining": String(reported.state.remaining),
    "RateLimit-Reset": String(refused.length > 0 ? retryAfterSeconds : reported.state.retryAfterSeconds),
    "RateLimit-Policy": `${reported.rule.points};w=${reported.rule.durationSeconds}`,
  };
  if (refused.length === 0) return { isAllowed: true, retryAfterSeconds: 0, headers, response: null };

  headers["Retry-After"] = String(retryAfterSeconds);
  const what = options.kind === "run" ? "runs started" : options.kind === "write" ? "changes" : "requests";
  const response = apiErrorResponse(
    429,
    {
      code: "TOO_MANY_REQUESTS",
      message: `Too many ${what} (limit ${reported.rule.points} per ${reported.rule.durationSeconds} s). Try again in ${retryAfterSeconds} second(s).`,
      requestId: request.headers.get(REQUEST_ID_HEADER),
    },
    headers,
  );
  return { isAllowed: false, retryAfterSeconds, headers, response };
}
