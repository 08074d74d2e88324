// The HTTP face of a run's event stream, independent of Next so it can be served and tested anywhere.
import type { Db } from "../db";
import { ZId } from "../validation/common";
import { findRunForUser } from "./get-run-for-user";
import type { RunEventHub } from "./run-event-hub";
import { createRunEventStream, parseLastEventId } from "./run-event-stream";

export type RunEventsDeps = {
  db: Db;
  hub: RunEventHub;
  resolveUser: (request: Request) => Promise<{ id: string } | null>;
  heartbeatMs?: number;
};

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

export async function handleRunEventsRequest(request: Request, runId: string, deps: RunEventsDeps): Promise<Response> {
  if (!ZId.safeParse(runId).success) return json({ error: "Invalid run id" }, 400);
  const user = await deps.resolveUser(request);
  if (!user) return json({ error: "Sign in or send an API token" }, 401);
  // Someone else's run and a missing run get the same answer.
  if (!(await findRunForUser(deps.db, runId, user.id))) return json({ error: "Run not found" }, 404);

  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  const stream = createRunEventStream({
    source: deps.hub.source(runId),
    runId,
    afterSeq: parseLastEventId(lastEventId),
    heartbeatMs: deps.heartbeatMs,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
