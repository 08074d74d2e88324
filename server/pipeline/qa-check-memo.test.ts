// The QA step's check memo in the database: what one attempt of a QA step stored is kept by that
// step's next attempt only (same run, same round, same fingerprint), and the real qaStep, run
// after an attempt that was cut off once two checks had passed, keeps those two, runs the rest in
// Chromium, says so in its qa.result event, still stores a screenshot, and clears the memo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runQaAgent } from "../agents/qa-agent";
import type { CheckResult } from "../agents/qa/run-acceptance-checks";
import type { RunEventPayloads } from "../events/run-events";
import { compileAppPlan, generateAppCode, generateAppData, generateAppInfra } from "../llm/offline";
import type { TPlan } from "../plan/plan-schema";
import { createProject } from "../projects/create-project";
import { markRunFinished, markRunStarted, savePlan } from "../runs/run-lifecycle";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { readVersionFiles } from "../versions/read-version";
import { createVersionStep, qaStep } from "./pipeline-steps";
import { createQaCheckMemo, qaStepKey } from "./qa-check-memo";

const PROMPT = "landing page for Rosie's Bakery with our menu and opening hours";
const compiled = compileAppPlan(PROMPT);
if (!compiled.ok) throw new Error(compiled.error);
const plan = compiled.plan;
const fileSets = [
  { summary: "Pages", files: generateAppCode(plan) },
  { summary: "Data", files: generateAppData(plan) },
  { summary: "Infra", files: generateAppInfra(plan) },
];

const passed = (id: string): CheckResult => ({ id, description: id, requirementIds: [], passed: true, status: "passed", blockedRequests: [], durationMs: 10 });

class AttemptCutOff extends Error {}

describe.each(testDatabaseKinds)("the QA step's check memo on %s", (kind) => {
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

  it("keeps a stored pass for the same run, step and fingerprint only; once per check; gone with its run", async () => {
    const one = await plannedRun("memo-one");
    const other = await plannedRun("memo-other");
    const memo = createQaCheckMemo(db(), one.runId, qaStepKey(1));
    await memo.store({ checkId: "loads", fingerprint: "f1", result: passed("loads"), consoleErrors: ["console: boom"] });
    // Stored again (two attempts overlapping): still one row, the first.
    await memo.store({ checkId: "loads", fingerprint: "f1", result: { ...passed("loads"), durationMs: 99 }, consoleErrors: [] });

    expect(await memo.load(["f1", "f2"])).toEqual([{ checkId: "loads", fingerprint: "f1", result: passed("loads"), consoleErrors: ["console: boom"] }]);
    expect(await memo.load(["f2"])).toEqual([]);
    // Another run's QA step, and the next round of this run, see nothing of it.
    expect(await createQaCheckMemo(db(), other.runId, qaStepKey(1)).load(["f1"])).toEqual([]);
    expect(await createQaCheckMemo(db(), one.runId, qaStepKey(2)).load(["f1"])).toEqual([]);

    await db().run.delete({ where: { id: one.runId } });
    expect(await db().qaCheckResult.count({ where: { runId: one.runId } })).toBe(0);
  });

  it("a run that ends with a QA step unfinished (cancelled mid-QA) takes its kept checks with it", async () => {
    const { runId } = await plannedRun("memo-cancelled");
    await createQaCheckMemo(db(), runId, qaStepKey(1)).store({ checkId: "loads", fingerprint: "f1", result: passed("loads"), consoleErrors: [] });
    expect(await markRunFinished(db(), runId, { status: "CANCELLED", error: "Cancelled by a user" })).toBe(true);
    expect(await db().qaCheckResult.count({ where: { runId } })).toBe(0);
  });

  it("qaStep after an attempt cut off once two checks passed: keeps those two, runs the rest, says so, and clears the memo", { timeout: 300_000 }, async () => {
    const { runId } = await plannedRun("memo-qa-step");
    const made = await createVersionStep(db(), runId, fileSets, "Bakery");
    if ("runEnded" in made) throw new Error("the run ended");
    const storedPlan = (await db().run.findUniqueOrThrow({ where: { id: runId }, select: { plan: true } })).plan as TPlan;
    const files = (await readVersionFiles(db(), made.versionId)).map((file) => ({ path: file.path, content: file.content.toString("utf8") }));
    expect(storedPlan.acceptanceChecks.length).toBeGreaterThan(2);

    // The attempt the crash cut off: the same agent with the step's memo, stopped after two passes.
    const memo = createQaCheckMemo(db(), runId, qaStepKey(1));
    await expect(
      runQaAgent({
        plan: storedPlan,
        files,
        checkMemo: memo,
        onCheckStored: async (stored) => {
          if (stored === 2) throw new AttemptCutOff("cut off after two checks");
        },
      }),
    ).rejects.toBeInstanceOf(AttemptCutOff);
    const kept = await db().qaCheckResult.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });
    expect(kept.map((row) => row.checkId)).toEqual(storedPlan.acceptanceChecks.slice(0, 2).map((check) => check.id));

    const result = await qaStep(db(), runId, made.versionId, 1);
    const events = await db().runEvent.findMany({ where: { runId, type: "qa.result" } });
    expect(events).toHaveLength(1);
    const qa = events[0]!.payload as RunEventPayloads["qa.result"];
    expect(qa.keptFromEarlierAttempt).toBe(2);
    expect(qa.checks.map((check) => check.isFromEarlierAttempt ?? false)).toEqual(storedPlan.acceptanceChecks.map((_, index) => index < 2));
    // The kept ones are the stored results (their durations are the first attempt's).
    expect(qa.checks.slice(0, 2).map((check) => check.durationMs)).toEqual(kept.map((row) => (row.result as unknown as CheckResult).durationMs));
    expect(qa.passed).toBe(true);
    expect(result.screenshotSha).not.toBeNull();
    const task = await db().agentTask.findFirstOrThrow({ where: { runId, agentName: "QA" } });
    expect(task.resultPayload).toMatchObject({ keptChecks: 2, checks: storedPlan.acceptanceChecks.length });
    // The log holds the outcome now: nothing of the memo is left.
    expect(await db().qaCheckResult.count({ where: { runId } })).toBe(0);
  });
});
