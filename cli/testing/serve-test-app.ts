// The parts of the app the CLI talks to, on a real loopback HTTP port: the tRPC handler (as
// app/api/trpc serves it) and the run-event stream (as app/api/runs/[runId]/events serves it),
// over the process's own database, with events sent to the embedded executor through Inngest.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../server/api/root";
import { createTRPCContext } from "../../server/api/trpc";
import type { Db } from "../../server/db";
import { getRunEventHub } from "../../server/db";
import { sendWithInngest } from "../../server/pipeline/send-event";
import { handleRunEventsRequest } from "../../server/runs/run-events-handler";
import type { StreamSlots } from "../../server/runs/stream-slots";
import { serveFetchHandler } from "../../server/testing/serve-fetch-handler";
import { isApiTokenActive, resolveApiToken } from "../../server/users/api-tokens";

export async function serveTestApp(db: Db, slots: StreamSlots) {
  return serveFetchHandler(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/api/trpc/")) {
      return fetchRequestHandler({
        endpoint: "/api/trpc",
        req: request,
        router: appRouter,
        createContext: () => createTRPCContext({ db, headers: request.headers, sendEvent: sendWithInngest }),
      });
    }
    const events = /^\/api\/runs\/([^/]+)\/events$/.exec(pathname);
    if (events) {
      return handleRunEventsRequest(request, events[1]!, {
        db,
        hub: getRunEventHub(),
        slots,
        isTokenActive: (tokenId) => isApiTokenActive(db, tokenId),
        resolveCaller: async (incoming) => {
          const bearer = incoming.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
          const resolved = bearer ? await resolveApiToken(db, bearer) : null;
          return resolved && { user: resolved.user, apiToken: resolved.grant };
        },
      });
    }
    return new Response("Not found", { status: 404 });
  });
}
