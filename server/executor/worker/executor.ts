// The executor: a worker loop for long-lived processes (`start`/`stop`) and a bounded `tick`
// for tests and for platforms without long-lived processes (a cron-driven HTTP route).
import { hostname } from "node:os";
import type { Db, Driver } from "../../db/client";
import { createId } from "../store/create-id";
import { driveExecutorRun, type WorkerContext } from "./drive-executor-run";
import { syncFunctions, type FunctionRegistry } from "../protocol/function-registry";
import type { ServeTransport, ServeHandler } from "../protocol/serve-transport";
import { leaseExecutorRuns, nextReadyTime, type LeasedExecutorRun } from "./lease-executor-runs";
import { processPendingEvents } from "./process-events";
import { exponentialBackoff, type RetryBackoff } from "./retry-backoff";
import { createExecutorRunEventEmitter, processExecutorRunEvents, type ExecutorRunEvent, type ExecutorRunEventListener } from "../store/executor-run-events";
import { setDefaultEventSink, currentEventSink } from "../store/event-sink";
import { listenForWakeUps } from "../store/postgres-wake";
import { onWake, signalWake } from "../store/wake-signal";
import { getLogger } from "../../observability/logger";

const log = getLogger("executor");

export type ExecutorOptions = {
  db: Db;
  /** With a PostgreSQL driver, workers of other processes wake this one at once (LISTEN/NOTIFY). */
  driver?: Driver;
  /** The app's serve handler (in-process), or `httpServeHandler(url)` for an app served elsewhere. */
  handler: ServeHandler;
  /** The serve endpoint's URL; in-process it only fills the Request's URL and host header. */
  serveUrl?: string;
  /** Signs every request; required when the handler's client has a signing key (not dev mode). */
  signingKey?: string;
  workerId?: string;
  /** Longest time between two looks at the database when nothing wakes the worker. */
  pollIntervalMs?: number;
  /** How long a run stays with this worker without a heartbeat (a dead worker's runs wait this long). */
  leaseMs?: number;
  /**
   * Runs this worker drives at once (default 10). Runs of a dead worker are taken over even at
   * capacity, up to twice this many in all: they were under way, so they go before new work.
   */
  maxConcurrentRuns?: number;
  /** Parallel steps (Promise.all of step.run) executed at once within one run. */
  maxParallelSteps?: number;
  retryBackoff?: RetryBackoff;
  /** How often the worker loop reads the served functions again (default one minute). */
  syncIntervalMs?: number;
  onRunEvent?: ExecutorRunEventListener;
};

export type ExecutorTickResult = { processedEvents: number; drivenRuns: number; nextReadyAt: Date | null };

export type Executor = {
  workerId: string;
  /** Reads the served functions from the handler (an in-band sync); done on demand. */
  sync(): Promise<FunctionRegistry>;
  /**
   * Fans out pending events and drives every ready run until it parks or finishes, repeating
   * until nothing is ready or `budgetMs` is spent. Do not mix with `start()` on one executor.
   */
  tick(options?: { budgetMs?: number }): Promise<ExecutorTickResult>;
  /** Starts the worker loop; `defaultEventSink` makes it where `inngest.send` lands in-process. */
  start(options?: { isDefaultEventSink?: boolean }): void;
  /** Stops taking work, hands in-flight runs back after their current request, and waits. */
  stop(): Promise<void>;
  onRunEvent(listener: ExecutorRunEventListener): () => void;
};

function logTakeover(run: LeasedExecutorRun): void {
  if (!run.takenOverFrom) return;
  const { leaseOwner, leaseExpiredAt } = run.takenOverFrom;
  log.info(
    { executorRunId: run.id, functionId: run.functionId, previousLeaseOwner: leaseOwner ?? null, leaseExpiredAt: leaseExpiredAt.toISOString() },
    "run taken over: its lease expired; resuming from its last stored step",
  );
}

