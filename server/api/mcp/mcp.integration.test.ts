// MCP at /api/mcp, for real: the Next route handler on a loopback port, spoken to by the SDK's own
// Client over its StreamableHTTPClientTransport, the app's database (PGlite) and the embedded
// executor running the pipeline. An assistant's session: create a project from a prompt, approve
// its plan, read the run, get the preview URL, follow up, list versions, roll back. Other tenants
// and roles are refused as in the dashboard, as tool errors the assistant can read.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRunStatuses } from "../../events/run-statuses";
import { waitForRun } from "../../testing/wait-for-run";
import { pointAppAtFlowDatabase } from "../../testing/flow-database";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-mcp-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3996";
const flowDatabase = await pointAppAtFlowDatabase();

const { getMigratedDatabase } = await import("../../db");
const { ensureAppExecutor } = await import("../../../inngest/embedded-executor");
const { createTestUser } = await import("../../testing/callers");
const { createApiToken } = await import("../../users/api-tokens");
const { serveFetchHandler } = await import("../../testing/serve-fetch-handler");
const { fetchPreview } = await import("../../testing/fetch-preview");
const route = await import("../../../app/api/mcp/route");
const { startFakeVercel } = await import("../../integrations/testing/fake-vercel");
const { vercelTiming } = await import("../../deployments/targets/vercel-target");
const { createProjectLiveOnVercel } = await import("../../deployments/targets/target-test-kit");

/** A loaded machine (CI with other suites) can take many minutes per run. */
const RUN_TIMEOUT = 1_000_000;
type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;
const clients: Client[] = [];

async function connect(token: string) {
  const client = new Client({ name: "test-assistant", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/api/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  clients.push(client);
  return client;
}

/** Calls a tool; returns its JSON answer, or its error text. */
async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as { isError?: boolean; content: Array<{ type: string; text: string }> };
  const text = result.content.map((part) => part.text).join("");
  return result.isError ? { error: text } : { value: JSON.parse(text) as Record<string, unknown> & Array<Record<string, unknown>> };
}

async function tokenFor(userId: string, workspaceId: string, scope: "READ" | "WRITE" = "WRITE") {
  return (await createApiToken(db, { userId, workspaceId, name: `mcp ${scope}`, scope })).secret;
}

beforeAll(async () => {
  const database = await getMigratedDatabase();
  // The twin really runs on PostgreSQL (and this file on PGlite).
  if (database.driver.kind !== flowDatabase.kind) throw new Error(`expected ${flowDatabase.kind}, got ${database.driver.kind}`);
  db = database.prisma;
  await ensureAppExecutor();
  server = await serveFetchHandler((request) => (request.method === "POST" ? route.POST : route.GET)(request, undefined as never));
}, 600_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close().catch(() => {})));
  await server?.close();
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  await flowDatabase.drop();
}, 300_000);

