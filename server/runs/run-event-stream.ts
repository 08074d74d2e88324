// Server-sent events for one run: replays the run's events after `Last-Event-ID`, then follows
// new ones live. Events are sent in seq order with `id: <seq>`, so a client that reconnects
// resumes with no gap and no duplicate.
import type { RunEventMessage } from "../events/run-events";
import type { RunEventSource, StreamEvent } from "./run-event-hub";

const BATCH_SIZE = 200;

export type RunEventStreamOptions = {
  source: RunEventSource;
  runId: string;
  /** The last seq the client has; events after it are sent. */
  afterSeq: number;
  heartbeatMs?: number;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  /** Called once when the stream ends for any reason (finished, disconnected, aborted). */
  onClose?: () => void;
};

export function parseLastEventId(value: string | null | undefined): number {
  const seq = Number(value);
  return value && Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
}

/**
 * The wire shape of one event. Rows are only ever written by the typed appendRunEvent, so a
 * stored row's type and payload agree by construction; this is the one place that says so.
 */
export function toRunEventMessage(event: StreamEvent): RunEventMessage {
  return { seq: event.seq, type: event.type, payload: event.payload, createdAt: event.createdAt.toISOString() } as RunEventMessage;
}

function formatEvent(event: StreamEvent): string {
  const data = JSON.stringify(toRunEventMessage(event));
  return `id: ${event.seq}\nevent: run-event\ndata: ${data}\n\n`;
}

export function createRunEventStream({ source, runId, afterSeq, heartbeatMs = 15_000, signal, onClose }: RunEventStreamOptions) {
  const encoder = new TextEncoder();
  let lastSent = afterSeq;
  let isClosed = false;
  let hasNews = true;
  let wake: (() => void) | null = null;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const onChange = () => {
    hasNews = true;
    wake?.();
  };
  const waitForNews = () =>
    new Promise<void>((resolve) => {
      if (hasNews || isClosed) return resolve();
      wake = resolve;
    });
  const cleanup = () => {
    if (!isClosed) onClose?.();
    isClosed = true;
    unsubscribe?.();
    if (heartbeat) clearInterval(heartbeat);
    wake?.();
  };
  signal?.addEventListener("abort", cleanup, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        // Subscribe before the first read: an event committed in between is then seen by one of the two.
        unsubscribe = await source.subscribe(onChange);
        controller.enqueue(encoder.encode(`retry: 2000\n: connected to run ${runId}\n\n`));
        heartbeat = setInterval(() => {
          if (!isClosed) controller.enqueue(encoder.encode(": heartbeat\n\n"));
        }, heartbeatMs);
      },
      async pull(controller) {
        // pull runs only while the client's buffer has room: a slow reader slows its own reads, never the writers.
        while (!isClosed) {
          await waitForNews();
          if (isClosed) break;
          hasNews = false;
          const events = await source.read(lastSent, BATCH_SIZE);
          if (isClosed) break;
          for (const event of events) {
            controller.enqueue(encoder.encode(formatEvent(event)));
            lastSent = event.seq;
          }
          if (events.length > 0) {
            hasNews = true; // there may be more; the next pull reads again
            return;
          }
          if (source.isFinishedAt(lastSent)) {
            controller.enqueue(encoder.encode(`event: end\ndata: {}\n\n`));
            cleanup();
            controller.close();
            return;
          }
        }
        try {
          controller.close();
        } catch {
          // the client already went away
        }
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: 64 },
  );
}
