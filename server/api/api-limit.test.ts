// GraphQL and MCP count each request against the API's rate limits by kind (read, change, run
// start), with the real database-backed limiter: the budget runs out, the answer is 429 with
// Retry-After, and other kinds keep their own budgets.
import { randomBytes } from "node:crypto";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLimiter } from "../rate-limit/limiter";
import { createRunEventBus } from "../runs/run-event-bus";
import { createRunEventHub } from "../runs/run-event-hub";
import { createTestUser } from "../testing/callers";
import { serveFetchHandler } from "../testing/serve-fetch-handler";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { createApiToken } from "../users/api-tokens";
import { graphqlRequestKind, mcpRequestKind, type ApiRequestKind, type LimitRequest } from "./api-limit";
import { createGraphQLHandler } from "./graphql/handler";
import { handleMcpRequest } from "./mcp/handler";

describe("request kinds", () => {
  it("tells reads, changes and run starts apart", () => {
    expect(graphqlRequestKind(parse("{ viewer { id } }"))).toBe("read");
    expect(graphqlRequestKind(parse("subscription { runEvents(runId: \"x\") { seq } }"))).toBe("read");
    expect(graphqlRequestKind(parse('mutation { rollback(projectId: "p", versionId: "v") { id } }'))).toBe("write");
    expect(graphqlRequestKind(parse('mutation { approvePlan(runId: "r") { id } createProject(workspaceId: "w", prompt: "p") { id } }'))).toBe("run");
    expect(graphqlRequestKind(parse('query A { viewer { id } } mutation B { retryRun(runId: "r") { id } }'), "B")).toBe("run");
    expect(mcpRequestKind({ jsonrpc: "2.0", id: 1, method: "tools/list" })).toBe("read");
    expect(mcpRequestKind({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_run" } })).toBe("read");
    expect(mcpRequestKind({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "rollback" } })).toBe("write");
    expect(mcpRequestKind([{ method: "tools/call", params: { name: "approve_plan" } }, { method: "tools/call", params: { name: "create_project" } }])).toBe("run");
    expect(mcpRequestKind("not json-rpc")).toBe("read");
  });
});

describe.each(testDatabaseKinds)("GraphQL and MCP rate limits on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  }, 300_000);
  afterAll(() => database.cleanup());

  /** The real limiter, with a small budget per kind for this test (an hour's window: a slow machine must not see it reset). */
  function limits(points: Record<ApiRequestKind, number>): LimitRequest {
    const prefix = randomBytes(4).toString("hex");
    return async (_request, requestKind) => {
      const rule = { name: `test-${prefix}-${requestKind}`, points: points[requestKind], durationSeconds: 3600 };
      const state = await createLimiter(database.prisma, rule).consume("caller");
      return {
        isAllowed: !state.isOverLimit,
        retryAfterSeconds: state.retryAfterSeconds,
        headers: { "RateLimit-Limit": String(rule.points), "RateLimit-Remaining": String(state.remaining) },
      };
    };
  }

  it("GraphQL: reads run out with 429 and Retry-After; invalid queries cost nothing; changes have their own budget", async () => {
    const db = database.prisma;
    const owner = await createTestUser(db, "gql-limit");
    const { secret } = await createApiToken(db, { userId: owner.user.id, workspaceId: owner.workspace.id, name: "t", scope: "WRITE" });
    const hub = createRunEventHub({ db, bus: createRunEventBus(database.driver) });
    const server = await serveFetchHandler(
      createGraphQLHandler({
        deps: async () => ({ db, getSessionUser: async () => null, hub }),
        isIntrospectionEnabled: true,
        limits: { maxDepth: 4, maxCost: 1000 },
        limitRequest: limits({ read: 2, write: 1, run: 1 }),
      }),
    );
    const post = (query: string) =>
      fetch(`${server.url}/api/graphql`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json", Authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query }),
      });
    try {
      const first = await post("{ viewer { id } }");
      expect(first.status).toBe(200);
      expect(first.headers.get("ratelimit-remaining")).toBe("1");
      expect((await post("{ viewer { workspaces { projects { runs { events { seq } } } } } }")).status).toBe(400); // too deep: not counted
      expect((await post("{ viewer { id } }")).headers.get("ratelimit-remaining")).toBe("0");
      const refused = await post("{ viewer { id } }");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]).toMatchObject({ extensions: { code: "TOO_MANY_REQUESTS" } });
      expect(body.errors[0]!.message).toMatch(/Too many requests\. Try again in \d+ second/);

      // Changes count on their own: one allowed (refused by the procedure: no such project), then 429.
      const rollback = 'mutation { rollback(projectId: "cmissingprojectid000000000", versionId: "cmissingversionid00000000") { id } }';
      const change = (await (await post(rollback)).json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(change.errors[0]!.extensions.code).toBe("NOT_FOUND");
      expect((await post(rollback)).status).toBe(429);
      expect(await db.deployment.count()).toBe(0);
    } finally {
      await server.close();
      await hub.close();
    }
  });

  it("MCP: calls run out with 429 and Retry-After before any tool runs", async () => {
    const db = database.prisma;
    const owner = await createTestUser(db, "mcp-limit");
    const { secret } = await createApiToken(db, { userId: owner.user.id, workspaceId: owner.workspace.id, name: "t", scope: "WRITE" });
    // One limiter for the whole test: a new one per request would count every call afresh.
    const limitRequest = limits({ read: 5, write: 5, run: 1 });
    const server = await serveFetchHandler((request) => handleMcpRequest(request, { db, getSessionUser: async () => null, limitRequest }));
    const call = (name: string, args: Record<string, unknown>) =>
      fetch(`${server.url}/api/mcp`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${secret}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }),
      });
    try {
      const allowed = await call("create_project", { prompt: "a tiny notes app" });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get("ratelimit-remaining")).toBe("0");
      const refused = await call("create_project", { prompt: "another one" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await db.project.count({ where: { workspaceId: owner.workspace.id } })).toBe(1);
      // Reads have their own budget.
      expect((await call("list_workspaces", {})).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
