// The durable "step started" marker (run-tracked-step.ts) on a real database: a step whose earlier
// try was killed (its attempt left RUNNING, as a SIGKILL leaves it) appends one "step.resumed" on
// its re-run, naming what it reused; an ordinary retry after an error, a step whose agent reports
// the interruption itself, and a run that has ended append none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEventPayloads } from "../events/run-events";
import { compileAppPlan, generateAppCode, generateAppData, generateAppInfra } from "../llm/offline";
import { createProject } from "../projects/create-project";
import { markRunFinished, markRunStarted, savePlan } from "../runs/run-lifecycle";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { createVersionStep, reusedVersionOf } from "./pipeline-steps";
import { runAgentTask } from "./run-agent-task";
import { beginStepAttempt, runTrackedStep } from "./run-tracked-step";

const PROMPT = "a todo list where I can add tasks and mark them done";
const compiled = compileAppPlan(PROMPT);
if (!compiled.ok) throw new Error(compiled.error);
const plan = compiled.plan;
const fileSets = [
  { summary: "Pages", files: generateAppCode(plan) },
  { summary: "Data", files: generateAppData(plan) },
  { summary: "Infra", files: generateAppInfra(plan) },
];

describe.each(testDatabaseKinds)("tracked pipeline steps on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.prisma;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function plannedRun(name: string) {
    const owner = await createTestUser(db(), name);
    const { project, run } = await createProject(db(), { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: PROMPT });
    await markRunStarted(db(), run.id, { brain: "Offline spec compiler" });
    await savePlan(db(), run.id, plan, false);
    return { projectId: project.id, runId: run.id };
  }

  const resumed = async (runId: string) =>
    (await db().runEvent.findMany({ where: { runId, type: "step.resumed" }, orderBy: { seq: "asc" } })).map((event) => event.payload as RunEventPayloads["step.resumed"]);
  const attempts = async (runId: string, stepKey: string) =>
    (await db().stepAttempt.findMany({ where: { runId, stepKey }, orderBy: { attempt: "asc" } })).map((attempt) => attempt.status);

  it("the version step killed after storing its version: the re-run reuses it and says so once", async () => {
    const { projectId, runId } = await plannedRun("tracked-version");
    const spec = { runId, stepKey: "create-version", findReused: reusedVersionOf(runId, "create-version") };
    // The killed try: its attempt opened, its version stored, its result never returned.
    await beginStepAttempt(db(), spec);
    const made = await createVersionStep(db(), runId, fileSets, "Todos");
    if ("runEnded" in made) throw new Error("the run ended");

    const again = await runTrackedStep(db(), spec, () => createVersionStep(db(), runId, fileSets, "Todos"));
    expect(again).toEqual(made);
    expect(await db().projectVersion.count({ where: { projectId } })).toBe(1);
    expect(await resumed(runId)).toEqual([{ stepKey: "create-version", interruptedAttempt: 1, reused: { kind: "version", versionId: made.versionId, number: 1 } }]);
    expect(await attempts(runId, "create-version")).toEqual(["INTERRUPTED", "SUCCEEDED"]);

    // Run once more (the executor lost the result again): nothing was interrupted, no event.
    await runTrackedStep(db(), spec, () => createVersionStep(db(), runId, fileSets, "Todos"));
    expect(await resumed(runId)).toHaveLength(1);
  });

  it("one event per interruption: two kills in a row are two events on the next try, and the step's log reads in order", async () => {
    const { runId } = await plannedRun("tracked-twice");
    const spec = { runId, stepKey: "stage-building" };
    await beginStepAttempt(db(), spec);
    await beginStepAttempt(db(), spec);
    expect(await runTrackedStep(db(), spec, async () => "built")).toBe("built");
    expect((await resumed(runId)).map((event) => [event.interruptedAttempt, event.reused])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(await attempts(runId, "stage-building")).toEqual(["INTERRUPTED", "INTERRUPTED", "SUCCEEDED"]);
  });

  it("an ordinary retry after an error is no resume", async () => {
    const { runId } = await plannedRun("tracked-retry");
    const spec = { runId, stepKey: "push-to-github" };
    await expect(runTrackedStep(db(), spec, async () => Promise.reject(new Error("GitHub answered 502")))).rejects.toThrow("502");
    await runTrackedStep(db(), spec, async () => "pushed");
    expect(await resumed(runId)).toEqual([]);
    expect(await attempts(runId, "push-to-github")).toEqual(["FAILED", "SUCCEEDED"]);
  });

  it("a step whose agent was cut off leaves the telling to agent.resumed; one killed after its agent finished tells it itself", async () => {
    const { projectId, runId } = await plannedRun("tracked-agent");
    const agentTask = { agentName: "QA" as const, taskType: "verify", round: 1 };
    const spec = { runId, stepKey: "qa-1", agentTask };
    const qa = () =>
      runAgentTask(db(), { runId, projectId, ...agentTask, input: {} }, async () => ({ value: "ok", usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, attempts: 1 }), (value) => value);

    // Killed inside the agent: its task stays RUNNING.
    await beginStepAttempt(db(), spec);
    await db().agentTask.create({ data: { projectId, runId, agentName: "QA", taskType: "verify", round: 1, status: "RUNNING", attempt: 1, startedAt: new Date() } });
    await runTrackedStep(db(), spec, qa);
    expect(await resumed(runId)).toEqual([]);
    expect(await db().runEvent.count({ where: { runId, type: "agent.resumed" } })).toBe(1);

    // Killed after the agent finished, before the step's result was stored: the step's event.
    await beginStepAttempt(db(), spec);
    await runTrackedStep(db(), spec, qa);
    expect(await resumed(runId)).toEqual([{ stepKey: "qa-1", interruptedAttempt: 3, reused: null }]);
    expect(await db().runEvent.count({ where: { runId, type: "agent.resumed" } })).toBe(1);
  });

  it("a run's end closes its attempts still RUNNING, and a step re-run after it appends nothing", async () => {
    const { runId } = await plannedRun("tracked-ended");
    const spec = { runId, stepKey: "push-to-github" };
    await beginStepAttempt(db(), spec);
    await markRunFinished(db(), runId, { status: "CANCELLED", error: "Cancelled by the user" });
    expect(await attempts(runId, "push-to-github")).toEqual(["CANCELLED"]);

    // A late try after the end (the step re-ran only to find the run over), killed, then run again.
    await beginStepAttempt(db(), spec);
    await runTrackedStep(db(), spec, async () => "skipped");
    expect(await resumed(runId)).toEqual([]);
    expect(await attempts(runId, "push-to-github")).toEqual(["CANCELLED", "INTERRUPTED", "SUCCEEDED"]);
    const log = await db().runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    expect(log.at(-1)!.type).toBe("run.cancelled");
  });
});
