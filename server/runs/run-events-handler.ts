// The HTTP face of a run's event stream, independent of Next so it can be served and tested anywhere.
import type { Db } from "../db";
import type { ApiTokenGrant } from "../users/api-tokens";
import { ZId } from "../validation/common";
import { findRunForUser } from "./get-run-for-user";
import type { RunEventHub } from "./run-event-hub";
import { createRunEventStream, parseLastEventId } from "./run-event-stream";
import type { StreamSlots } from "./stream-slots";
import { addLogContext } from "../observability/logger";
import { openSseConnection } from "../observability/metrics";

export type RunEventsCaller = { user: { id: string }; apiToken: ApiTokenGrant | null };

export type RunEventsDeps = {
  db: Db;
  hub: RunEventHub;
  resolveCaller: (request: Request) => Promise<RunEventsCaller | null>;
  /** Per-user cap on concurrent streams. */
  slots: StreamSlots;
  /** For token callers: whether the token still works; checked every `recheckTokenMs`. */
  isTokenActive: (tokenId: string) => Promise<boolean>;
  heartbeatMs?: number;
  /** See RunEventStreamOptions.stalledClientMs. */
  stalledClientMs?: number;
  /** See RunEventStreamOptions.onEnqueue. */
  onEnqueue?: (desiredSize: number | null) => void;
  recheckTokenMs?: number;
};

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

export async function handleRunEventsRequest(request: Request, runId: string, deps: RunEventsDeps): Promise<Response> {
  if (!ZId.safeParse(runId).success) return json({ error: "Invalid run id" }, 400);
  const caller = await deps.resolveCaller(request);
  if (!caller) return json({ error: "Sign in or send an API token" }, 401);
  // Someone else's run, a run outside the token's workspace and a missing run get the same answer.
  const run = await findRunForUser(deps.db, runId, caller.user.id, { workspaceId: caller.apiToken?.workspaceId });
  if (!run) return json({ error: "Run not found" }, 404);

  const release = deps.slots.acquire(caller.user.id);
  if (!release) {
    return json({ error: "Too many open event streams for this user. Close another tab or stream first.", retryAfterSeconds: 5 }, 429, {
      "Retry-After": "5",
    });
  }

  const closeConnection = openSseConnection();
  addLogContext({ userId: caller.user.id, runId });

  // A revoked or expired token must not keep a stream it opened: re-check it while streaming.
  // One signal for both ends: the client leaving, or the token being revoked. (Not
  // AbortSignal.any: its composite signal can be collected before it fires.)
  const ended = new AbortController();
  if (request.signal.aborted) ended.abort();
  else request.signal.addEventListener("abort", () => ended.abort(), { once: true });
  let recheck: ReturnType<typeof setInterval> | undefined;
  const token = caller.apiToken;
  if (token) {
    recheck = setInterval(() => {
      deps.isTokenActive(token.id).then(
        (isActive) => !isActive && ended.abort(),
        () => {}, // a failed check is retried at the next tick
      );
    }, deps.recheckTokenMs ?? 15_000);
  }

  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  const stream = createRunEventStream({
    source: deps.hub.source(runId),
    runId,
    afterSeq: parseLastEventId(lastEventId),
    heartbeatMs: deps.heartbeatMs,
    stalledClientMs: deps.stalledClientMs,
    onEnqueue: deps.onEnqueue,
    signal: ended.signal,
    onClose: () => {
      if (recheck) clearInterval(recheck);
      release();
      closeConnection();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
