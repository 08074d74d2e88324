// The API gateway's read path, side by side on one database: the same data (a workspace's first
// 20 projects) as a REST read (/api/v1) and as a tRPC query (/api/trpc), over real loopback HTTP
// with the app's route stacks; the nested read (workspace → projects → last run) through GraphQL
// and through tRPC; plus what the rate limiter adds (REST with the limiter on vs off,
// and one limitApiRequest call on its own). Requests run `concurrency` at a time.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../server/api/root";
import { createTRPCContext } from "../server/api/trpc";
import { createRestRoute } from "../server/api/rest/rest-route";
import { limitApiRequest, type ApiRateLimitBudgets } from "../server/http/api-rate-limit";
import { guardRoute } from "../server/http/route-guard";
import { createProject } from "../server/projects/create-project";
import { createTestUser } from "../server/testing/callers";
import { serveFetchHandler } from "../server/testing/serve-fetch-handler";
import { createTestDatabase, type TestDatabaseKind } from "../server/testing/test-database";
import { serveGraphQLNestedRead } from "./api-graphql";
import { ms, summarize } from "./stats";

export type ApiLine = { name: string; requests: number; requestsPerSecond: number; p50: number; p99: number };
export type ApiBenchResult = { kind: TestDatabaseKind; lines: ApiLine[]; limiterCall: { p50: number; p99: number } };

const roomy: ApiRateLimitBudgets = { windowSeconds: 60, reads: 1_000_000, writes: 1_000_000, runs: 1_000_000, ipMultiplier: 1 };

async function measure(name: string, requests: number, concurrency: number, send: () => Promise<Response>): Promise<ApiLine> {
  for (let i = 0; i < 20; i++) await (await send()).arrayBuffer(); // warm-up: JIT, connection pool, caches
  const latencies: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const since = performance.now();
        const response = await send();
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
        latencies.push(performance.now() - since);
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const stats = summarize(latencies);
  return { name, requests: latencies.length, requestsPerSecond: latencies.length / seconds, p50: stats.p50, p99: stats.p99 };
}

export async function benchApiGateway(options: { kind: TestDatabaseKind; requests: number; concurrency: number; log?: (line: string) => void }): Promise<ApiBenchResult> {
  const log = options.log ?? (() => {});
  const database = await createTestDatabase(options.kind);
  const db = database.prisma;
  const servers: Array<{ close(): Promise<void> }> = [];
  try {
    const owner = await createTestUser(db, "api-bench");
    const { secret } = await owner.api.user.createApiToken({ workspaceId: owner.workspace.id, name: "bench", scope: "READ" });
    for (let i = 0; i < 25; i++) await createProject(db, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: `Bench app number ${i}` });
    const auth = { authorization: `Bearer ${secret}` };

    const rest = await serveFetchHandler(createRestRoute({ getDb: async () => db, rateLimits: roomy }));
    const restUnlimited = await serveFetchHandler(createRestRoute({ getDb: async () => db, rateLimits: false }));
    const trpc = await serveFetchHandler(
      guardRoute(async (request) =>
        fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => createTRPCContext({ db, headers: request.headers }) }),
      ),
    );
    servers.push(rest, restUnlimited, trpc);

    const restPath = `/api/v1/workspaces/${owner.workspace.id}/projects?limit=20`;
    const trpcInput = encodeURIComponent(JSON.stringify({ json: { workspaceId: owner.workspace.id, limit: 20 } }));
    const lines: ApiLine[] = [];
    const { requests, concurrency } = options;
    log(`${options.kind}: measuring ${requests} requests per line, ${concurrency} at a time`);
    lines.push(await measure("REST read (rate limited)", requests, concurrency, () => fetch(`${rest.url}${restPath}`, { headers: auth })));
    log(`${options.kind}: ${lines.at(-1)!.name} done`);
    lines.push(await measure("REST read (limiter off)", requests, concurrency, () => fetch(`${restUnlimited.url}${restPath}`, { headers: auth })));
    log(`${options.kind}: ${lines.at(-1)!.name} done`);
    lines.push(await measure("tRPC query (same data)", requests, concurrency, () => fetch(`${trpc.url}/api/trpc/project.list?input=${trpcInput}`, { headers: auth })));
    log(`${options.kind}: ${lines.at(-1)!.name} done`);
    // The nested read (workspace → 20 projects → each one's last run): GraphQL in one request,
    // tRPC as the dashboard would fetch it (the projects, then their last runs in one batch).
    const graphql = await serveGraphQLNestedRead(database);
    servers.push(graphql);
    lines.push(
      await measure("GraphQL nested read (workspace → projects → last run)", requests, concurrency, async () => {
        const response = await graphql.send(owner.workspace.id, secret);
        const body = (await response.clone().json()) as { errors?: unknown; data?: { workspace: { projects: unknown[] } } };
        if (body.errors || body.data?.workspace.projects.length !== 20) throw new Error(`GraphQL read failed: ${JSON.stringify(body).slice(0, 300)}`);
        return response;
      }),
    );
    log(`${options.kind}: ${lines.at(-1)!.name} done`);
    lines.push(
      await measure("tRPC, the same nested data (projects, then last runs batched)", requests, concurrency, async () => {
        const list = (await (await fetch(`${trpc.url}/api/trpc/project.list?input=${trpcInput}`, { headers: auth })).json()) as { result: { data: { json: { items: Array<{ id: string }> } } } };
        const projectIds = list.result.data.json.items.map((project) => project.id);
        const batchInput = Object.fromEntries(projectIds.map((projectId, index) => [index, { json: { projectId, limit: 1 } }]));
        const procedures = projectIds.map(() => "run.list").join(",");
        return fetch(`${trpc.url}/api/trpc/${procedures}?batch=1&input=${encodeURIComponent(JSON.stringify(batchInput))}`, { headers: auth });
      }),
    );
    log(`${options.kind}: ${lines.at(-1)!.name} done`);

    const limiterSamples: number[] = [];
    const probe = new Request("http://127.0.0.1/api/v1/bench", { headers: auth });
    for (let i = 0; i < Math.min(requests, 300); i++) {
      const since = performance.now();
      await limitApiRequest(probe, { kind: "read", db, callerKey: "bench", budgets: roomy });
      limiterSamples.push(performance.now() - since);
    }
    const limiterStats = summarize(limiterSamples);
    return { kind: options.kind, lines, limiterCall: { p50: limiterStats.p50, p99: limiterStats.p99 } };
  } finally {
    for (const server of servers) await server.close();
    await database.cleanup();
  }
}

export function formatApiGateway(results: ApiBenchResult[]): string {
  const rows = results.flatMap((result) => [
    ...result.lines.map((line) => `| ${result.kind} | ${line.name} | ${line.requests} | ${line.requestsPerSecond.toFixed(0)} | ${ms(line.p50)} | ${ms(line.p99)} |`),
    `| ${result.kind} | limitApiRequest alone (2 counters: caller + address) | — | — | ${ms(result.limiterCall.p50)} | ${ms(result.limiterCall.p99)} |`,
  ]);
  return [
    "API gateway: a workspace's first 20 projects, over loopback HTTP",
    "| database | path | requests | req/s | p50 | p99 |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}
