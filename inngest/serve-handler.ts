// The app's Inngest serve handler, built once. Next serves it at /api/inngest
// (app/api/inngest/route.ts) for Inngest Cloud or a self-hosted Inngest server; the embedded
// executor is handed the same handler and calls it in-process (inngest/embedded-executor.ts).
// Either way: the same client, the same functions, the same signature check.
import type { InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import type { ServeHandler } from "~/server/executor";
import { inngest } from "./client";
import { functions } from "./functions";

/** Serves `served` on the app's client: route handlers for Next, one handler for the executor. */
export function serveFunctions(served: InngestFunction.Any[]) {
  const nextHandler = serve({ client: inngest, functions: served });
  // The adapter's base handler dispatches on the request's method (GET, POST and PUT in one).
  const serveHandler: ServeHandler = (request) => nextHandler(new NextRequest(request), undefined);
  return { routeHandlers: { GET: nextHandler.GET, POST: nextHandler.POST, PUT: nextHandler.PUT }, serveHandler };
}

export const { routeHandlers, serveHandler } = serveFunctions(functions);
