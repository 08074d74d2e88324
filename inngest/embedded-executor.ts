// The app's embedded executor, wired: the executor package given our serve handler, the process
// database and the URL we serve on. instrumentation.ts starts it at boot; on serverless hosts
// (EXECUTOR_MODE=tick) no loop starts and the cron-driven /api/executor/tick route drives it instead.
import { getMigratedDatabase } from "~/server/db";
import { env } from "~/server/env";
import { ensureEmbeddedExecutor, tickEmbeddedExecutor, type EmbeddedExecutorOptions } from "~/server/executor";
import { serveHandler } from "./serve-handler";

const options: EmbeddedExecutorOptions = {
  env,
  handler: serveHandler,
  serveUrl: `${env.NEXTAUTH_URL ?? "http://localhost:3000"}/api/inngest`,
  getDatabase: getMigratedDatabase,
  maxConcurrentRuns: env.EXECUTOR_CONCURRENCY,
  mode: env.EXECUTOR_MODE,
};

/** Starts this process's worker loop once; null when an Inngest server runs the functions, or with EXECUTOR_MODE=tick. */
export const ensureAppExecutor = () => ensureEmbeddedExecutor(options);

/** One bounded pass over everything ready; null when an Inngest server runs the functions. */
export const tickAppExecutor = (budgetMs: number) => tickEmbeddedExecutor(options, budgetMs);
