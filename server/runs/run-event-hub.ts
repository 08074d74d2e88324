// One reader per run per process. However many browsers follow a run, each new event is read
// from the database once (on its notification) and handed to every stream from memory; only a
// stream that is behind the in-memory window (resuming from an old Last-Event-ID) reads the
// table itself, until it catches up.
import type { Db } from "../db";
import { finishedRunStatuses } from "../events/run-statuses";
import type { RunEventBus } from "./run-event-bus";
import { getLogger } from "../observability/logger";

const log = getLogger("run-events");

export type StreamEvent = { seq: number; type: string; payload: unknown; createdAt: Date };

const TERMINAL = new Set<string>(finishedRunStatuses);
const eventSelect = { seq: true, type: true, payload: true, createdAt: true } as const;

export type RunEventSource = {
  /** Resolves once notifications flow, so a read made afterwards misses nothing. */
  subscribe(onChange: () => void): Promise<() => void>;
  /** Events after `afterSeq`, oldest first. */
  read(afterSeq: number, limit: number): Promise<StreamEvent[]>;
  /** True once the run is finished and every one of its events has been read. */
  isFinishedAt(seq: number): boolean;
};

export type RunEventHub = {
  source(runId: string): RunEventSource;
  /** Stops every reader and waits for reads in flight (shutdown, tests): nothing touches the database afterwards. */
  close(): Promise<void>;
};

export type RunEventHubOptions = { db: Db; bus: RunEventBus; windowSize?: number; recheckMs?: number };

export function createRunEventHub({ db, bus, windowSize = 1000, recheckMs = 15_000 }: RunEventHubOptions): RunEventHub {
  const tails = new Map<string, RunTail>();
  return {
    source(runId) {
      return {
        async subscribe(onChange) {
          let tail = tails.get(runId);
          if (!tail) {
            tail = new RunTail(db, runId, windowSize, recheckMs, () => tails.delete(runId));
            tails.set(runId, tail);
          }
          return tail.addListener(onChange, bus);
        },
        read: (afterSeq, limit) => tails.get(runId)?.read(afterSeq, limit) ?? readFromTable(db, runId, afterSeq, limit),
        isFinishedAt: (seq) => tails.get(runId)?.isFinishedAt(seq) ?? false,
      };
    },
    async close() {
      const open = [...tails.values()];
      tails.clear();
      await Promise.all(open.map((tail) => tail.close()));
    },
  };
}

function readFromTable(db: Db, runId: string, afterSeq: number, limit: number): Promise<StreamEvent[]> {
  return db.runEvent.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit, select: eventSelect });
}

class RunTail {
  private window: StreamEvent[] = [];
  /** The window holds every event with windowFrom < seq <= lastRead. */
  private windowFrom = 0;
  private lastRead = 0;
  private status: string | null = null;
  private lastSeq = 0;
  private readonly listeners = new Set<() => void>();
  private started: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private isDirty = false;
  private unsubscribeBus: (() => void) | null = null;
  private recheck: ReturnType<typeof setInterval> | null = null;
  private isStopped = false;

  constructor(
    private readonly db: Db,
    private readonly runId: string,
    private readonly windowSize: number,
    private readonly recheckMs: number,
    private readonly onEmpty: () => void,
  ) {}

  async addListener(listener: () => void, bus: RunEventBus): Promise<() => void> {
    this.listeners.add(listener);
    this.started ??= this.start(bus);
    await this.started;
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private async start(bus: RunEventBus) {
    this.unsubscribeBus = await bus.subscribe(this.runId, () => this.refreshInBackground());
    // Start the window at the present: older events are served from the table on demand.
    const run = await this.db.run.findUnique({ where: { id: this.runId }, select: { lastSeq: true, status: true } });
    this.windowFrom = this.lastRead = run?.lastSeq ?? 0;
    this.status = run?.status ?? null;
    this.lastSeq = run?.lastSeq ?? 0;
    // A notification can be lost when a LISTEN connection drops; a periodic re-read bounds the delay.
    this.recheck = setInterval(() => this.refreshInBackground(), this.recheckMs);
    await this.refresh();
  }

  private stop() {
    this.isStopped = true;
    this.unsubscribeBus?.();
    if (this.recheck) clearInterval(this.recheck);
    this.onEmpty();
  }

  async close() {
    this.stop();
    await this.refreshing?.catch(() => {});
  }

  /** A read nobody awaits (a notification, the periodic re-check): a failure is logged, and the next re-check retries. */
  private refreshInBackground() {
    if (this.isStopped) return;
    this.refresh().catch((error: unknown) => {
      if (!this.isStopped) log.warn({ err: error, runId: this.runId, retryInMs: this.recheckMs }, "reading a run's events failed; retrying");
    });
  }

  /** Single-flight: notifications arriving during a read cause exactly one more read. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.isDirty = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.isDirty = false;
        const [events, run] = await Promise.all([
          readFromTable(this.db, this.runId, this.lastRead, 500),
          this.db.run.findUnique({ where: { id: this.runId }, select: { lastSeq: true, status: true } }),
        ]);
        this.status = run?.status ?? null;
        this.lastSeq = run?.lastSeq ?? this.lastSeq;
        if (events.length > 0) {
          this.window.push(...events);
          this.lastRead = events.at(-1)!.seq;
          const overflow = this.window.length - this.windowSize;
          if (overflow > 0) this.windowFrom = this.window.splice(0, overflow).at(-1)!.seq;
          if (events.length === 500) this.isDirty = true;
        }
        for (const listener of this.listeners) listener();
      } while (this.isDirty);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async read(afterSeq: number, limit: number): Promise<StreamEvent[]> {
    if (afterSeq < this.windowFrom) return readFromTable(this.db, this.runId, afterSeq, Math.min(limit, this.windowFrom - afterSeq));
    const start = this.window.findIndex((event) => event.seq > afterSeq);
    return start < 0 ? [] : this.window.slice(start, start + limit);
  }

  isFinishedAt(seq: number): boolean {
    return this.status === null || (TERMINAL.has(this.status) && seq >= this.lastSeq && seq >= this.lastRead);
  }
}
