// The app's embedded executor: one per process, on the process database, calling the
// /api/inngest route's own handler in-process. Started by `ensureEmbeddedExecutor()` at server
// start (instrumentation) and, as a fallback, by the first event sent in a process without it.
import { NextRequest } from "next/server";
import { env } from "../env";
import { getMigratedDatabase } from "../db/index";
import { createExecutor, type Executor, type TickResult } from "./executor";
import type { ServeHandler } from "./function-transport";
import { embeddedSigningKey, isEmbeddedExecutorMode } from "./inngest-mode";

const globalForExecutor = globalThis as unknown as { __epicEmbeddedExecutor?: Promise<Executor | null> };

/** The /api/inngest route's handlers as one ServeHandler (dispatching on the method). */
export async function loadRouteHandler(): Promise<ServeHandler> {
  // The very handler Next serves at /api/inngest: the same client, functions and checks.
  const route = await import("../../app/api/inngest/route");
  return (request) => {
    const handle = request.method === "PUT" ? route.PUT : request.method === "GET" ? route.GET : route.POST;
    return handle(new NextRequest(request), undefined);
  };
}

async function createEmbeddedExecutor(): Promise<Executor> {
  const database = await getMigratedDatabase();
  return createExecutor({
    db: database.prisma,
    driver: database.driver,
    handler: await loadRouteHandler(),
    serveUrl: `${env.NEXTAUTH_URL ?? "http://localhost:3000"}/api/inngest`,
    signingKey: embeddedSigningKey(),
  });
}

/** Starts the process's embedded worker loop once; null when an Inngest server is configured. */
export function ensureEmbeddedExecutor(): Promise<Executor | null> {
  globalForExecutor.__epicEmbeddedExecutor ??= (async () => {
    if (!isEmbeddedExecutorMode(env)) return null;
    const executor = await createEmbeddedExecutor();
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
export async function tickEmbeddedExecutor(budgetMs = 20_000): Promise<TickResult | null> {
  if (!isEmbeddedExecutorMode(env)) return null;
  return (await createEmbeddedExecutor()).tick({ budgetMs });
}
