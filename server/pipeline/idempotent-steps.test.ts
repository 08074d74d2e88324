// The pipeline's writing steps run at least once: Inngest (or the embedded executor) runs a step
// again when its result was not kept (a crash after the write, a lost lease), and a lost lease
// can even run two copies at once. Each step here is called the way the function calls it, on a
// real database, twice in a row and twice at once; and late, after its run was cancelled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePreviewOrigins } from "../deployments/preview-origin";
import type { RunEventPayloads } from "../events/run-events";
import { compileAppPlan, generateAppCode, generateAppData, generateAppInfra } from "../llm/offline";
import { createProject } from "../projects/create-project";
import { markRunFinished, markRunStage, markRunStarted, savePlan } from "../runs/run-lifecycle";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { createVersionStep, deployStep, repairStep, type RunEnded } from "./pipeline-steps";

const PROMPT = "landing page for Rosie's Bakery with our menu and opening hours";
const compiled = compileAppPlan(PROMPT);
if (!compiled.ok) throw new Error(compiled.error);
const plan = compiled.plan;
const fileSets = [
  { summary: "Pages", files: generateAppCode(plan) },
  { summary: "Data", files: generateAppData(plan) },
  { summary: "Infra", files: generateAppInfra(plan) },
];
const failures = [{ checkId: "loads", message: "the page did not load" }];
const previewOrigins = resolvePreviewOrigins({ platformUrl: "http://localhost:3999" });

function expectMade<R extends object>(result: R): Exclude<R, RunEnded> {
  if ("runEnded" in result) throw new Error(`the run ended ${String(result.runEnded)}`);
  return result as Exclude<R, RunEnded>;
}

