// GraphQL at /api/graphql, for real: the Next route handler served on a loopback port, the app's
// database (PGlite), the embedded executor running the pipeline. A project goes prompt → plan
// approval → run → preview → follow-up → rollback through GraphQL alone; the runEvents
// subscription streams the first run live over SSE; other tenants, roles and token scopes are
// refused as in the dashboard; oversized queries are 400s with a message.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRunStatuses } from "../../events/run-statuses";
import { waitForRun } from "../../testing/wait-for-run";
import { pointAppAtFlowDatabase } from "../../testing/flow-database";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-graphql-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3997";
const flowDatabase = await pointAppAtFlowDatabase();

const { getMigratedDatabase, getRunEventHub } = await import("../../db");
const { ensureAppExecutor } = await import("../../../inngest/embedded-executor");
const { createTestUser } = await import("../../testing/callers");
const { createApiToken } = await import("../../users/api-tokens");
const { serveFetchHandler } = await import("../../testing/serve-fetch-handler");
const { readSse } = await import("../../testing/read-sse");
const { fetchPreview } = await import("../../testing/fetch-preview");
const route = await import("../../../app/api/graphql/route");
const { createGraphQLHandler } = await import("./handler");
const { isSameOriginRequest } = await import("../request-api-caller");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
type GraphQLBody = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string; issues?: unknown } }> };

let db: Db;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;

async function gql(query: string, variables: Record<string, unknown>, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** The data of a call that must succeed. */
async function data<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { status, body } = await gql(query, variables, token);
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  expect(status).toBe(200);
  return body.data as T;
}

async function tokenFor(userId: string, workspaceId: string, scope: "READ" | "WRITE" | "ADMIN" = "WRITE") {
  return (await createApiToken(db, { userId, workspaceId, name: `graphql ${scope}`, scope })).secret;
}

beforeAll(async () => {
  const database = await getMigratedDatabase();
  // The twin really runs on PostgreSQL (and this file on PGlite).
  if (database.driver.kind !== flowDatabase.kind) throw new Error(`expected ${flowDatabase.kind}, got ${database.driver.kind}`);
  db = database.prisma;
  await ensureAppExecutor();
  server = await serveFetchHandler((request) => route.POST(request, undefined as never));
}, 600_000);

