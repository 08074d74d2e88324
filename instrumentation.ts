// Runs once when a server instance starts: validate the environment (fail fast with a clear
// message), bring the database schema up to date before the first request is served, refuse to
// start on a shared database without a public URL or with secrets unlike the other instances',
// sweep scratch files left by steps of a killed process, start the embedded executor so runs
// interrupted by a crash or restart carry on at once; then detect the QA sandbox for generated
// code (server/sandbox/). Sentry starts here when SENTRY_DSN is set
// (server/observability/error-reporting.ts); unset, it is never loaded.
import type { captureRequestError } from "@sentry/nextjs";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./server/env");
  // Traces first (when OTEL_EXPORTER_OTLP_ENDPOINT is set), so the first request is traced.
  const { startTracing } = await import("./server/observability/tracing");
  await startTracing();
  const { startErrorReporting } = await import("./server/observability/error-reporting");
  await startErrorReporting();
  const { getLogger } = await import("./server/observability/logger");
  const { getMigratedDatabase } = await import("./server/db");
  const database = await getMigratedDatabase();
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
  await sweepScratch().catch((error: unknown) => getLogger("startup").error({ err: error }, "could not sweep the scratch folder"));
  const { ensureAppExecutor } = await import("./inngest/embedded-executor");
  // Resolves to null when Inngest Cloud or a self-hosted Inngest server runs the functions.
  await ensureAppExecutor();
  // Tries the QA sandbox now, so a weak or missing one is announced once at start (/api/ready too).
  const { getQaSandbox } = await import("./server/sandbox/qa-sandbox");
  getQaSandbox().catch((error: unknown) => getLogger("startup").error({ err: error }, "could not detect the QA sandbox"));
}

/** Errors Next itself catches while rendering or routing: to Sentry, when it is configured. */
export async function onRequestError(...args: Parameters<typeof captureRequestError>) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startErrorReporting } = await import("./server/observability/error-reporting");
  (await startErrorReporting())?.captureRequestError(...args);
}
