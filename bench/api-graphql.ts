// The GraphQL nested read against the same data through tRPC, over real HTTP with an API token:
// a workspace's 20 projects, each with its last run. GraphQL asks once (one Prisma query per root
// field); tRPC needs the projects, then each project's last run (one batched request).
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { createGraphQLHandler } from "../server/api/graphql/handler";
import { appRouter, type AppRouter } from "../server/api/root";
import { createTRPCContext } from "../server/api/trpc";
import { createProject } from "../server/projects/create-project";
import { createRunEventBus } from "../server/runs/run-event-bus";
import { createRunEventHub } from "../server/runs/run-event-hub";
import { createTestUser } from "../server/testing/callers";
import { serveFetchHandler } from "../server/testing/serve-fetch-handler";
import { createTestDatabase } from "../server/testing/test-database";
import type { Db } from "../server/db";
import { createApiToken } from "../server/users/api-tokens";
import { ms, summarize } from "./stats";

export type ApiReadResult = { name: string; requests: number; concurrency: number; perSecond: number; p50: number; p99: number };

const NESTED_QUERY = "query ($ws: ID!) { workspace(id: $ws) { id name projects(first: 20) { id name status runs(first: 1) { id status finishedAt } } } }";

async function measure(name: string, requests: number, concurrency: number, once: () => Promise<void>): Promise<ApiReadResult> {
  for (let index = 0; index < 20; index++) await once(); // warm-up: caches, JIT, connections
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const at = performance.now();
        await once();
        latencies.push(performance.now() - at);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { p50, p99 } = summarize(latencies);
  return { name, requests, concurrency, perSecond: requests / seconds, p50, p99 };
}

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

export async function benchApiGraphQL({ kind = "pglite" as "pglite" | "postgres", projects = 20, requests = 300, concurrency = 4 } = {}) {
  const database = await createTestDatabase(kind);
  const db = database.prisma;
  const owner = await createTestUser(db, "bench-api");
  for (let index = 0; index < projects; index++) {
    await createProject(db, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: `bench project ${index}` });
  }
  const { secret } = await createApiToken(db, { userId: owner.user.id, workspaceId: owner.workspace.id, name: "bench", scope: "READ" });
  const authorization = `Bearer ${secret}`;

  const graphql = await serveGraphQLNestedRead(database);
  const trpc = await serveFetchHandler((request) =>
    fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => createTRPCContext({ db, headers: request.headers }) }),
  );
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${trpc.url}/api/trpc`, transformer: superjson, headers: { authorization }, maxItems: 20 })],
  });

  try {
    const results = [
      await measure("GraphQL: workspace → projects → last run", requests, concurrency, async () => {
        const response = await graphql.send(owner.workspace.id, secret);
        const body = (await response.json()) as { errors?: unknown; data?: { workspace: { projects: unknown[] } } };
        if (body.errors || body.data?.workspace.projects.length !== projects) throw new Error(`GraphQL bench read failed: ${JSON.stringify(body).slice(0, 300)}`);
      }),
      await measure("tRPC: the same data (projects, then last runs batched)", requests, concurrency, async () => {
        const [, list] = await Promise.all([client.workspace.get.query({ workspaceId: owner.workspace.id }), client.project.list.query({ workspaceId: owner.workspace.id, limit: 20 })]);
        const runs = await Promise.all(list.items.map((project) => client.run.list.query({ projectId: project.id, limit: 1 })));
        if (runs.length !== projects) throw new Error("tRPC bench read failed");
      }),
    ];
    return { kind, projects, results };
  } finally {
    await graphql.close();
    await trpc.close();
    await database.cleanup();
  }
}

export function formatApiGraphQL({ kind, projects, results }: Awaited<ReturnType<typeof benchApiGraphQL>>): string {
  const lines = [`API nested read (${kind}, ${projects} projects with a run each, over HTTP with a token):`];
  for (const result of results) {
    lines.push(`  ${result.name}: ${result.perSecond.toFixed(0)} req/s (${result.requests} requests, ${result.concurrency} at a time), p50 ${ms(result.p50)}, p99 ${ms(result.p99)}`);
  }
  return lines.join("\n");
}