describe("MCP: an assistant builds, changes and rolls back a project", { timeout: 2_400_000 }, () => {
  it("prompt → plan approval → run → preview → follow-up → versions → rollback", async () => {
    const { user, workspace } = await createTestUser(db, "mcp-owner");
    const client = await connect(await tokenFor(user.id, workspace.id));

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ["approve_plan", "create_project", "get_preview_url", "get_run", "list_projects", "list_versions", "list_workspaces", "rollback", "rollback_target", "send_follow_up"].sort(),
    );
    // Input schemas come from our zod 4 schemas.
    expect(tools.find((tool) => tool.name === "create_project")!.inputSchema).toMatchObject({ type: "object", required: ["prompt"] });

    const created = await call(client, "create_project", { prompt: "landing page for Rosie's Bakery with our menu and opening hours", requiresPlanApproval: true });
    const { project, run } = created.value as unknown as { project: { id: string }; run: { id: string } };
    await waitForRun(db, run.id, ["WAITING"], RUN_TIMEOUT);
    const waiting = (await call(client, "get_run", { runId: run.id })).value!;
    expect(waiting.status).toBe("WAITING");
    expect(waiting.requirements).toEqual(expect.any(Array));

    expect((await call(client, "approve_plan", { runId: run.id })).value).toEqual({ runId: run.id, isApproved: true });
    await waitForRun(db, run.id, undefined, RUN_TIMEOUT);
    const done = (await call(client, "get_run", { runId: run.id })).value!;
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(done.status);
    expect(done.requirementTally).toMatchObject({ total: expect.any(Number) });
    expect((done.versions as unknown[]).length).toBeGreaterThan(0);

    const preview = (await call(client, "get_preview_url", { projectId: project.id })).value!;
    expect(preview).toMatchObject({ status: "READY", previewUrl: expect.stringMatching(/^http/) });
    expect((await fetchPreview(db, preview.previewUrl as string)).status).toBe(200);

    const followUp = (await call(client, "send_follow_up", { projectId: project.id, prompt: "add a contact section with our phone number" })).value as unknown as { run: { id: string } };
    // The project asks for plan approval, so the follow-up's plan waits for it too.
    expect((await waitForRun(db, followUp.run.id, ["WAITING", ...finishedRunStatuses], RUN_TIMEOUT)).status).toBe("WAITING");
    expect((await call(client, "approve_plan", { runId: followUp.run.id })).value).toEqual({ runId: followUp.run.id, isApproved: true });
    const second = await waitForRun(db, followUp.run.id, undefined, RUN_TIMEOUT);
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(second.status);

    const versions = (await call(client, "list_versions", { projectId: project.id })).value as unknown as Array<{ id: string; number: number; fileCount: number }>;
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions[0]!.fileCount).toBeGreaterThan(0);
    const firstVersion = versions.at(-1)!;

    const rolledBack = (await call(client, "rollback", { projectId: project.id, versionNumber: firstVersion.number })).value!;
    expect(rolledBack).toMatchObject({ status: "READY", url: expect.stringContaining(`v${firstVersion.number}/`) });
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).liveVersionId).toBe(firstVersion.id);
  });
});

