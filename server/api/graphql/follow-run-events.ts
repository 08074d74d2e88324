// The `runEvents` subscription's source: a run's events after `afterSeq`, then live ones until the
// run finishes. It reads through the same per-run hub as the SSE route (server/runs/run-event-hub.ts),
// so a GraphQL subscriber costs no extra database reader per run.
import type { RunEventMessage } from "../../events/run-events";
import type { RunEventSource } from "../../runs/run-event-hub";
import { toRunEventMessage } from "../../runs/run-event-stream";

const BATCH_SIZE = 200;

export type FollowOptions = {
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** For token callers: whether the token still works, checked every `recheckMs` (a revoked token ends the stream, as on the SSE route). */
  isTokenActive?: () => Promise<boolean>;
  recheckMs?: number;
};

export async function* followRunEvents(source: RunEventSource, afterSeq: number, options: FollowOptions): AsyncGenerator<RunEventMessage> {
  const ended = new AbortController();
  const stop = () => ended.abort();
  if (options.signal.aborted) stop();
  else options.signal.addEventListener("abort", stop, { once: true });
  const { isTokenActive } = options;
  const recheck = isTokenActive
    ? setInterval(() => {
        isTokenActive().then(
          (isActive) => !isActive && stop(),
          () => {}, // a failed check is retried at the next tick
        );
      }, options.recheckMs ?? 15_000)
    : undefined;
  try {
    yield* follow(source, afterSeq, ended.signal);
  } finally {
    if (recheck) clearInterval(recheck);
    options.signal.removeEventListener("abort", stop);
  }
}

async function* follow(source: RunEventSource, afterSeq: number, signal: AbortSignal): AsyncGenerator<RunEventMessage> {
  let lastSent = afterSeq;
  let hasNews = true;
  let wake: (() => void) | null = null;
  const onChange = () => {
    hasNews = true;
    wake?.();
  };
  // The client leaving ends the wait at once (a generator's return() would wait for it).
  signal.addEventListener("abort", onChange, { once: true });
  // Subscribe before the first read: an event committed in between is then seen by one of the two.
  const unsubscribe = await source.subscribe(onChange);
  try {
    while (!signal.aborted) {
      if (!hasNews) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (signal.aborted) return;
      hasNews = false;
      const events = await source.read(lastSent, BATCH_SIZE);
      for (const event of events) {
        lastSent = event.seq;
        yield toRunEventMessage(event);
      }
      if (events.length > 0) hasNews = true; // there may be more: read again
      else if (source.isFinishedAt(lastSent)) return;
    }
  } finally {
    signal.removeEventListener("abort", onChange);
    unsubscribe();
  }
}
