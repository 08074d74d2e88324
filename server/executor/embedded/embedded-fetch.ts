// The `fetch` the Inngest client uses in embedded mode. The SDK sends events (`inngest.send`,
// `step.sendEvent`) as `POST <eventBaseUrl>/e/<eventKey>`; this answers that in-process by
// ingesting into our database, so no event server is needed. Nothing else of Inngest's API
// exists here, and no request ever leaves the process.
import { z } from "zod";
import { resolveEventSink } from "../store/event-sink";
import { createIdFromSeed } from "../store/create-id";
import { sendExecutorEvent, ZExecutorEventInput, type ExecutorEventInput } from "../store/send-executor-event";

export const embeddedBaseUrl = "http://embedded-executor.invalid/";
const embeddedOrigin = new URL(embeddedBaseUrl).origin;

const eventIdSeedHeader = "x-inngest-event-id-seed";

/** Ids derived from the SDK's per-send seed ("<millis>,<entropy>"), for events sent without one. */
function withSeededIds(events: ExecutorEventInput[], seed: string | null): ExecutorEventInput[] {
  const match = seed?.match(/^(\d+),(.+)$/);
  if (!match) return events;
  const timeMs = Number(match[1]);
  return events.map((event, index) => (event.id ? event : { ...event, id: createIdFromSeed(timeMs, match[2] ?? "", index) }));
}

export async function embeddedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin !== embeddedOrigin) {
    return Response.json({ error: `The embedded executor does not reach ${url.origin}` }, { status: 404 });
  }
  if (request.method === "POST" && url.pathname.startsWith("/e/")) {
    const parsed = z.array(ZExecutorEventInput).safeParse([await request.json()].flat());
    if (!parsed.success) return Response.json({ status: 400, error: parsed.error.message }, { status: 400 });
    const events = withSeededIds(parsed.data, request.headers.get(eventIdSeedHeader));
    const sink = await resolveEventSink();
    if (!sink) {
      return Response.json(
        { status: 503, error: "No embedded executor in this process: start it with ensureEmbeddedExecutor() (instrumentation.ts does)" },
        { status: 503 },
      );
    }
    const { ids } = await sendExecutorEvent(sink.db, events);
    return Response.json({ ids, status: 200 });
  }
  return Response.json(
    { status: 404, error: `The embedded executor does not implement ${request.method} ${url.pathname}` },
    { status: 404 },
  );
}
