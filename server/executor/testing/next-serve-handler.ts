// Functions served by the SDK's own Next.js adapter (the adapter the app serves /api/inngest
// with), as the one ServeHandler the executor calls in-process.
import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import type { ServeHandler } from "../protocol/serve-transport";

export function createNextServeHandler(client: Inngest.Any, functions: InngestFunction.Any[]): ServeHandler {
  const nextHandler = serve({ client, functions });
  // The adapter's base handler reads the method from the request (GET/POST/PUT all in one).
  return (request) => nextHandler(new NextRequest(request), undefined);
}
