// What instrumentation.ts runs once when a Node.js server instance starts: validate the
// environment (fail fast with a clear message), bring the database schema up to date before the
// first request is served, refuse to start on a shared database without a public URL or with
// secrets unlike the other instances', sweep scratch files left by steps of a killed process,
// start the embedded executor (in the background: requests are served meanwhile) so runs
// interrupted by a crash or restart carry on at once; then detect the QA sandbox for generated
// code (server/sandbox/). Sentry starts here when SENTRY_DSN is set
// (server/observability/error-reporting.ts); unset, it is never loaded.

export async function registerNodeInstance() {
  // Each phase's duration goes in one start-up log line: where a slow start spends its time.
  const startedAt = performance.now();
  const phases: Record<string, number> = {};
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const since = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] = Math.round(performance.now() - since);
    }
  };
  await timed("env", () => import("./server/env"));
  // Traces first (when OTEL_EXPORTER_OTLP_ENDPOINT is set), so the first request is traced.
  const { startTracing } = await import("./server/observability/tracing");
  await startTracing();
  const { startErrorReporting } = await import("./server/observability/error-reporting");
  await startErrorReporting();
  const { getLogger } = await import("./server/observability/logger");
  const { getMigratedDatabase } = await import("./server/db");
  const database = await timed("database", getMigratedDatabase);
  // A shared database (DATABASE_URL): public URLs from configuration and the same secrets on every
  // instance, else this instance refuses to start (server/instances/shared-database.ts).
  const { env } = await import("./server/env");
  const { prepareSharedDatabase, isStartupRefusal } = await import("./server/instances/shared-database");
  await prepareSharedDatabase(database.prisma, env).catch((error: unknown) => {
    if (!isStartupRefusal(error)) throw error;
    getLogger("startup").fatal({ reason: error.name }, error.message);
    process.exit(1);
  });
  // Before runs resume: what steps killed with an earlier process left in the scratch folder goes.
  const { sweepScratch } = await import("./server/scratch/scratch-space");
  await timed("sweep", () => sweepScratch()).catch((error: unknown) => getLogger("startup").error({ err: error }, "could not sweep the scratch folder"));
  // The executor is started, not awaited: loading it loads the whole pipeline (agents, model SDKs,
  // Playwright), which took most of a start on a busy machine (issue 17: restart → serving 47 s),
  // and nothing a request does needs it loaded. Until it is up, events that requests send are
  // stored in the database (the default sink), and its first poll fans them out; runs interrupted
  // by a crash resume as soon as it is up, as before.
  const { isEmbeddedExecutorMode } = await import("./server/executor/embedded/inngest-mode");
  const { setDefaultEventSink } = await import("./server/executor/store/event-sink");
  if (isEmbeddedExecutorMode(env)) setDefaultEventSink({ db: database.prisma });
  void timed("executor", async () => {
    const { ensureAppExecutor } = await import("./inngest/embedded-executor");
    // Resolves to null when Inngest Cloud or a self-hosted Inngest server runs the functions.
    return ensureAppExecutor();
  }).then(
    (executor) => getLogger("startup").info({ durationMs: phases.executor, isEmbedded: executor !== null }, "executor started"),
    (error: unknown) => {
      // No default sink then: the next event sent goes to the executor's fallback, which tries again.
      setDefaultEventSink(undefined);
      getLogger("startup").error({ err: error }, "could not start the embedded executor; the next event sent tries again");
    },
  );
  // Tries the QA sandbox now, so a weak or missing one is announced once at start (/api/ready too).
  const { getQaSandbox } = await import("./server/sandbox/qa-sandbox");
  getQaSandbox().catch((error: unknown) => getLogger("startup").error({ err: error }, "could not detect the QA sandbox"));
  getLogger("startup").info({ durationMs: Math.round(performance.now() - startedAt), phasesMs: phases }, "instance serving (the executor starts in the background)");
}
