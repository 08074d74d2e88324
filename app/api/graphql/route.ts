import { getSessionUser } from "~/server/auth/session";
import { createGraphQLHandler } from "~/server/api/graphql/handler";
import { getMigratedDatabase, getRunEventHub } from "~/server/db";
import { env } from "~/server/env";
import { limitApiRequest } from "~/server/http/api-rate-limit";
import { guardRoute } from "~/server/http/route-guard";

export const dynamic = "force-dynamic";

// One handler per process (Next may bundle this module more than once; the schema is built once per bundle).
const graphql = createGraphQLHandler({
  deps: async () => ({ db: (await getMigratedDatabase()).prisma, getSessionUser, hub: getRunEventHub() }),
  isIntrospectionEnabled: env.GRAPHQL_INTROSPECTION,
  limits: { maxDepth: env.GRAPHQL_MAX_DEPTH, maxCost: env.GRAPHQL_MAX_COST },
  // The REST API's budgets, counted in the shared database: one limit whichever API a caller uses.
  limitRequest: (request, kind) => limitApiRequest(request, { kind }),
});

const handler = guardRoute((request) => graphql(request));

export { handler as GET, handler as POST };