afterAll(async () => {
  await server?.close();
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await getRunEventHub().close();
  await (await getMigratedDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  await flowDatabase.drop();
}, 300_000);

/** A loaded machine (CI with other suites) can take many minutes per run. */
const RUN_TIMEOUT = 1_000_000;
const RUN_FIELDS = "id status error project { id previewUrl } requirements { total passed }";

describe("GraphQL: prompt → plan → run → preview → follow-up → rollback", { timeout: 2_400_000 }, () => {
  it("drives a project end to end, and the subscription streams the run's events live", async () => {
    const { user, workspace } = await createTestUser(db, "graphql-owner");
    const token = await tokenFor(user.id, workspace.id);

    const created = await data<{ createProject: { id: string; status: string; project: { id: string } } }>(
      `mutation ($ws: ID!, $prompt: String!) { createProject(workspaceId: $ws, prompt: $prompt, requiresPlanApproval: true) { ${RUN_FIELDS} } }`,
      { ws: workspace.id, prompt: "landing page for Rosie's Bakery with our menu and opening hours" },
      token,
    );
    const runId = created.createProject.id;
    const projectId = created.createProject.project.id;

    // The subscription follows the run from its first event, live, until it finishes.
    const streamed = readSse(
      `${server.url}/api/graphql`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "subscription ($id: ID!) { runEvents(runId: $id) { seq type } }", variables: { id: runId } }),
      },
      () => false,
    );

    await waitForRun(db, runId, ["WAITING"], RUN_TIMEOUT);
    const waiting = await data<{ run: { status: string; plan: { requirements?: unknown[] } } }>(`query ($id: ID!) { run(id: $id) { status plan } }`, { id: runId }, token);
    expect(waiting.run.status).toBe("WAITING");
    expect(waiting.run.plan).toBeTruthy();
    await data(`mutation ($id: ID!) { approvePlan(runId: $id, feedback: "looks right") { id } }`, { id: runId }, token);
    const finished = await waitForRun(db, runId, undefined, RUN_TIMEOUT);
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(finished.status);

    const sse = await streamed;
    expect(sse.status).toBe(200);
    const events = sse.messages.filter((message) => message.event === "next").map((message) => (JSON.parse(message.data) as { data: { runEvents: { seq: number; type: string } } }).data.runEvents);
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: finished.lastSeq }, (_, index) => index + 1));
    expect(events.some((event) => event.type === "plan.review_requested" || event.type.startsWith("plan."))).toBe(true);
    expect(events.at(-1)!.type).toMatch(/^run\.(succeeded|ready_with_gaps)$/);

    // The preview is live where GraphQL says.
    const ready = await data<{ project: { status: string; previewUrl: string; versions: Array<{ id: string; number: number }> } }>(
      `query ($id: ID!) { project(id: $id) { status previewUrl versions { id number fileCount } } }`,
      { id: projectId },
      token,
    );
    expect(ready.project.status).toBe("READY");
    expect((await fetchPreview(db, ready.project.previewUrl)).status).toBe(200);

    // Follow-up → a second version.
    const followUp = await data<{ followUp: { id: string } }>(
      `mutation ($id: ID!) { followUp(projectId: $id, prompt: "add a contact section with our phone number") { id status } }`,
      { id: projectId },
      token,
    );
    // The project asks for plan approval, so the follow-up's plan waits for it too.
    expect((await waitForRun(db, followUp.followUp.id, ["WAITING", ...finishedRunStatuses], RUN_TIMEOUT)).status).toBe("WAITING");
    await data(`mutation ($id: ID!) { approvePlan(runId: $id) { id } }`, { id: followUp.followUp.id }, token);
    const second = await waitForRun(db, followUp.followUp.id, undefined, RUN_TIMEOUT);
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(second.status);

    // The nested read: workspace → projects → last run → events / agent tasks → versions → deployments.
    const nested = await data<{
      viewer: { workspaces: Array<{ id: string; viewerRole: string; projects: Array<{ id: string; runs: Array<{ id: string; events: unknown[]; agentTasks: unknown[]; versions: Array<{ number: number; deployments: unknown[] }> }>; versions: Array<{ id: string; number: number }> }> }> };
    }>(
      `{ viewer { workspaces { id viewerRole projects(first: 5) { id runs(first: 1) { id status events(first: 3) { seq type } agentTasks { agentName status } versions { number deployments { status } } } versions { id number } } } } }`,
      {},
      token,
    );
    expect(nested.viewer.workspaces.map((w) => w.id)).toEqual([workspace.id]); // a token sees its own workspace only
    expect(nested.viewer.workspaces[0]!.viewerRole).toBe("OWNER");
    const project = nested.viewer.workspaces[0]!.projects.find((p) => p.id === projectId)!;
    expect(project.runs[0]!.id).toBe(followUp.followUp.id);
    expect(project.runs[0]!.events.length).toBe(3);
    expect(project.runs[0]!.agentTasks.length).toBeGreaterThan(0);
    expect(project.versions.length).toBeGreaterThanOrEqual(2);

    // Roll back to the first version: the live preview serves it again.
    const first = project.versions.at(-1)!;
    const rolledBack = await data<{ rollback: { status: string; version: { number: number } } }>(
      `mutation ($p: ID!, $v: ID!) { rollback(projectId: $p, versionId: $v) { status deploymentUrl version { number } } }`,
      { p: projectId, v: first.id },
      token,
    );
    expect(rolledBack.rollback).toMatchObject({ status: "READY", version: { number: first.number } });
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).liveVersionId).toBe(first.id);
  });
});

