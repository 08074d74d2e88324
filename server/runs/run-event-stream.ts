// Server-sent events for one run: replays the run's events after `Last-Event-ID`, then follows
// new ones live. Events are sent in seq order with `id: <seq>`, so a client that reconnects
// resumes with no gap and no duplicate.
import type { RunEventMessage } from "../events/run-events";
import type { RunEventSource, StreamEvent } from "./run-event-hub";

const BATCH_SIZE = 200;
/** Chunks the stream queues ahead of a client before pull stops reading (the ReadableStream's high-water mark). */
export const STREAM_QUEUE_CHUNKS = 64;
/** Most chunks ever queued: pull runs only below the mark and adds at most one batch. */
export const MAX_QUEUED_CHUNKS = STREAM_QUEUE_CHUNKS + BATCH_SIZE;

export type RunEventStreamOptions = {
  source: RunEventSource;
  runId: string;
  /** The last seq the client has; events after it are sent. */
  afterSeq: number;
  heartbeatMs?: number;
  /**
   * A client whose queue stays full this long (it reads nothing; checked at each heartbeat) is
   * disconnected, freeing its stream slot and memory; an EventSource reconnects with Last-Event-ID.
   */
  stalledClientMs?: number;
  /** Told the room left in the queue after each chunk is queued (negative: past the mark), for tests and metrics. */
  onEnqueue?: (desiredSize: number | null) => void;
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

export function createRunEventStream({ source, runId, afterSeq, heartbeatMs = 15_000, stalledClientMs = 120_000, onEnqueue, signal, onClose }: RunEventStreamOptions) {
  const encoder = new TextEncoder();
  let lastSent = afterSeq;
  let isClosed = false;
  let hasNews = true;
  let wake: (() => void) | null = null;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  // Heartbeat ticks in a row with a full queue and no pull: counted in ticks rather than by the
  // clock, so a server whose event loop was busy (not the client) does not look like a stuck client.
  let idleTicks = 0;
  let hasPulledSinceTick = false;
  const maxIdleTicks = Math.max(2, Math.ceil(stalledClientMs / heartbeatMs));
  let queue: ReadableStreamDefaultController<Uint8Array> | undefined;
  const send = (text: string) => {
    queue?.enqueue(encoder.encode(text));
    onEnqueue?.(queue?.desiredSize ?? null);
  };

  const onChange = () => {
    hasNews = true;
    wake?.();
  };
  const waitForNews = () =>
    new Promise<void>((resolve) => {
      if (hasNews || isClosed) return resolve();
      wake = resolve;
    });
  // Once only: abort, cancel and the stall check may all call it, and a second unsubscribe could
  // stop the hub's reader of a newer stream of the same run.
  const cleanup = () => {
    if (isClosed) return;
    isClosed = true;
    onClose?.();
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
        // The client left while we subscribed: cleanup ran without anything to unsubscribe.
        if (isClosed) return unsubscribe();
        queue = controller;
        send(`retry: 2000\n: connected to run ${runId}\n\n`);
        heartbeat = setInterval(() => {
          if (isClosed) return;
          // A full queue means the client is not reading: a heartbeat would only pile up behind
          // the events it has not taken. Long enough like that, the client is let go.
          const hasRoom = (controller.desiredSize ?? 0) > 0;
          idleTicks = hasRoom || hasPulledSinceTick ? 0 : idleTicks + 1;
          hasPulledSinceTick = false;
          if (hasRoom) return send(": heartbeat\n\n");
          if (idleTicks < maxIdleTicks) return;
          cleanup();
          controller.error(new Error(`the client read nothing for ${Math.round(stalledClientMs / 1000)} s`));
        }, heartbeatMs);
      },
      async pull(controller) {
        hasPulledSinceTick = true;
        // pull runs only while the client's buffer has room: a slow reader slows its own reads, never the writers.
        while (!isClosed) {
          await waitForNews();
          if (isClosed) break;
          hasNews = false;
          const events = await source.read(lastSent, BATCH_SIZE);
          if (isClosed) break;
          for (const event of events) {
            send(formatEvent(event));
            lastSent = event.seq;
          }
          if (events.length > 0) {
            hasNews = true; // there may be more; the next pull reads again
            return;
          }
          if (source.isFinishedAt(lastSent)) {
            send(`event: end\ndata: {}\n\n`);
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
    { highWaterMark: STREAM_QUEUE_CHUNKS },
  );
}
