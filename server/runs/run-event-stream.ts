// Server-sent events for one run: replays the run's events after `Last-Event-ID`, then follows
// new ones live. Every event is read from the RunEvent table in seq order and sent with
// `id: <seq>`, so a client that reconnects resumes with no gap and no duplicate.
import type { Db } from "../db";
import type { RunEventBus } from "./run-event-bus";

const BATCH_SIZE = 200;
const TERMINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export type RunEventStreamOptions = {
  db: Db;
  bus: RunEventBus;
  runId: string;
  /** The last seq the client has; events after it are sent. */
  afterSeq: number;
  heartbeatMs?: number;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
};

export function parseLastEventId(value: string | null | undefined): number {
  const seq = Number(value);
  return value && Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
}

function formatEvent(event: { seq: number; type: string; payload: unknown; createdAt: Date }): string {
  const data = JSON.stringify({ seq: event.seq, type: event.type, payload: event.payload, createdAt: event.createdAt });
  return `id: ${event.seq}\nevent: run-event\ndata: ${data}\n\n`;
}

export function createRunEventStream({ db, bus, runId, afterSeq, heartbeatMs = 15_000, signal }: RunEventStreamOptions) {
  const encoder = new TextEncoder();
  let lastSent = afterSeq;
  let isClosed = false;
  let wake: (() => void) | null = null;
  let hasPendingNotice = true;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const poke = () => {
    hasPendingNotice = true;
    wake?.();
  };
  const nextSignal = () =>
    new Promise<void>((resolve) => {
      if (hasPendingNotice || isClosed) return resolve();
      wake = resolve;
    });

  const cleanup = () => {
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
        unsubscribe = await bus.subscribe(runId, poke);
        controller.enqueue(encoder.encode(`retry: 2000\n: connected to run ${runId}\n\n`));
        heartbeat = setInterval(() => {
          if (isClosed) return;
          controller.enqueue(encoder.encode(": heartbeat\n\n"));
          // A notification can be lost when a LISTEN connection drops: the heartbeat re-checks the table.
          poke();
        }, heartbeatMs);
      },
      async pull(controller) {
        // pull runs only while the client's buffer has room: a slow reader slows the reads, never the writers.
        while (!isClosed) {
          await nextSignal();
          if (isClosed) break;
          hasPendingNotice = false;
          const events = await db.runEvent.findMany({
            where: { runId, seq: { gt: lastSent } },
            orderBy: { seq: "asc" },
            take: BATCH_SIZE,
            select: { seq: true, type: true, payload: true, createdAt: true },
          });
          if (isClosed) break;
          for (const event of events) {
            controller.enqueue(encoder.encode(formatEvent(event)));
            lastSent = event.seq;
          }
          if (events.length === BATCH_SIZE) hasPendingNotice = true;
          if (events.length === 0) {
            const run = await db.run.findUnique({ where: { id: runId }, select: { status: true, lastSeq: true } });
            if (!run || (TERMINAL.has(run.status) && run.lastSeq <= lastSent)) {
              controller.enqueue(encoder.encode(`event: end\ndata: ${JSON.stringify({ status: run?.status ?? null })}\n\n`));
              cleanup();
              controller.close();
              return;
            }
          }
          if (events.length > 0) return;
        }
        if (isClosed) {
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        }
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: 64 },
  );
}
