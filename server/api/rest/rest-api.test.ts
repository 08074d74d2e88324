// The REST API through real HTTP, against the same route stack the app mounts (guardRoute + the
// REST handler), on each test database: the documented routes, auth and tenancy, bad input,
// idempotency, pagination and rate limits.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ContextUser } from "../trpc";
import { createTestUser } from "../../testing/callers";
import { serveFetchHandler } from "../../testing/serve-fetch-handler";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { createVersion } from "../../versions/create-version";
import type { ApiRateLimitBudgets } from "../../http/api-rate-limit";
import { createRestRoute } from "./rest-route";

type TestUser = Awaited<ReturnType<typeof createTestUser>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const roomyLimits: ApiRateLimitBudgets = { windowSeconds: 60, reads: 10_000, writes: 10_000, runs: 10_000, ipMultiplier: 1 };
const sentEvents: Array<{ name: string }> = [];

describe.each(testDatabaseKinds)("REST API on %s", (kind) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  let alice: TestUser;
  let mallory: TestUser;
  let aliceToken: string;
  let aliceReadToken: string;
  let malloryToken: string;
  /** Who the "browser session" is for requests without a token. */
  let sessionUser: ContextUser | null = null;

  async function startServer(rateLimits: ApiRateLimitBudgets) {
    return serveFetchHandler(
      createRestRoute({
        getDb: async () => database.prisma,
        getSessionUser: async () => sessionUser,
        sendEvent: async (event) => void sentEvents.push(event),
        rateLimits,
      }),
    );
  }

  async function call(method: string, path: string, options: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; base?: string } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${options.base ?? server.url}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    let json: Json | null = null;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, json: json as Json, text };
  }

  async function tokenFor(user: TestUser, scope: "READ" | "WRITE" | "ADMIN", workspaceId = user.workspace.id) {
    const created = await user.api.user.createApiToken({ workspaceId, name: `${scope} token`, scope });
    return created.secret;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(roomyLimits);
    alice = await createTestUser(database.prisma, "rest-alice");
    mallory = await createTestUser(database.prisma, "rest-mallory");
    aliceToken = await tokenFor(alice, "WRITE");
    aliceReadToken = await tokenFor(alice, "READ");
    malloryToken = await tokenFor(mallory, "WRITE");
  }, 600_000);

  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  }, 300_000);

  it("creates a project from a prompt, follows its run, versions, files, archive, diff, deployment, follow-up and rollback", async () => {
    const created = await call("POST", `/workspaces/${alice.workspace.id}/projects`, { token: aliceToken, body: { prompt: "A habit tracker with streaks" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ project: { workspaceId: alice.workspace.id, status: "QUEUED" }, run: { status: "QUEUED", prompt: "A habit tracker with streaks" } });
    expect(created.headers.get("ratelimit-limit")).toBeTruthy();
    expect(created.headers.get("x-request-id")).toBeTruthy();
    const projectId = created.json.project.id as string;
    const runId = created.json.run.id as string;

    const project = await call("GET", `/projects/${projectId}`, { token: aliceReadToken });
    expect(project.status).toBe(200);
    expect(project.json).toMatchObject({ id: projectId, runs: [{ id: runId }], _count: { versions: 0 } });
    expect(typeof project.json.createdAt).toBe("string");

    const run = await call("GET", `/runs/${runId}`, { token: aliceToken });
    expect(run.json).toMatchObject({ id: runId, status: "QUEUED", agentTasks: [], versions: [] });

    // What the pipeline leaves behind: two versions, the first deployed and ready.
    const v1 = await createVersion(database.prisma, {
      projectId,
      runId,
      files: [
        { path: "index.html", content: "<h1>Habits</h1>\n" },
        { path: "logo.png", content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]) },
      ],
    });
    await database.prisma.deployment.create({ data: { projectId, versionId: v1.id, status: "READY", completedAt: new Date() } });
    const v2 = await createVersion(database.prisma, {
      projectId,
      parentVersionId: v1.id,
      files: [
        { path: "index.html", content: "<h1>Habits</h1>\n<p>Streaks</p>\n" },
        { path: "app.js", content: "console.log('streak');\n" },
      ],
    });

    const versions = await call("GET", `/projects/${projectId}/versions`, { token: aliceToken });
    expect(versions.json.items.map((version: Json) => version.number)).toEqual([2, 1]);

    const files = await call("GET", `/versions/${v1.id}/files`, { token: aliceToken });
    expect(files.json.files).toEqual([
      { path: "index.html", size: 16, sha: expect.any(String), encoding: "utf8", content: "<h1>Habits</h1>\n" },
      { path: "logo.png", size: 6, sha: expect.any(String), encoding: "base64", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]).toString("base64") },
    ]);

    const archive = await fetch(`${server.url}/api/v1/versions/${v2.id}/archive`, { headers: { authorization: `Bearer ${aliceToken}` } });
    expect(archive.status).toBe(200);
    expect(archive.headers.get("content-type")).toBe("application/x-tar");
    const tar = Buffer.from(await archive.arrayBuffer());
    expect(tar.length % 512).toBe(0);
    const names: string[] = [];
    for (let offset = 0; offset + 512 <= tar.length && tar[offset] !== 0; ) {
      const name = tar.subarray(offset, offset + 100).toString("utf8").replace(/\0.*$/s, "");
      const size = parseInt(tar.subarray(offset + 124, offset + 136).toString("ascii"), 8);
      names.push(name);
      if (name.endsWith("index.html")) expect(tar.subarray(offset + 512, offset + 512 + size).toString()).toBe("<h1>Habits</h1>\n<p>Streaks</p>\n");
      offset += 512 + Math.ceil(size / 512) * 512;
    }
    expect(names.map((name) => name.replace(/^[^/]+\//, "")).sort()).toEqual(["app.js", "index.html"]);

    const diff = await call("GET", `/versions/${v2.id}/diff?againstVersionId=${v1.id}`, { token: aliceToken });
    expect(diff.json).toMatchObject({ from: { number: 1 }, to: { number: 2 } });
    expect(diff.json.changes.map((change: Json) => [change.path, change.change])).toEqual([
      ["app.js", "added"],
      ["index.html", "modified"],
      ["logo.png", "removed"],
    ]);

    const followUp = await call("POST", `/projects/${projectId}/follow-ups`, { token: aliceToken, body: { prompt: "Add a dark mode" } });
    expect(followUp.status).toBe(201);
    expect(followUp.json).toMatchObject({ projectId, prompt: "Add a dark mode", status: "QUEUED" });

    const cancelled = await call("POST", `/runs/${followUp.json.id}/cancel`, { token: aliceToken });
    expect(cancelled.json).toEqual({ runId: followUp.json.id, status: "CANCELLED" });
    const retried = await call("POST", `/runs/${followUp.json.id}/retry`, { token: aliceToken });
    expect(retried.status).toBe(201);
    expect(retried.json.prompt).toBe("Add a dark mode");
    // Not waiting for a review: the plan cannot be approved.
    const approve = await call("POST", `/runs/${retried.json.id}/plan/approve`, { token: aliceToken, body: {} });
    expect(approve.status).toBe(400);
    expect(approve.json.error.message).toMatch(/not waiting for a plan review/);

    const rollback = await call("POST", `/projects/${projectId}/rollback`, { token: aliceToken, body: { versionId: v1.id } });
    expect(rollback.status).toBe(200);
    expect(rollback.json).toMatchObject({ projectId, versionId: v1.id, status: "READY", target: "preview", providerDeploymentId: null });
    const neverDeployed = await call("POST", `/projects/${projectId}/rollback`, { token: aliceToken, body: { versionId: v2.id } });
    expect(neverDeployed.status).toBe(400);
    // Per target: only to a version that went live there, and only to an external target.
    const neverOnVercel = await call("POST", `/projects/${projectId}/targets/vercel/rollback`, { token: aliceToken, body: { versionId: v1.id } });
    expect(neverOnVercel.status).toBe(400);
    expect(neverOnVercel.json.error.message).toMatch(/never went live on Vercel/);
    expect((await call("POST", `/projects/${projectId}/targets/preview/rollback`, { token: aliceToken, body: { versionId: v1.id } })).status).toBe(400);
    const deployments = await call("GET", `/projects/${projectId}/deployments?limit=1`, { token: aliceToken });
    expect(deployments.json.items).toHaveLength(1);
    expect(deployments.json.items[0]).toMatchObject({ id: rollback.json.id, version: { number: 1 }, target: "preview", providerDeploymentId: null });
    expect(deployments.json.nextCursor).toEqual(expect.any(String));
    const preview = await call("GET", `/projects/${projectId}/preview`, { token: aliceToken });
    expect(preview.json.liveUrl).toEqual(expect.any(String));

    const analytics = await call("GET", `/workspaces/${alice.workspace.id}/analytics?days=7`, { token: aliceToken });
    expect(analytics.json.range.days).toBe(7);
    expect(analytics.json.summary.runs).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it("honours Idempotency-Key: the same key and body replay the first answer, another body is 422, nothing is created twice", async () => {
    const key = `key-${Date.now()}`;
    const body = { prompt: "An idempotent recipe box", name: "Recipes" };
    const first = await call("POST", `/workspaces/${alice.workspace.id}/projects`, { token: aliceToken, body, headers: { "idempotency-key": key } });
    const again = await call("POST", `/workspaces/${alice.workspace.id}/projects`, {
      token: aliceToken,
      body: { name: "Recipes", prompt: "An idempotent recipe box" },
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.run.id).toBe(first.json.run.id);
    expect(await database.prisma.project.count({ where: { name: "Recipes" } })).toBe(1);

    const different = await call("POST", `/workspaces/${alice.workspace.id}/projects`, { token: aliceToken, body: { prompt: "Something else" }, headers: { "idempotency-key": key } });
    expect(different.status).toBe(422);
    expect(different.json.error).toMatchObject({ code: "UNPROCESSABLE_CONTENT", message: expect.stringMatching(/Idempotency-Key/) });

    const projectId = first.json.project.id as string;
    const followKey = `follow-${Date.now()}`;
    const a = await call("POST", `/projects/${projectId}/follow-ups`, { token: aliceToken, body: { prompt: "Add tags" }, headers: { "idempotency-key": followKey } });
    const b = await call("POST", `/projects/${projectId}/follow-ups`, { token: aliceToken, body: { prompt: "Add tags" }, headers: { "idempotency-key": followKey } });
    expect(b.json.id).toBe(a.json.id);
    expect(await database.prisma.run.count({ where: { projectId, prompt: "Add tags" } })).toBe(1);

    const badKey = await call("POST", `/projects/${projectId}/follow-ups`, { token: aliceToken, body: { prompt: "x" }, headers: { "idempotency-key": "has spaces" } });
    expect(badKey.status).toBe(400);
    expect(badKey.json.error.message).toMatch(/Idempotency-Key/);
  }, 300_000);

  it("answers other tenants' ids with 404, and refuses by role and token scope", async () => {
    const { json } = await call("POST", `/workspaces/${alice.workspace.id}/projects`, { token: aliceToken, body: { prompt: "Alice's private app" } });
    const projectId = json.project.id as string;
    const runId = json.run.id as string;
    const projectsBefore = await database.prisma.project.count();

    for (const [method, path, body] of [
      ["GET", `/projects/${projectId}`],
      ["GET", `/runs/${runId}`],
      ["GET", `/workspaces/${alice.workspace.id}`],
      ["GET", `/workspaces/${alice.workspace.id}/projects`],
      ["POST", `/projects/${projectId}/follow-ups`, { prompt: "steal" }],
      ["POST", `/workspaces/${alice.workspace.id}/projects`, { prompt: "squat" }],
      ["POST", `/runs/${runId}/cancel`],
    ] as const) {
      const answer = await call(method, path, { token: malloryToken, body });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.json.error).toMatchObject({ code: "NOT_FOUND", requestId: expect.any(String) });
    }
    // A non-existent id reads the same as someone else's.
    const missing = await call("GET", `/projects/c${"0".repeat(24)}`, { token: malloryToken });
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe((await call("GET", `/projects/${projectId}`, { token: malloryToken })).json.error.message);

    // A read-scope token cannot write; a viewer cannot start runs.
    const readOnly = await call("POST", `/projects/${projectId}/follow-ups`, { token: aliceReadToken, body: { prompt: "nope" } });
    expect(readOnly.status).toBe(403);
    await database.prisma.membership.create({ data: { workspaceId: alice.workspace.id, userId: mallory.user.id, role: "VIEWER" } });
    const viewerToken = await tokenFor(mallory, "WRITE", alice.workspace.id);
    expect((await call("GET", `/projects/${projectId}`, { token: viewerToken })).status).toBe(200);
    const viewerWrite = await call("POST", `/projects/${projectId}/follow-ups`, { token: viewerToken, body: { prompt: "nope" } });
    expect(viewerWrite.status).toBe(403);
    expect(viewerWrite.json.error.code).toBe("FORBIDDEN");
    // Mallory's token for her own workspace still sees only her own workspace.
    const workspaces = await call("GET", "/workspaces", { token: malloryToken });
    expect(workspaces.json.items.map((workspace: Json) => workspace.id)).toEqual([mallory.workspace.id]);

    // Tokens are session business: a token cannot list them; the session can.
    expect((await call("GET", "/tokens", { token: aliceToken })).status).toBe(403);
    sessionUser = { id: alice.user.id, email: alice.user.email, name: alice.user.name, image: null };
    try {
      const tokens = await call("GET", "/tokens");
      expect(tokens.status).toBe(200);
      expect(tokens.json.items.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(tokens.json)).not.toContain("secret");
      // A change with the session cookie must come from our own origin (a preview is a sibling subdomain).
      const forged = await call("POST", `/projects/${projectId}/follow-ups`, { body: { prompt: "forged" }, headers: { origin: "http://evil.preview.localhost:3000" } });
      expect(forged.status).toBe(403);
      expect(forged.json.error.message).toMatch(/Cross-site/);
      const fetchMetadata = await call("POST", `/projects/${projectId}/follow-ups`, { body: { prompt: "forged" }, headers: { "sec-fetch-site": "same-site" } });
      expect(fetchMetadata.status).toBe(403);
      expect(await database.prisma.run.count({ where: { prompt: "forged" } })).toBe(0);
    } finally {
      sessionUser = null;
    }
    expect((await call("GET", `/projects/${projectId}`)).status).toBe(401);
    expect((await call("GET", `/projects/${projectId}`, { token: "epic_not-a-real-token" })).status).toBe(401);
    expect(await database.prisma.project.count()).toBe(projectsBefore);
  }, 300_000);

  it("manages a team's members: invite, list, withdraw, change roles, remove — admins only, with an admin-scope token", async () => {
    const bob = await createTestUser(database.prisma, `rest-bob-${kind}`);
    const carol = await createTestUser(database.prisma, `rest-carol-${kind}`);
    const team = await alice.api.workspace.create({ name: `REST team ${kind}` });
    const adminToken = await tokenFor(alice, "ADMIN", team.id);
    const writeToken = await tokenFor(alice, "WRITE", team.id);
    const base = `/workspaces/${team.id}`;

    // A write-scope token may not administer, even for the owner.
    const scoped = await call("POST", `${base}/invitations`, { token: writeToken, body: { email: bob.user.email } });
    expect(scoped.status).toBe(403);
    expect(scoped.json.error.message).toMatch(/admin/);

    const invited = await call("POST", `${base}/invitations`, { token: adminToken, body: { email: bob.user.email, role: "ADMIN" } });
    expect(invited.status).toBe(201);
    expect(invited.json.invitation).toMatchObject({ email: bob.user.email, role: "ADMIN", isExpired: false });
    // The link to send: sign in, then the invitation page, whose last segment is the token.
    const tokenOf = (path: string) => new URLSearchParams(path.split("?")[1]).get("callbackUrl")!.split("/").at(-1)!;
    const inviteToken = tokenOf(invited.json.path as string);
    const carolInvite = await call("POST", `${base}/invitations`, { token: adminToken, body: { email: carol.user.email } });
    expect(carolInvite.json.invitation.role).toBe("MEMBER"); // the default
    const listed = await call("GET", `${base}/invitations`, { token: adminToken });
    expect(listed.json.items.map((invitation: Json) => invitation.email).sort()).toEqual([bob.user.email, carol.user.email].sort());

    // Withdrawn: the link no longer works.
    expect((await call("DELETE", `${base}/invitations/${carolInvite.json.invitation.id}`, { token: adminToken })).status).toBe(200);
    await expect(carol.api.workspace.acceptInvitation({ token: tokenOf(carolInvite.json.path as string) })).rejects.toThrow();
    await bob.api.workspace.acceptInvitation({ token: inviteToken });
    const members = await call("GET", `${base}/members`, { token: adminToken });
    expect(members.json.items.map((member: Json) => [member.email, member.role])).toEqual(
      expect.arrayContaining([[alice.user.email, "OWNER"], [bob.user.email, "ADMIN"]]),
    );

    // An admin may not make someone an owner; the owner may change roles.
    const bobAdminToken = await tokenFor(bob, "ADMIN", team.id);
    const promoted = await call("PATCH", `${base}/members/${alice.user.id}`, { token: bobAdminToken, body: { role: "VIEWER" } });
    expect(promoted.status).toBe(403);
    const demoted = await call("PATCH", `${base}/members/${bob.user.id}`, { token: adminToken, body: { role: "VIEWER" } });
    expect(demoted.json).toEqual({ userId: bob.user.id, role: "VIEWER" });
    // Now a viewer, bob's admin-scope token administers nothing.
    expect((await call("GET", `${base}/invitations`, { token: bobAdminToken })).status).toBe(403);
    expect((await call("PATCH", `${base}/members/${bob.user.id}`, { token: adminToken, body: { role: "CAPTAIN" } })).status).toBe(400);

    // A stranger's token: the team does not exist for them.
    expect((await call("DELETE", `${base}/members/${bob.user.id}`, { token: malloryToken })).status).toBe(404);
    // The only owner cannot be removed; bob can.
    expect((await call("DELETE", `${base}/members/${alice.user.id}`, { token: adminToken })).status).toBe(400);
    expect((await call("DELETE", `${base}/members/${bob.user.id}`, { token: adminToken })).json).toEqual({ workspaceId: team.id, userId: bob.user.id });
    expect(await database.prisma.membership.count({ where: { workspaceId: team.id } })).toBe(1);
  }, 300_000);

  it("refuses bad input with a 4xx naming the field, and writes nothing", async () => {
    const path = `/workspaces/${alice.workspace.id}/projects`;
    const before = await database.prisma.project.count();

    const malformed = await call("POST", path, { token: aliceToken, rawBody: '{"prompt": "a', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.message).toMatch(/Malformed JSON/);

    const wrongType = await call("POST", path, { token: aliceToken, body: { prompt: 123, requiresPlanApproval: "yes" } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.issues.map((issue: Json) => issue.path).sort()).toEqual(["prompt", "requiresPlanApproval"]);

    const unknownField = await call("POST", path, { token: aliceToken, body: { prompt: "An app", requirePlanApproval: true } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.json.error.issues).toEqual([{ path: "requirePlanApproval", message: "Unknown field" }]);

    const notJson = await call("POST", path, { token: aliceToken, rawBody: "prompt=An+app", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(415);

    const oversized = await call("POST", path, { token: aliceToken, body: { prompt: "x".repeat(2 * 1024 * 1024) } });
    expect(oversized.status).toBe(413);
    expect(oversized.json.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", requestId: expect.any(String) });

    const badCursor = await call("GET", `${path}?cursor=not-a-cursor!`, { token: aliceToken });
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.error.issues[0].path).toBe("cursor");
    const badLimit = await call("GET", `${path}?limit=lots`, { token: aliceToken });
    expect(badLimit.json.error.issues[0].path).toBe("limit");
    const unknownQuery = await call("GET", `${path}?sort=name`, { token: aliceToken });
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.json.error.issues[0].path).toBe("sort");
    const badId = await call("GET", "/projects/not-an-id", { token: aliceToken });
    expect(badId.status).toBe(400);
    expect(badId.json.error.issues[0].path).toBe("projectId");

    expect((await call("GET", "/nowhere", { token: aliceToken })).status).toBe(404);
    const wrongMethod = await call("DELETE", path, { token: aliceToken });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toContain("POST");

    expect(await database.prisma.project.count()).toBe(before);
  }, 300_000);

  it("pages lists with an opaque cursor that only fits its own list", async () => {
    const fresh = await createTestUser(database.prisma, "rest-pager");
    const token = await tokenFor(fresh, "WRITE");
    for (const prompt of ["First app", "Second app", "Third app"]) {
      await call("POST", `/workspaces/${fresh.workspace.id}/projects`, { token, body: { prompt } });
    }
    const first = await call("GET", `/workspaces/${fresh.workspace.id}/projects?limit=2`, { token });
    expect(first.json.items.map((project: Json) => project.originalPrompt)).toEqual(["Third app", "Second app"]);
    const second = await call("GET", `/workspaces/${fresh.workspace.id}/projects?limit=2&cursor=${first.json.nextCursor}`, { token });
    expect(second.json).toMatchObject({ items: [{ originalPrompt: "First app" }], nextCursor: null });

    const projectId = first.json.items[0].id as string;
    const misplaced = await call("GET", `/projects/${projectId}/runs?cursor=${first.json.nextCursor}`, { token });
    expect(misplaced.status).toBe(400);
    expect(misplaced.json.error.message).toMatch(/cursor/);
  }, 300_000);

  it("publishes an OpenAPI 3.1 document that validates, and every documented route answers as documented", async () => {
    const documentAnswer = await call("GET", "/openapi.json");
    expect(documentAnswer.status).toBe(200);
    const document = documentAnswer.json;
    const validation = await new Validator().validate(document);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");

    // Fixtures for every path parameter.
    const { json: created } = await call("POST", `/workspaces/${alice.workspace.id}/projects`, { token: aliceToken, body: { prompt: "A documented app" } });
    const projectId = created.project.id as string;
    const v1 = await createVersion(database.prisma, { projectId, files: [{ path: "index.html", content: "<p>1</p>\n" }] });
    await database.prisma.deployment.create({ data: { projectId, versionId: v1.id, status: "READY", completedAt: new Date() } });
    // Member routes on her personal workspace with a write token: documented refusals (403).
    const ids: Record<string, string> = { workspaceId: alice.workspace.id, projectId, runId: created.run.id, versionId: v1.id, userId: alice.user.id, invitationId: "cmissinginvitation00000000", target: "vercel" };
    const components = document.components.schemas as Record<string, unknown>;
    const deref = (schema: unknown): unknown => {
      if (Array.isArray(schema)) return schema.map(deref);
      if (!schema || typeof schema !== "object") return schema;
      const ref = (schema as { $ref?: string }).$ref;
      if (ref) return deref(components[ref.replace("#/components/schemas/", "")]);
      return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, deref(value)]));
    };

    sessionUser = { id: alice.user.id, email: alice.user.email, name: alice.user.name, image: null };
    try {
      const operations = Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
      );
      expect(operations.length).toBeGreaterThanOrEqual(25);
      // Reads first, then writes, and the destructive token revocation last.
      const order = (method: string, path: string) => (path.includes("/tokens/") ? 3 : method === "GET" ? 0 : 1);
      operations.sort((a, b) => order(a.method, a.path) - order(b.method, b.path));
      let createdTokenId = "";
      for (const { path, method, operation } of operations) {
        const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "tokenId" ? createdTokenId : ids[name]!));
        const requestBodies: Record<string, unknown> = {
          "projects-create": { prompt: "Another documented app" },
          "projects-followUp": { prompt: "Add a footer" },
          "projects-rollback": { versionId: v1.id },
          // v1 never went live on Vercel: the documented refusal (400), without calling a provider.
          "projects-rollbackTarget": { versionId: v1.id },
          "runs-approvePlan": {},
          "runs-rejectPlan": {},
          "runs-editPlan": { plan: {} },
          "tokens-create": { name: "documented", workspaceId: alice.workspace.id, scope: "READ" },
          "workspaces-invite": { email: "documented@example.com" },
          "workspaces-changeRole": { role: "OWNER" },
        };
        const query = operation.operationId === "versions-diff" ? `?againstVersionId=${v1.id}` : "";
        // Session for the session-only token routes, a token for the rest.
        const token = path.startsWith("/tokens") ? null : aliceToken;
        const answer = await call(method, concrete + query, { token, body: method === "GET" || method === "DELETE" ? undefined : requestBodies[operation.operationId] });
        const documented = Object.keys(operation.responses);
        expect(documented, `${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toContain(String(answer.status));
        const content = operation.responses[String(answer.status)].content ?? {};
        const [mediaType, media] = Object.entries(content as Record<string, Json>)[0] ?? [];
        if (mediaType === "application/json") {
          const schema = z.fromJSONSchema(deref(media!.schema) as Parameters<typeof z.fromJSONSchema>[0]);
          const parsed = schema.safeParse(answer.json);
          expect(parsed.success, `${method} ${path}: ${parsed.error?.message}`).toBe(true);
        } else if (mediaType) {
          expect(answer.headers.get("content-type")).toBe(mediaType);
        }
        if (operation.operationId === "tokens-create") createdTokenId = answer.json.id as string;
      }
    } finally {
      sessionUser = null;
    }
  }, 300_000);

  it("rate-limits per caller with 429, Retry-After and RateLimit headers, then recovers", async () => {
    // A window long enough that four requests fit in it even on a loaded machine.
    const limited = await startServer({ windowSeconds: 20, reads: 3, writes: 2, runs: 1, ipMultiplier: 100 });
    try {
      const path = `/workspaces/${alice.workspace.id}`;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await call("GET", path, { token: aliceReadToken, base: limited.url }));
      expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(answers[0]!.headers.get("ratelimit-limit")).toBe("3");
      expect(answers[2]!.headers.get("ratelimit-remaining")).toBe("0");
      const refused = answers[3]!;
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe("TOO_MANY_REQUESTS");
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get("ratelimit-remaining")).toBe("0");
      // Another caller is not affected by this one's budget.
      expect((await call("GET", `/workspaces/${mallory.workspace.id}`, { token: malloryToken, base: limited.url })).status).toBe(200);
      // Run starts have their own, smaller budget.
      const startRun = () => call("POST", `/workspaces/${alice.workspace.id}/projects`, { token: aliceToken, body: { prompt: "Rate limited app" }, base: limited.url });
      expect((await startRun()).status).toBe(201);
      expect((await startRun()).status).toBe(429);

      // The window runs out (as if its 20 s had passed: the limiter's counters expire), and the
      // caller is served again.
      const windows = await database.prisma.rateLimiterFlexible.updateMany({ where: { key: { contains: "-20:" } }, data: { expire: new Date(Date.now() - 1000) } });
      expect(windows.count).toBeGreaterThan(0);
      expect((await call("GET", path, { token: aliceReadToken, base: limited.url })).status).toBe(200);
    } finally {
      await limited.close();
    }
  }, 300_000);
});
