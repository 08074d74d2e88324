// The Inngest serve endpoint. Inngest Cloud / a self-hosted server calls it over HTTP; the
// embedded executor calls the same handler in-process, signed (inngest/serve-handler.ts).
import type { NextRequest } from "next/server";
import { routeHandlers } from "~/inngest/serve-handler";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
// On Vercel (vercel.json says the same): Inngest Cloud calls one step per request, and a step
// may be QA's whole browser run or a model call of minutes.
export const maxDuration = 300;

// Inngest's calls carry the event and every memoised step's output (up to Inngest's own 32 MiB
// run-state limit), so this route gets that limit instead of MAX_BODY_BYTES. Outside dev mode
// unsigned calls are refused by the SDK (401).
const INNGEST_MAX_BODY_BYTES = 32 * 1024 * 1024;

type Handler = (request: NextRequest, context: unknown) => Promise<Response>;
const guard = (handler: Handler) => guardRoute<unknown>((request, context) => handler(request, context), { maxBodyBytes: INNGEST_MAX_BODY_BYTES });

export const GET = guard(routeHandlers.GET as Handler);
export const POST = guard(routeHandlers.POST as Handler);
export const PUT = guard(routeHandlers.PUT as Handler);