describe("MCP: who may do what", { timeout: 120_000 }, () => {
  it("refuses other tenants (not found), roles, scopes and callers without a token", async () => {
    const owner = await createTestUser(db, "mcp-tenant-a");
    const stranger = await createTestUser(db, "mcp-tenant-b");
    const { project, run } = await owner.api.project.create({ workspaceId: owner.workspace.id, prompt: "a todo list app" });

    const strangerClient = await connect(await tokenFor(stranger.user.id, stranger.workspace.id));
    for (const [tool, args] of [
      ["get_run", { runId: run.id }],
      ["get_preview_url", { projectId: project.id }],
      ["list_versions", { projectId: project.id }],
      ["send_follow_up", { projectId: project.id, prompt: "steal it" }],
      ["approve_plan", { runId: run.id }],
      ["rollback", { projectId: project.id, versionNumber: 1 }],
    ] as const) {
      const result = await call(strangerClient, tool, args);
      expect(result.error, tool).toMatch(/^NOT_FOUND: (Run|Project) not found$/);
    }
    expect(((await call(strangerClient, "list_workspaces", {})).value as unknown as Array<{ id: string }>).map((w) => w.id)).toEqual([stranger.workspace.id]);

    // A read-only token reads, and may not write.
    const reader = await connect(await tokenFor(owner.user.id, owner.workspace.id, "READ"));
    expect((await call(reader, "get_run", { runId: run.id })).value).toMatchObject({ id: run.id });
    expect((await call(reader, "send_follow_up", { projectId: project.id, prompt: "change it" })).error).toMatch(/^FORBIDDEN: .*read scope/);
    expect(await db.run.count({ where: { projectId: project.id } })).toBe(1);

    // Bad input names the field.
    const writer = await connect(await tokenFor(owner.user.id, owner.workspace.id));
    const bad = await call(writer, "send_follow_up", { projectId: project.id, prompt: "   " });
    expect(bad.error).toMatch(/prompt/i);

    // Without a token (a cross-origin call gets no session): 401 before any MCP message is handled.
    const anonymous = await fetch(`${server.url}/api/mcp`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", Origin: "https://assistant.example" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const badToken = await fetch(`${server.url}/api/mcp`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: "Bearer epic_nope" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(badToken.status).toBe(401);
  });
});

describe("MCP: rolling one deploy target back", { timeout: 300_000 }, () => {
  it("rollback_target puts an earlier version live again on Vercel (the domain function REST calls), and refuses others, readers and versions never live there", async () => {
    const vercel = await startFakeVercel();
    vercelTiming.pollIntervalMs = 20;
    const vercelToken = `vcp_${"a".repeat(8)}${Date.now()}`;
    vercel.tokens.set(vercelToken, { username: "rosie" });
    try {
      const owner = await createTestUser(db, "mcp-targets");
      const { project, versions } = await createProjectLiveOnVercel(db, { userId: owner.user.id, workspaceId: owner.workspace.id, api: owner.api }, { url: vercel.url, token: vercelToken }, "Target Bakery");
      const [v1, v2] = versions;
      const served = vercel.servedUrl(v2!.deploymentUrl);
      expect(await (await fetch(served)).text()).toContain("Version two");

      const client = await connect(await tokenFor(owner.user.id, owner.workspace.id));
      const rolledBack = (await call(client, "rollback_target", { projectId: project.id, target: "vercel", versionNumber: 1 })).value!;
      expect(rolledBack).toMatchObject({ target: "vercel", status: "READY", url: v1!.deploymentUrl });
      expect(await (await fetch(served)).text()).toContain("Version one");
      const statuses = await owner.api.deployment.targets({ projectId: project.id });
      expect(statuses.statuses.find((status) => status.target === "vercel")?.live?.versionNumber).toBe(1);
      const row = await db.deployment.findUniqueOrThrow({ where: { id: String(rolledBack.deploymentId) } });
      expect(row).toMatchObject({ target: "vercel", versionId: v1!.id, status: "READY" });

      // By id too; a version never live on a target, an unknown target, a stranger and a reader are refused.
      expect((await call(client, "rollback_target", { projectId: project.id, target: "vercel", versionId: v2!.id })).value).toMatchObject({ status: "READY" });
      expect((await call(client, "rollback_target", { projectId: project.id, target: "cloudflare", versionNumber: 1 })).error).toMatch(/^BAD_REQUEST: This version never went live on Cloudflare Workers/);
      expect((await call(client, "rollback_target", { projectId: project.id, target: "preview", versionNumber: 1 })).error).toMatch(/target/);
      const stranger = await createTestUser(db, "mcp-targets-stranger");
      const strangerClient = await connect(await tokenFor(stranger.user.id, stranger.workspace.id));
      expect((await call(strangerClient, "rollback_target", { projectId: project.id, target: "vercel", versionNumber: 1 })).error).toMatch(/^NOT_FOUND: Project not found$/);
      const reader = await connect(await tokenFor(owner.user.id, owner.workspace.id, "READ"));
      expect((await call(reader, "rollback_target", { projectId: project.id, target: "vercel", versionId: v1!.id })).error).toMatch(/^FORBIDDEN: .*read scope/);

      // A provider failure is a tool error with the provider's message and what to do, never the token.
      vercel.tokens.get(vercelToken)!.isRevoked = true;
      const failed = (await call(client, "rollback_target", { projectId: project.id, target: "vercel", versionNumber: 1 })).error!;
      expect(failed).toMatch(/^BAD_REQUEST: Rolling Vercel back failed: Vercel rejected the token.*rotate the Vercel connection/);
      expect(failed).not.toContain(vercelToken);
    } finally {
      await vercel.stop();
    }
  });
});
