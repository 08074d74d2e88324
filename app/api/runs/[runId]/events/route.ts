import { resolveRequestUser } from "~/server/auth/request-user";
import { getMigratedDatabase, getRunEventHub } from "~/server/db";
import { handleRunEventsRequest } from "~/server/runs/run-events-handler";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ runId: string }> };

/** GET /api/runs/:runId/events — the run's events as server-sent events, resumable with Last-Event-ID. */
export async function GET(request: Request, { params }: RouteContext) {
  const { prisma } = await getMigratedDatabase();
  return handleRunEventsRequest(request, (await params).runId, {
    db: prisma,
    hub: getRunEventHub(),
    resolveUser: (incoming) => resolveRequestUser(prisma, incoming),
  });
}
