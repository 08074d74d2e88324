// The GraphQL endpoint for the API gateway bench (bench/api-gateway.ts): the nested read of a
// workspace's 20 projects, each with its last run, asked once (one Prisma query per root field).
import { createGraphQLHandler } from "../server/api/graphql/handler";
import { createRunEventBus } from "../server/runs/run-event-bus";
import { createRunEventHub } from "../server/runs/run-event-hub";
import { serveFetchHandler } from "../server/testing/serve-fetch-handler";
import type { Db } from "../server/db";

const NESTED_QUERY = "query ($ws: ID!) { workspace(id: $ws) { id name projects(first: 20) { id name status runs(first: 1) { id status finishedAt } } } }";

/**
 * The GraphQL endpoint on a loopback port over `db`, with a `send` for the nested read: the piece
 * the API gateway bench (bench/api-gateway.ts) adds as its GraphQL line.
 */
export async function serveGraphQLNestedRead(database: { prisma: Db; driver: Parameters<typeof createRunEventBus>[0] }) {
  const hub = createRunEventHub({ db: database.prisma, bus: createRunEventBus(database.driver) });
  const server = await serveFetchHandler(
    createGraphQLHandler({ deps: async () => ({ db: database.prisma, getSessionUser: async () => null, hub }), isIntrospectionEnabled: false, limits: { maxDepth: 10, maxCost: 50_000 } }),
  );
  return {
    url: server.url,
    send: (workspaceId: string, token: string) =>
      fetch(`${server.url}/api/graphql`, {
        method: "POST",
        headers: { "Content-Type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: NESTED_QUERY, variables: { ws: workspaceId } }),
      }),
    close: async () => {
      await server.close();
      await hub.close();
    },
  };
}