describe("GraphQL: who may do what", { timeout: 120_000 }, () => {
  it("answers another tenant's ids as not found, and refuses by role and token scope", async () => {
    const owner = await createTestUser(db, "gql-tenant-a");
    const stranger = await createTestUser(db, "gql-tenant-b");
    const viewer = await createTestUser(db, "gql-viewer");
    const team = await owner.api.workspace.create({ name: "Team" });
    const { token: invitation } = await owner.api.workspace.invite({ workspaceId: team.id, email: viewer.user.email, role: "VIEWER" });
    await viewer.api.workspace.acceptInvitation({ token: invitation });
    const { project, run } = await owner.api.project.create({ workspaceId: team.id, prompt: "a todo list app" });

    const strangerToken = await tokenFor(stranger.user.id, stranger.workspace.id);
    for (const [query, variables] of [
      ["query ($id: ID!) { project(id: $id) { id name } }", { id: project.id }],
      ["query ($id: ID!) { run(id: $id) { id } }", { id: run.id }],
      ["query ($id: ID!) { workspace(id: $id) { id } }", { id: team.id }],
      ['mutation ($id: ID!) { followUp(projectId: $id, prompt: "steal it") { id } }', { id: project.id }],
      ["mutation ($id: ID!) { cancelRun(runId: $id) { id } }", { id: run.id }],
    ] as const) {
      const { body } = await gql(query, variables, strangerToken);
      expect(body.errors?.[0]?.extensions?.code, query).toBe("NOT_FOUND");
      expect(Object.values(body.data ?? {}).every((value) => value === null), query).toBe(true); // nothing leaks
    }
    // A missing id reads exactly like someone else's.
    const missing = await gql("query ($id: ID!) { project(id: $id) { id } }", { id: "cmissingprojectid000000000" }, strangerToken);
    expect(missing.body.errors?.[0]).toMatchObject({ message: "Project not found", extensions: { code: "NOT_FOUND" } });

    // A token of the owner's for *another* workspace of theirs does not reach this one.
    const sideToken = await tokenFor(owner.user.id, owner.workspace.id);
    expect((await gql("query ($id: ID!) { project(id: $id) { id } }", { id: project.id }, sideToken)).body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    // A viewer reads but may not change anything.
    const viewerToken = await tokenFor(viewer.user.id, team.id, "READ");
    expect((await data<{ project: { id: string } }>("query ($id: ID!) { project(id: $id) { id } }", { id: project.id }, viewerToken)).project.id).toBe(project.id);
    const viewerWrite = await createApiToken(db, { userId: viewer.user.id, workspaceId: team.id, name: "w", scope: "WRITE" });
    const denied = await gql('mutation ($id: ID!) { followUp(projectId: $id, prompt: "change it") { id } }', { id: project.id }, viewerWrite.secret);
    expect(denied.body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(denied.body.errors?.[0]?.message).toMatch(/member role/);

    // A read-only token may not write, even for the owner.
    const readOnly = await tokenFor(owner.user.id, team.id, "READ");
    const scoped = await gql('mutation ($id: ID!) { followUp(projectId: $id, prompt: "change it") { id } }', { id: project.id }, readOnly);
    expect(scoped.body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(scoped.body.errors?.[0]?.message).toMatch(/read scope/);
    expect(await db.run.count({ where: { projectId: project.id } })).toBe(1); // nothing was started

    // A bad token; a cross-origin call riding on a cookie gets no session either. (A plain signed-out
    // call asks NextAuth, which needs Next's request scope: the e2e suite covers it.)
    expect((await gql("{ viewer { id } }", {}, "epic_not-a-real-token")).body.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
    expect((await gql("{ viewer { id } }", {}, undefined, { Origin: "https://evil.example", Cookie: "next-auth.session-token=x" })).body.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");

    // Bad input names the field, and writes nothing.
    const badPrompt = await gql('mutation ($ws: ID!) { createProject(workspaceId: $ws, prompt: "   ") { id } }', { ws: team.id }, await tokenFor(owner.user.id, team.id));
    expect(badPrompt.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" } });
    expect(badPrompt.body.errors?.[0]?.message).toMatch(/prompt/);
    const unknownField = await gql('mutation ($ws: ID!) { createProject(workspaceId: $ws, prompt: "x", colour: "red") { id } }', { ws: team.id }, strangerToken);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.[0]?.message).toMatch(/colour/);
  });
});

describe("GraphQL: a team's members", { timeout: 120_000 }, () => {
  it("invites, lists, changes roles and removes members, for admins with an admin-scope token only", async () => {
    const owner = await createTestUser(db, "gql-team-owner");
    const bob = await createTestUser(db, "gql-team-bob");
    const team = await owner.api.workspace.create({ name: "GraphQL team" });
    const adminToken = await tokenFor(owner.user.id, team.id, "ADMIN");
    const writeToken = await tokenFor(owner.user.id, team.id, "WRITE");
    const invite = `mutation ($ws: ID!, $email: String!) { inviteMember(workspaceId: $ws, email: $email, role: ADMIN) { invitationId path } }`;

    expect((await gql(invite, { ws: team.id, email: bob.user.email }, writeToken)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const { inviteMember } = await data<{ inviteMember: { invitationId: string; path: string } }>(invite, { ws: team.id, email: bob.user.email }, adminToken);
    await bob.api.workspace.acceptInvitation({ token: new URLSearchParams(inviteMember.path.split("?")[1]).get("callbackUrl")!.split("/").at(-1)! });

    const members = `query ($ws: ID!) { workspace(id: $ws) { members { userId email role } } }`;
    const listed = await data<{ workspace: { members: Array<{ userId: string; email: string; role: string }> } }>(members, { ws: team.id }, adminToken);
    expect(listed.workspace.members.map((member) => [member.email, member.role])).toEqual([[owner.user.email, "OWNER"], [bob.user.email, "ADMIN"]]);

    const bobToken = await tokenFor(bob.user.id, team.id, "ADMIN");
    const changed = await data<{ changeMemberRole: { userId: string; role: string } }>(
      `mutation ($ws: ID!, $user: ID!) { changeMemberRole(workspaceId: $ws, userId: $user, role: VIEWER) { userId role } }`,
      { ws: team.id, user: bob.user.id },
      adminToken,
    );
    expect(changed.changeMemberRole).toEqual({ userId: bob.user.id, role: "VIEWER" });
    // Made while bob was an admin; as a viewer, his admin-scope token administers nothing.
    const denied = await gql(`mutation ($ws: ID!, $user: ID!) { removeMember(workspaceId: $ws, userId: $user) }`, { ws: team.id, user: owner.user.id }, bobToken);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const removed = await data<{ removeMember: string }>(`mutation ($ws: ID!, $user: ID!) { removeMember(workspaceId: $ws, userId: $user) }`, { ws: team.id, user: bob.user.id }, adminToken);
    expect(removed.removeMember).toBe(bob.user.id);
    expect(await db.membership.count({ where: { workspaceId: team.id } })).toBe(1);
  });
});

describe("GraphQL: limits and error masking", { timeout: 120_000 }, () => {
  it("refuses queries that are too deep or too expensive with a 400 that says why", async () => {
    const { user, workspace } = await createTestUser(db, "gql-limits");
    const token = await tokenFor(user.id, workspace.id);

    // Deep: run → project → runs → project → … (one item per list, so only the depth is large),
    // through fragments, which cannot hide it.
    const deep = await gql(
      `fragment P on Project { runs(first: 1) { project { runs(first: 1) { project { runs(first: 1) { project { runs(first: 1) { id } } } } } } } }
       query ($id: ID!) { run(id: $id) { project { runs(first: 1) { project { ...P } } } } }`,
      { id: "cmissingrunid0000000000000" }, // refused before anything runs: the id is never looked up
      token,
    );
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.message).toMatch(/too deep.*GRAPHQL_MAX_DEPTH/);
    expect(deep.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_LARGE");

    // Expensive: 10 workspaces × 50 projects × 100 runs × 500 events.
    const costly = await gql(`{ viewer { workspaces { projects(first: 50) { runs(first: 100) { events(first: 500) { seq type payload } } } } } }`, {}, token);
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]?.message).toMatch(/too expensive.*GRAPHQL_MAX_COST/);

    // Many aliases of one field count one by one.
    const aliases = Array.from({ length: 400 }, (_, index) => `a${index}: viewer { workspaces { projects { id name } } }`).join(" ");
    expect((await gql(`{ ${aliases} }`, {}, token)).status).toBe(400);

    // A modest nested read passes.
    expect((await gql("{ viewer { workspaces { projects(first: 10) { runs(first: 1) { id status } } } } }", {}, token)).status).toBe(200);
  });

  it("serves introspection only when enabled, and masks unexpected errors", async () => {
    const { user, workspace } = await createTestUser(db, "gql-introspection");
    const token = await tokenFor(user.id, workspace.id);
    expect((await gql("{ __schema { queryType { name } } }", {}, token)).body.data).toEqual({ __schema: { queryType: { name: "Query" } } });

    let failing = false;
    const closed = createGraphQLHandler({
      deps: async () => {
        if (failing) throw new Error("connection to 10.0.0.7:5432 refused (secret internals)");
        return { db, getSessionUser: async () => null, hub: getRunEventHub() };
      },
      isIntrospectionEnabled: false,
      limits: { maxDepth: 10, maxCost: 50_000 },
    });
    const other = await serveFetchHandler(closed);
    try {
      const post = (query: string) =>
        fetch(`${other.url}/api/graphql`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json", Authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      const introspection = await post("{ __schema { types { name } } }");
      expect(introspection.status).toBe(400);
      expect(((await introspection.json()) as GraphQLBody).errors?.[0]?.message).toMatch(/introspection/i);
      expect(((await (await post("{ viewer { id } }")).json()) as GraphQLBody).data).toEqual({ viewer: { id: user.id } });

      failing = true;
      const broken = await post("{ viewer { id } }");
      const text = await broken.text();
      expect(text).not.toMatch(/10\.0\.0\.7|secret internals|at .*\.ts/);
    } finally {
      await other.close();
    }
  });

  it("counts the session cookie only for same-origin requests", () => {
    const request = (headers: Record<string, string>) => new Request("http://app.example/api/graphql", { headers: { host: "app.example", ...headers } });
    expect(isSameOriginRequest(request({}))).toBe(true);
    expect(isSameOriginRequest(request({ origin: "http://app.example", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-site", origin: "http://x.preview.app.example" }))).toBe(false);
  });
});
