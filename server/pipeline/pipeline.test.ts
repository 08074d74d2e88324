// The whole pipeline, end to end, the way the app runs it: the tRPC procedures send events with
// the real Inngest client, the embedded executor drives the real /api/inngest handler, and the
// offline agents plan, build, test (in Chromium) and deploy. The process's own database is a
// fresh PGlite folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZPlan } from "../plan/plan-schema";
import { waitForRun } from "../testing/wait-for-run";
import { projectStorageKey } from "./plan-storage";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-pipeline-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3999";
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../db");
const { ensureAppExecutor } = await import("../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../testing/callers");
const { sendWithInngest } = await import("./send-event");
const { fetchPreview: fetchPreviewFrom } = await import("../testing/fetch-preview");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;

async function userWithRealEvents(name: string) {
  const { user, workspace } = await createTestUser(db, name);
  const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
  return { user, workspace, api };
}

const fetchPreview = (url: string) => fetchPreviewFrom(db, url);

beforeAll(async () => {
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
});

afterAll(async () => {
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Each run launches Chromium for QA: generous limits keep the suite reliable on small, busy CI machines.
describe("the agent pipeline on the offline provider", { timeout: 300_000 }, () => {
  it("turns a prompt into a tested, deployed preview; a follow-up makes v2 with a diff; rollback restores v1", async () => {
    const { workspace, api } = await userWithRealEvents("builder");
    const { project, run } = await api.project.create({ workspaceId: workspace.id, prompt: "landing page for Rosie's Bakery with our menu and opening hours" });

    const finished = await waitForRun(db, run.id, ["SUCCEEDED", "FAILED"]);
    expect(finished.error).toBeNull();
    expect(finished.status).toBe("SUCCEEDED");

    const events = await db.runEvent.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
    const types = events.map((event) => event.type);
    for (const expected of ["run.queued", "run.started", "plan.generated", "version.created", "qa.result", "deployment.status", "run.succeeded"]) {
      expect(types).toContain(expected);
    }
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    const qa = events.find((event) => event.type === "qa.result")!.payload as { passed: boolean; screenshotSha: string | null };
    expect(qa.passed).toBe(true);
    expect(qa.screenshotSha).toMatch(/^[0-9a-f]{64}$/);

    const tasks = await db.agentTask.findMany({ where: { runId: run.id } });
    expect(new Set(tasks.map((task) => task.agentName))).toEqual(new Set(["PromptCompiler", "CodeGen", "DB", "Infra", "QA", "Deploy"]));
    expect(tasks.every((task) => task.status === "SUCCEEDED")).toBe(true);

    const ready = await api.project.get({ projectId: project.id });
    expect(ready.status).toBe("READY");
    const liveUrl = ready.liveUrls[0]!;
    const page = await fetchPreview(liveUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<!doctype html>");
    const plan1 = ZPlan.parse((await db.run.findUniqueOrThrow({ where: { id: run.id } })).plan);
    expect(plan1.acceptanceChecks.map((check) => check.id)).toEqual(expect.arrayContaining(["menu-menu", "hours-opening-hours"]));
    expect(plan1.requirements?.every((requirement) => requirement.promptIndex === 0)).toBe(true);
    // The app stores its data under a key of the project's, not of the app's name.
    expect(plan1.storage).toEqual({ key: projectStorageKey(project.id), version: 1 });

    // Follow-up: version 2, built from version 1, with a file-level diff.
    const followUp = await api.project.followUp({ projectId: project.id, prompt: "make it dark with a green accent" });
    expect((await waitForRun(db, followUp.id, ["SUCCEEDED", "FAILED"])).status).toBe("SUCCEEDED");
    const versions = await api.version.list({ projectId: project.id });
    const [v2, v1] = [versions[0]!, versions.at(-1)!];
    expect(v2.number).toBeGreaterThan(v1.number);
    const diff = await api.version.diff({ versionId: v2.id, againstVersionId: v1.id });
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(diff.changes.map((change) => change.path)).toEqual(expect.arrayContaining(["index.html", "styles.css"]));
    const plan2 = ZPlan.parse((await db.run.findUniqueOrThrow({ where: { id: followUp.id } })).plan);
    expect(plan2.theme.colorScheme).toBe("dark");
    expect(plan2.acceptanceChecks.map((check) => check.id)).toContain("app-look");
    // The follow-up's requirements quote the second prompt; the first prompt's are kept.
    expect(plan2.requirements?.filter((requirement) => requirement.promptIndex === 1).map((requirement) => requirement.quote).join(" ")).toMatch(/dark/);
    expect(plan2.requirements?.some((requirement) => requirement.promptIndex === 0)).toBe(true);
    expect(plan2.storage).toEqual(plan1.storage);

    // Rollback: the live URL serves version 1 again.
    await api.deployment.rollback({ projectId: project.id, versionId: v1.id });
    expect((await api.project.get({ projectId: project.id })).liveVersionId).toBe(v1.id);
    const v1Files = await api.version.files({ versionId: v1.id });
    const v1IndexSha = v1Files.files.find((file) => file.path === "index.html")!.blobSha;
    const served = await fetchPreview(liveUrl);
    expect(served.headers.get("etag")).toBe(`"${v1IndexSha}"`);
  });

  it("waits for plan approval when the gate is on, then builds the approved plan", async () => {
    const { workspace, api } = await userWithRealEvents("reviewer");
    const { run } = await api.project.create({ workspaceId: workspace.id, prompt: "a tip calculator to split the bill", requiresPlanApproval: true });
    const waiting = await waitForRun(db, run.id, ["WAITING"]);
    expect(waiting.plan).not.toBeNull();
    expect(await db.projectVersion.count({ where: { runId: run.id } })).toBe(0);

    await api.run.reviewPlan({ runId: run.id, isApproved: true });
    expect((await waitForRun(db, run.id, ["SUCCEEDED", "FAILED"])).status).toBe("SUCCEEDED");
    const types = (await db.runEvent.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } })).map((event) => event.type);
    expect(types.indexOf("plan.approved")).toBeGreaterThan(types.indexOf("plan.generated"));
  });

  it("cancels a run waiting for approval, and a rejected plan builds nothing", async () => {
    const { workspace, api } = await userWithRealEvents("canceller");
    const first = await api.project.create({ workspaceId: workspace.id, prompt: "A kanban board", requiresPlanApproval: true });
    await waitForRun(db, first.run.id, ["WAITING"]);
    await api.run.cancel({ runId: first.run.id });
    expect((await waitForRun(db, first.run.id, ["CANCELLED"])).error).toBe("Cancelled by a user");
    await expect(api.run.cancel({ runId: first.run.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const second = await api.project.create({ workspaceId: workspace.id, prompt: "A unit converter", requiresPlanApproval: true });
    await waitForRun(db, second.run.id, ["WAITING"]);
    await api.run.reviewPlan({ runId: second.run.id, isApproved: false, feedback: "not what I meant" });
    await waitForRun(db, second.run.id, ["CANCELLED"]);
    expect(await db.projectVersion.count({ where: { projectId: second.project.id } })).toBe(0);
  });
});