export function createExecutor(options: ExecutorOptions): Executor {
  const { db } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${createId()}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxConcurrentRuns = options.maxConcurrentRuns ?? 10;
  const transport: ServeTransport = {
    handler: options.handler,
    serveUrl: options.serveUrl ?? "http://localhost:3000/api/inngest",
    signingKey: options.signingKey,
  };
  const localEvents = createExecutorRunEventEmitter(options.onRunEvent ? [options.onRunEvent] : []);

  let registry: FunctionRegistry | null = null;
  let isStopping = false;
  let loop: Promise<void> | null = null;
  let unsubscribeWake: (() => Promise<void>) | null = null;
  let ownsDefaultSink = false;
  const active = new Map<string, Promise<void>>();
  let hasPendingWake = false;
  let resolveWait: (() => void) | null = null;

  const wake = () => {
    hasPendingWake = true;
    resolveWait?.();
  };
  const emit = (events: ExecutorRunEvent[]) => {
    if (events.length === 0) return;
    localEvents.emit(events);
    processExecutorRunEvents.emit(events);
  };
  const createContext = (shouldYield: () => boolean): WorkerContext => ({
    db,
    transport,
    getRegistry: () => registry,
    leaseMs,
    backoff: options.retryBackoff ?? exponentialBackoff(),
    maxParallelSteps: options.maxParallelSteps ?? 4,
    emit,
    wake: () => signalWake(db),
    shouldYield,
  });

  let lastSyncAt = 0;
  const warned = new Set<string>();
  const sync = async () => {
    const synced = await syncFunctions(transport);
    for (const fn of synced.functions.values()) {
      const key = `${fn.id}:${fn.ignoredOptions.join(",")}`;
      if (fn.ignoredOptions.length > 0 && !warned.has(key)) {
        warned.add(key);
        log.warn({ functionId: fn.id, ignoredOptions: fn.ignoredOptions }, "options not supported by the embedded executor; ignored");
      }
    }
    registry = synced;
    lastSyncAt = Date.now();
    return synced;
  };
  // An app served over HTTP can be redeployed with other functions: read them again now and then.
  const resyncIfStale = async () => {
    if (registry && Date.now() - lastSyncAt > (options.syncIntervalMs ?? 60_000)) await sync().catch(() => undefined);
  };

  const fanOutEvents = async (): Promise<number> => {
    const current = registry ?? (await sync());
    let total = 0;
    for (;;) {
      const result = await processPendingEvents(db, current);
      emit(result.runEvents);
      total += result.processed;
      // A batch that failed runs created `inngest/function.failed` events: fan those out too.
      if (result.processed === 0 || (!result.hasNewEvents && result.processed < 100)) return total;
    }
  };

  const waitForWake = (ms: number) =>
    new Promise<void>((resolve) => {
      if (hasPendingWake || isStopping) {
        hasPendingWake = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        resolveWait = null;
        hasPendingWake = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      resolveWait = done;
    });

  const runLoop = async () => {
    const context = createContext(() => isStopping);
    let lastLoggedError: string | null = null;
    while (!isStopping) {
      let waitMs = pollIntervalMs;
      try {
        hasPendingWake = false;
        await resyncIfStale();
        await fanOutEvents();
        const drive = (run: LeasedExecutorRun) => {
          logTakeover(run);
          active.set(
            run.id,
            driveExecutorRun(context, run).finally(() => {
              active.delete(run.id);
              wake();
            }),
          );
        };
        // Never a run this worker is still driving (its lease may have lapsed under load).
        // A dead worker's runs first, even at capacity (see maxConcurrentRuns): they must not
        // wait for this worker's own runs to finish.
        const takeoverRoom = 2 * maxConcurrentRuns - active.size;
        if (takeoverRoom > 0) {
          const { leased } = await leaseExecutorRuns(db, { workerId, limit: takeoverRoom, leaseMs, excludeIds: [...active.keys()], onlyTakeovers: true });
          for (const run of leased) drive(run);
        }
        const free = maxConcurrentRuns - active.size;
        if (free > 0) {
          const { leased, blockedCount } = await leaseExecutorRuns(db, { workerId, limit: free, leaseMs, excludeIds: [...active.keys()] });
          for (const run of leased) drive(run);
          // Every free slot filled: there may be more ready work right away.
          if (leased.length === free) continue;
          // Otherwise sleep until the next timer, unless runs are only held back by a
          // concurrency limit (a finishing run wakes us; other instances' runs: the poll).
          if (blockedCount === 0) {
            const next = await nextReadyTime(db);
            if (next) waitMs = Math.min(pollIntervalMs, Math.max(10, next.getTime() - Date.now()));
          }
        }
      } catch (error) {
        // Logged once per distinct failure: a handler that is down fails every iteration.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastLoggedError) log.error({ err: error }, "executor worker loop iteration failed");
        lastLoggedError = message;
      }
      await waitForWake(waitMs);
    }
  };

  return {
    workerId,
    sync,
    async tick({ budgetMs = 20_000 } = {}) {
      const deadline = Date.now() + budgetMs;
      const context = createContext(() => isStopping || Date.now() > deadline);
      let processedEvents = 0;
      let drivenRuns = 0;
      while (!isStopping) {
        processedEvents += await fanOutEvents();
        if (Date.now() > deadline) break;
        const { leased } = await leaseExecutorRuns(db, { workerId, limit: maxConcurrentRuns, leaseMs });
        if (leased.length === 0) break;
        leased.forEach(logTakeover);
        drivenRuns += leased.length;
        await Promise.all(leased.map((run) => driveExecutorRun(context, run)));
      }
      return { processedEvents, drivenRuns, nextReadyAt: await nextReadyTime(db) };
    },
    start({ isDefaultEventSink = true } = {}) {
      if (loop) return;
      isStopping = false;
      const stopLocalWake = onWake(db, wake);
      const stopRemoteWake = options.driver?.kind === "postgres" ? listenForWakeUps(options.driver.pool, wake) : null;
      unsubscribeWake = async () => {
        stopLocalWake();
        await stopRemoteWake?.();
      };
      if (isDefaultEventSink) {
        setDefaultEventSink({ db });
        ownsDefaultSink = true;
      }
      loop = runLoop();
    },
    async stop() {
      isStopping = true;
      wake();
      await unsubscribeWake?.();
      unsubscribeWake = null;
      if (ownsDefaultSink && currentEventSink()?.db === db) setDefaultEventSink(undefined);
      ownsDefaultSink = false;
      await loop;
      loop = null;
      await Promise.allSettled([...active.values()]);
    },
    onRunEvent: (listener) => localEvents.on(listener),
  };
}

/** Creates an executor and starts its worker loop. */
export function startExecutor(options: ExecutorOptions & { isDefaultEventSink?: boolean }): Executor {
  const executor = createExecutor(options);
  executor.start({ isDefaultEventSink: options.isDefaultEventSink });
  return executor;
}
