// What went wrong with a model provider, in words a user can act on, and a per-request timeout
// for the providers' HTTP calls (the AI SDK has none per attempt: its `timeout` spans every retry,
// and an aborted call is never retried).
import { APICallError, RetryError } from "ai";

export type ProviderFailure = {
  /** e.g. "rate limited (HTTP 429: Rate limit reached)". */
  problem: string;
  httpAttempts: number;
  statusCode?: number;
  isRetryable: boolean;
};

const TIMEOUT_MARK = "epic.callTimeoutMs";
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/** The AI SDK's transport errors (APICallError, or RetryError after its retries); undefined for anything else. */
export function describeProviderFailure(error: unknown): ProviderFailure | undefined {
  const attempts = RetryError.isInstance(error) ? error.errors : [error];
  const last = attempts.at(-1);
  if (!APICallError.isInstance(last)) return undefined;
  const detail = last.message.replace(/\s+/g, " ").trim().slice(0, 200);
  const status = last.statusCode;
  const timeoutMs = (last.data as Record<string, unknown> | undefined)?.[TIMEOUT_MARK];
  const isUnreadable = last.message === "Invalid JSON response";
  const problem =
    typeof timeoutMs === "number"
      ? `no response within ${timeoutMs / 1000} s (LLM_TIMEOUT_SECONDS)`
      : isUnreadable
        ? `an unreadable reply (HTTP ${status}, not the API's JSON)`
        : status === 429
          ? `rate limited (HTTP 429: ${detail})`
          : status !== undefined && status >= 500
            ? `server error (HTTP ${status}: ${detail})`
            : status !== undefined
              ? `HTTP ${status}: ${detail}`
              : detail;
  // An unreadable 200 is most likely a cut-off reply or a proxy's page: worth another try later.
  return { problem, httpAttempts: attempts.length, statusCode: status, isRetryable: last.isRetryable || isUnreadable };
}

/**
 * `fetch` with a limit on each HTTP request, body included. A request that runs out of time fails
 * as a retryable APICallError, so the SDK retries it with back-off like a 5xx; the caller's own
 * abort (a cancelled run) still aborts at once.
 */
export function withCallTimeout(fetchImpl: typeof globalThis.fetch | undefined, timeoutMs: number): typeof globalThis.fetch {
  const base = fetchImpl ?? globalThis.fetch;
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await base(input, { ...init, signal });
      // Read the body under the same limit: a server can stall after sending its headers.
      const body = nullBodyStatuses.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (!timeout.aborted || init?.signal?.aborted) throw error;
      throw new APICallError({
        message: `No response within ${timeoutMs / 1000} s`,
        url: typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
        requestBodyValues: undefined,
        cause: error,
        isRetryable: true,
        data: { [TIMEOUT_MARK]: timeoutMs },
      });
    }
  };
}
