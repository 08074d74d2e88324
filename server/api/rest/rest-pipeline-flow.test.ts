// The whole journey through the REST API with the real pipeline behind it (embedded executor,
// offline model, no browser so QA ends "ready with gaps" quickly): prompt → run → live preview →
// follow-up → a second version → rollback, which puts the first version's page back live.
// The app's database singleton is used, so DATA_DIR is set before any server module loads;
// PGlite here, PostgreSQL in its twin (rest-pipeline-flow.postgres.integration.test.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAtFlowDatabase } from "../../testing/flow-database";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-rest-flow-"));
const browserDir = mkdtempSync(path.join(tmpdir(), "epic-rest-flow-no-browser-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3997";
process.env.EPIC_BROWSER_SEARCH_PATHS = browserDir;
delete process.env.CHROMIUM_PATH;
const flowDatabase = await pointAppAtFlowDatabase();

const { getMigratedDatabase } = await import("../../db");
const { ensureAppExecutor } = await import("../../../inngest/embedded-executor");
const { createTestUser } = await import("../../testing/callers");
const { sendWithInngest } = await import("../../pipeline/send-event");
const { fetchPreview } = await import("../../testing/fetch-preview");
const { serveFetchHandler } = await import("../../testing/serve-fetch-handler");
const { createRestRoute } = await import("./rest-route");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;
const finished = ["SUCCEEDED", "READY_WITH_GAPS", "FAILED", "CANCELLED"];

beforeAll(async () => {
  const database = await getMigratedDatabase();
  // The twin really runs on PostgreSQL (and this file on PGlite).
  if (database.driver.kind !== flowDatabase.kind) throw new Error(`expected ${flowDatabase.kind}, got ${database.driver.kind}`);
  db = database.prisma;
  await ensureAppExecutor();
  server = await serveFetchHandler(createRestRoute({ getDb: async () => db, sendEvent: sendWithInngest }));
}, 600_000);

afterAll(async () => {
  await server?.close();
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  await flowDatabase.drop();
  rmSync(browserDir, { recursive: true, force: true });
}, 120_000);

describe("the REST API driving the real pipeline", { timeout: 1_200_000 }, () => {
  it("prompt → run → preview → follow-up → rollback", async () => {
    const alice = await createTestUser(db, "rest-flow");
    const { secret } = await alice.api.user.createApiToken({ workspaceId: alice.workspace.id, name: "flow", scope: "WRITE" });
    const api = async (method: string, route: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api/v1${route}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const waitForRun = async (runId: string) => {
      for (;;) {
        const { json } = await api("GET", `/runs/${runId}`);
        if (finished.includes(json.status)) return json;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };

    const created = await api("POST", `/workspaces/${alice.workspace.id}/projects`, { prompt: "landing page for Rosie's Bakery with our menu and opening hours" });
    expect(created.status).toBe(201);
    const projectId = created.json.project.id as string;
    const first = await waitForRun(created.json.run.id);
    expect(first.status).toBe("READY_WITH_GAPS");
    expect(first.versions).toHaveLength(1);

    const preview = await api("GET", `/projects/${projectId}/preview`);
    const liveUrl = preview.json.liveUrl as string;
    const v1Page = await fetchPreview(db, liveUrl);
    expect(v1Page.status).toBe(200);
    const v1Html = await v1Page.text();

    const followUp = await api("POST", `/projects/${projectId}/follow-ups`, { prompt: "Add a contact section with our phone number" });
    expect(followUp.status).toBe(201);
    const second = await waitForRun(followUp.json.id);
    expect(["READY_WITH_GAPS", "SUCCEEDED"]).toContain(second.status);
    const versions = await api("GET", `/projects/${projectId}/versions`);
    expect(versions.json.items.map((version: { number: number }) => version.number)).toEqual([2, 1]);
    const v1 = versions.json.items[1] as { id: string };
    const diff = await api("GET", `/versions/${versions.json.items[0].id}/diff?againstVersionId=${v1.id}`);
    // The offline model may answer a follow-up with the same files: the diff is then empty, but answers.
    expect(diff.json).toMatchObject({ from: { number: 1 }, to: { number: 2 }, changes: expect.any(Array) });

    const rollback = await api("POST", `/projects/${projectId}/rollback`, { versionId: v1.id });
    expect(rollback.status).toBe(200);
    expect(rollback.json).toMatchObject({ versionId: v1.id, status: "READY" });
    expect(await (await fetchPreview(db, liveUrl)).text()).toBe(v1Html);
    const project = await api("GET", `/projects/${projectId}`);
    expect(project.json).toMatchObject({ liveVersionId: v1.id, status: "READY" });
  });
});