describe.each(testDatabaseKinds)("idempotent, guarded pipeline steps on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.prisma;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  /** A run as the pipeline leaves it before its first version: started, planned, running. */
  async function plannedRun(name: string) {
    const owner = await createTestUser(db(), name);
    const { project, run } = await createProject(db(), { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: PROMPT });
    await markRunStarted(db(), run.id, { brain: "Offline spec compiler" });
    await savePlan(db(), run.id, plan, false);
    return { projectId: project.id, runId: run.id };
  }

  const events = (runId: string, type: string) => db().runEvent.findMany({ where: { runId, type }, orderBy: { seq: "asc" } });
  const deploymentStatuses = async (runId: string) =>
    (await events(runId, "deployment.status")).map((event) => (event.payload as RunEventPayloads["deployment.status"]).status);

  it("createVersionStep run again returns the version it made, with one version.created event committed with it", async () => {
    const { projectId, runId } = await plannedRun("version-again");
    const first = expectMade(await createVersionStep(db(), runId, fileSets, "Bakery"));
    const again = await createVersionStep(db(), runId, fileSets, "Bakery");

    expect(again).toEqual(first);
    const versions = await db().projectVersion.findMany({ where: { projectId }, select: { id: true, stepKey: true } });
    expect(versions).toEqual([{ id: first.versionId, stepKey: "create-version" }]);
    const created = await events(runId, "version.created");
    expect(created.map((event) => (event.payload as RunEventPayloads["version.created"]).versionId)).toEqual([first.versionId]);
  });

  it("two copies of createVersionStep at once make one version and one event", async () => {
    const { projectId, runId } = await plannedRun("version-race");
    const [one, two] = await Promise.all([createVersionStep(db(), runId, fileSets, "Bakery"), createVersionStep(db(), runId, fileSets, "Bakery")]);

    expect(one).toEqual(two);
    expect(await db().projectVersion.count({ where: { projectId } })).toBe(1);
    expect(await events(runId, "version.created")).toHaveLength(1);
  });

  it("repairStep run again returns its version without asking the model again; at once, it still makes one", async () => {
    const { projectId, runId } = await plannedRun("repair-again");
    const base = expectMade(await createVersionStep(db(), runId, fileSets, "Bakery"));

    const first = expectMade(await repairStep(db(), runId, base.versionId, failures, 1));
    const again = await repairStep(db(), runId, base.versionId, failures, 1);
    expect(again).toEqual(first);
    expect(first.number).toBe(2);
    expect(await db().agentTask.count({ where: { runId, taskType: "repair" } })).toBe(1);

    // The next attempt is a step of its own: one more version, made once by two copies.
    const [one, two] = await Promise.all([repairStep(db(), runId, first.versionId, failures, 2), repairStep(db(), runId, first.versionId, failures, 2)]);
    expect(one).toEqual(two);
    expect(expectMade(one).number).toBe(3);

    const versions = await db().projectVersion.findMany({ where: { projectId }, orderBy: { number: "asc" }, select: { stepKey: true } });
    expect(versions.map((version) => version.stepKey)).toEqual(["create-version", "repair-1", "repair-2"]);
    // The run's log has each version once, in order, and no gap or repeat in its sequence.
    const log = await db().runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    const created = log.filter((event) => event.type === "version.created").map((event) => (event.payload as RunEventPayloads["version.created"]).number);
    expect(created).toEqual([1, 2, 3]);
    expect(log.map((event) => event.seq)).toEqual(log.map((_, index) => index + 1));
  });

  it("deployStep run again returns the deployment it made; its status events are written once", async () => {
    const { projectId, runId } = await plannedRun("deploy-again");
    const version = expectMade(await createVersionStep(db(), runId, fileSets, "Bakery"));

    const first = expectMade(await deployStep(db(), runId, version.versionId, previewOrigins));
    const again = await deployStep(db(), runId, version.versionId, previewOrigins);

    expect(first.status).toBe("READY");
    expect(again).toEqual(first);
    expect(await db().deployment.count({ where: { projectId } })).toBe(1);
    expect(await deploymentStatuses(runId)).toEqual(["QUEUED", "BUILDING", "READY"]);
    expect(await db().agentTask.count({ where: { runId, agentName: "Deploy" } })).toBe(1);
  });

  it("deployStep run again after a crash between the deployment's end and its task's closes that task as INTERRUPTED", async () => {
    const { runId } = await plannedRun("deploy-task-left");
    const version = expectMade(await createVersionStep(db(), runId, fileSets, "Bakery"));
    const first = expectMade(await deployStep(db(), runId, version.versionId, previewOrigins));
    // What the crash leaves: the deployment finished, its task still RUNNING.
    await db().agentTask.updateMany({ where: { runId, agentName: "Deploy" }, data: { status: "RUNNING", completedAt: null } });

    expect(await deployStep(db(), runId, version.versionId, previewOrigins)).toEqual(first);
    expect((await db().agentTask.findMany({ where: { runId, agentName: "Deploy" } })).map((task) => task.status)).toEqual(["INTERRUPTED"]);
    expect(await db().runEvent.count({ where: { runId, type: "agent.resumed" } })).toBe(1);
  });

  it("two copies of deployStep at once drive one deployment to READY, each move once", async () => {
    const { projectId, runId } = await plannedRun("deploy-race");
    const version = expectMade(await createVersionStep(db(), runId, fileSets, "Bakery"));

    const [one, two] = await Promise.all([deployStep(db(), runId, version.versionId, previewOrigins), deployStep(db(), runId, version.versionId, previewOrigins)]);

    expect(one).toEqual(two);
    expect(expectMade(one).status).toBe("READY");
    expect(await db().deployment.count({ where: { projectId } })).toBe(1);
    expect(await deploymentStatuses(runId)).toEqual(["QUEUED", "BUILDING", "READY"]);
    expect((await db().project.findUniqueOrThrow({ where: { id: projectId } })).liveVersionId).toBe(version.versionId);
  });

  it("deployStep run after a crash mid-deployment resumes that deployment instead of making another", async () => {
    const { projectId, runId } = await plannedRun("deploy-resume");
    const version = expectMade(await createVersionStep(db(), runId, fileSets, "Bakery"));
    // What a crash right after the BUILDING move leaves behind.
    const stranded = await db().deployment.create({
      data: { projectId, versionId: version.versionId, runId, stepKey: "deploy", status: "BUILDING", logs: "[earlier] Publishing\n" },
    });

    const resumed = expectMade(await deployStep(db(), runId, version.versionId, previewOrigins));

    expect(resumed).toMatchObject({ deploymentId: stranded.id, status: "READY" });
    expect(await db().deployment.count({ where: { projectId } })).toBe(1);
    expect(await deploymentStatuses(runId)).toEqual(["READY"]);
    expect((await db().deployment.findUniqueOrThrow({ where: { id: stranded.id } })).logs).toMatch(/^\[earlier\] Publishing\n.*Ready at/s);
  });

  it("a cancelled run stays CANCELLED: its late steps write nothing and return cleanly", async () => {
    const { projectId, runId } = await plannedRun("cancelled");
    const version = expectMade(await createVersionStep(db(), runId, fileSets, "Bakery"));
    await markRunFinished(db(), runId, { status: "CANCELLED", error: "Cancelled by a user" });
    const before = await db().runEvent.count({ where: { runId } });
    const projectBefore = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { status: true, liveVersionId: true } });

    expect(await markRunStage(db(), runId, "TESTING")).toBe(false);
    expect(await repairStep(db(), runId, version.versionId, failures, 1)).toEqual({ runEnded: "CANCELLED" });
    expect(await deployStep(db(), runId, version.versionId, previewOrigins)).toEqual({ runEnded: "CANCELLED" });
    expect(await markRunFinished(db(), runId, { status: "FAILED", error: "a late failure" })).toBe(false);
    expect(await markRunFinished(db(), runId, { status: "SUCCEEDED", versionId: version.versionId })).toBe(false);

    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "CANCELLED", error: "Cancelled by a user" });
    expect(await db().runEvent.count({ where: { runId } })).toBe(before);
    expect((await db().runEvent.findFirstOrThrow({ where: { runId }, orderBy: { seq: "desc" } })).type).toBe("run.cancelled");
    expect(await db().projectVersion.count({ where: { projectId } })).toBe(1);
    expect(await db().deployment.count({ where: { projectId } })).toBe(0);
    expect(await db().agentTask.count({ where: { runId, taskType: { in: ["repair", "local-preview"] } } })).toBe(0);
    expect(await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { status: true, liveVersionId: true } })).toEqual(projectBefore);
  });

  it("a run cancelled before its first version gets none from a late createVersionStep", async () => {
    const { projectId, runId } = await plannedRun("cancelled-early");
    await markRunFinished(db(), runId, { status: "CANCELLED", error: "Cancelled by a user" });

    expect(await createVersionStep(db(), runId, fileSets, "Bakery")).toEqual({ runEnded: "CANCELLED" });
    expect(await db().projectVersion.count({ where: { projectId } })).toBe(0);
    expect(await events(runId, "version.created")).toHaveLength(0);
    expect((await db().run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("CANCELLED");
  });
});
