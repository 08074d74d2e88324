import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";
import { getSessionUser } from "~/server/auth/session";
import { getMigratedDatabase } from "~/server/db";
import { guardRoute } from "~/server/http/route-guard";
import { reportError } from "~/server/observability/error-reporting";
import { getLogger } from "~/server/observability/logger";

const log = getLogger("trpc");

/** Procedures per batched request; the client's httpBatchLink sends at most TRPC_CLIENT_MAX_BATCH. */
const MAX_BATCH_SIZE = 16;

const handler = guardRoute(async (request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () =>
      createTRPCContext({ db: (await getMigratedDatabase()).prisma, headers: request.headers, getSessionUser }),
    // The client sees only the request id (errorFormatter in server/api/trpc.ts); the log has the rest.
    onError({ error, path, ctx }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      log.error({ err: error.cause ?? error, requestId: ctx?.requestId, procedure: path ?? "?" }, "tRPC procedure failed");
      void reportError(error.cause ?? error, { procedure: path });
    },
    // A rate-limited call says when to come back, as a header too.
    responseMeta({ errors }) {
      const retryAfter = errors
        .map((error) => (error.cause as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds)
        .find((seconds): seconds is number => typeof seconds === "number");
      return retryAfter === undefined ? {} : { headers: { "Retry-After": String(retryAfter) } };
    },
  }),
);

export { handler as GET, handler as POST };
