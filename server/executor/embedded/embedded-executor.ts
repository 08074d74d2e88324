// The app's embedded executor: one per process, on the process database, calling the app's serve
// handler in-process. The app passes in everything it knows (its serve handler, database and
// environment), so this package imports nothing of it: building the handler here would import the
// app's functions, whose client imports this package — the cycle the injection avoids.
//
// Started by `ensureEmbeddedExecutor(options)` at server start (instrumentation). If that failed,
// the next event sent in the process tries again; once it is stopped, events are only stored.
import type { Database } from "../../db/client";
import type { ServeHandler } from "../protocol/serve-transport";
import { currentEventSink, setEventSinkFallback } from "../store/event-sink";
import { createExecutor, type Executor, type ExecutorTickResult } from "../worker/executor";
import { endLeasesOfEarlierProcess } from "../worker/lease-executor-runs";
import { embeddedSigningKey, isEmbeddedExecutorMode, type InngestEnv } from "./inngest-mode";

export type EmbeddedExecutorOptions = {
  /** The INNGEST_* variables: any of them set means an Inngest server runs the functions. */
  env: InngestEnv;
  /** The app's serve handler — the very one mounted at `serveUrl` — called in-process. */
  handler: ServeHandler;
  /** Where that handler is served; in-process it only names the Request's URL and host. */
  serveUrl: string;
  /** The process database, migrated; a PostgreSQL driver lets instances wake each other. */
  getDatabase: () => Promise<Pick<Database, "prisma" | "driver">>;
  /** Runs this process drives at once (the app's EXECUTOR_CONCURRENCY); the executor's default when unset. */
  maxConcurrentRuns?: number;
  /**
   * loop (default): a worker loop in this process. tick (EXECUTOR_MODE=tick, serverless hosts): no
   * loop; events are only stored, and `tickEmbeddedExecutor` (a cron-called route) drives the runs.
   */
  mode?: "loop" | "tick";
};

const globalForExecutor = globalThis as unknown as { __epicEmbeddedExecutor?: Promise<Executor | null> };

async function createEmbeddedExecutor(options: EmbeddedExecutorOptions): Promise<Executor> {
  const database = await options.getDatabase();
  return createExecutor({
    db: database.prisma,
    driver: database.driver,
    handler: options.handler,
    serveUrl: options.serveUrl,
    signingKey: embeddedSigningKey(),
    maxConcurrentRuns: options.maxConcurrentRuns,
  });
}

/**
 * Starts the process's embedded worker loop once; null when an Inngest server is configured, or in
 * tick mode (where it only makes sure sent events are stored).
 */
export function ensureEmbeddedExecutor(options: EmbeddedExecutorOptions): Promise<Executor | null> {
  if (isEmbeddedExecutorMode(options.env) && options.mode === "tick") {
    // No loop to start: `inngest.send` stores the event in the process database, for the next tick.
    setEventSinkFallback(async () => currentEventSink() ?? { db: (await options.getDatabase()).prisma });
    return Promise.resolve(null);
  }
  if (isEmbeddedExecutorMode(options.env)) {
    // Where `inngest.send` lands while no worker loop is the default sink: start it (again), or
    // at worst store the event in the process database for the next worker to find.
    setEventSinkFallback(async () => {
      await ensureEmbeddedExecutor(options);
      return currentEventSink() ?? { db: (await options.getDatabase()).prisma };
    });
  }
  globalForExecutor.__epicEmbeddedExecutor ??= (async () => {
    if (!isEmbeddedExecutorMode(options.env)) return null;
    const executor = await createEmbeddedExecutor(options);
    // PGlite on disk has one process at a time, and this is its one executor: a lease found now
    // was held by an earlier process that died, so its runs need not wait for the lease to expire.
    const { driver, prisma } = await options.getDatabase();
    if (driver.kind === "pglite") await endLeasesOfEarlierProcess(prisma);
    executor.start({ isDefaultEventSink: true });
    return executor;
  })().catch((error: unknown) => {
    globalForExecutor.__epicEmbeddedExecutor = undefined;
    throw error;
  });
  return globalForExecutor.__epicEmbeddedExecutor;
}

/**
 * One bounded pass of the executor, for platforms without long-lived processes: call it from a
 * cron-triggered route (it returns when nothing is ready or the budget is spent).
 */
export async function tickEmbeddedExecutor(options: EmbeddedExecutorOptions, budgetMs = 20_000): Promise<ExecutorTickResult | null> {
  if (!isEmbeddedExecutorMode(options.env)) return null;
  return (await createEmbeddedExecutor(options)).tick({ budgetMs });
}
