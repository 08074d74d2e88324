import { resolveRequestCaller } from "~/server/auth/request-user";
import { getMigratedDatabase, getRunEventHub } from "~/server/db";
import { env } from "~/server/env";
import { guardRoute } from "~/server/http/route-guard";
import { handleRunEventsRequest } from "~/server/runs/run-events-handler";
import { createStreamSlots, type StreamSlots } from "~/server/runs/stream-slots";
import { isApiTokenActive } from "~/server/users/api-tokens";

export const dynamic = "force-dynamic";
// On Vercel (vercel.json says the same) a stream is cut after this long; EventSource reconnects
// with Last-Event-ID and the stream resumes after the last event it had.
export const maxDuration = 300;

type RouteContext = { params: Promise<{ runId: string }> };

// One count per process (Next may bundle this module more than once).
const globalForSlots = globalThis as unknown as { __epicStreamSlots?: StreamSlots };
const slots = (globalForSlots.__epicStreamSlots ??= createStreamSlots(env.MAX_SSE_STREAMS_PER_USER));

/** GET /api/runs/:runId/events — the run's events as server-sent events, resumable with Last-Event-ID. */
export const GET = guardRoute<RouteContext>(async (request, { params }) => {
  const { prisma } = await getMigratedDatabase();
  return handleRunEventsRequest(request, (await params).runId, {
    db: prisma,
    hub: getRunEventHub(),
    resolveCaller: (incoming) => resolveRequestCaller(prisma, incoming),
    slots,
    isTokenActive: (tokenId) => isApiTokenActive(prisma, tokenId),
  });
});
