import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEventPayloads, RunGap } from "../events/run-events";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import type { RequirementResult } from "../plan/requirements";
import { decideRunOutcome, isDeployable, markRunFinished, summariseGaps, type QaVerdict } from "./run-lifecycle";

const unverified = (id: string, reason = "no browser"): RunGap => ({ kind: "acceptance-check", id, description: `Check ${id}`, status: "unverified", reason });

describe("summariseGaps", () => {
  it("counts gaps by status and names their reason when they share one", () => {
    expect(summariseGaps([unverified("a")])).toBe("1 check not verified: no browser");
    expect(summariseGaps([unverified("a"), unverified("b")])).toBe("2 checks not verified: no browser");
    expect(summariseGaps([unverified("a", "x"), { ...unverified("b", "y"), status: "failed" }])).toBe("1 check not verified, 1 check failed");
  });

  it("counts requirements not met (failed or unsupported) and not verified out of the plan's total", () => {
    const failed = requirementGap("r-a", "failed", "Check a: wrong");
    const unsupported = requirementGap("r-b", "unsupported", "needs a server");
    expect(summariseGaps([failed, unsupported], 9)).toBe("2 of 9 requirements not met");
    expect(summariseGaps([failed], 1)).toBe("1 of 1 requirement not met: Check a: wrong");
    expect(summariseGaps([requirementGap("r-a", "unverified", "no browser"), requirementGap("r-b", "unverified", "no browser"), unverified("loads")], 2)).toBe(
      "2 of 2 requirements not verified, 1 check not verified: no browser",
    );
    expect(summariseGaps([failed, requirementGap("r-c", "unverified", "no check verifies this yet")], 5)).toBe("1 of 5 requirements not met, 1 of 5 requirements not verified");
  });
});

const requirementGap = (id: string, status: RunGap["status"], reason: string): RunGap => ({ kind: "requirement", id, description: `Requirement ${id}`, status, reason });
const result = (id: string, outcome: RequirementResult["outcome"], checkIds: string[] = []): RequirementResult => ({
  id,
  outcome,
  message: outcome === "passed" ? null : `${outcome}!`,
  checkIds,
});
const verdict = (extra: Partial<QaVerdict>): QaVerdict => ({ passed: true, failures: [], gaps: [], requirements: [], ...extra });

describe("isDeployable", () => {
  it.each([
    { name: "QA passed", qa: verdict({}), expected: true },
    { name: "only requirements' checks failed", qa: verdict({ passed: false, failures: [{ checkId: "pie", message: "no slice" }], requirements: [result("r-chart", "failed", ["pie"])] }), expected: true },
    {
      name: "a check of an unsupported requirement failed",
      qa: verdict({ passed: false, failures: [{ checkId: "sms", message: "no text sent" }], requirements: [result("r-sms", "unsupported", ["sms"])] }),
      expected: true,
    },
    { name: "a baseline check failed", qa: verdict({ passed: false, failures: [{ checkId: "loads", message: "blank" }], requirements: [result("r-a", "passed", ["a"])] }), expected: false },
    { name: "static problems", qa: verdict({ passed: false, failures: [{ checkId: "static-checks", message: "syntax" }] }), expected: false },
    {
      name: "console errors beside a requirement's failure",
      qa: verdict({ passed: false, failures: [{ checkId: "pie", message: "x" }, { checkId: "console", message: "errors" }], requirements: [result("r-chart", "failed", ["pie"])] }),
      expected: false,
    },
  ])("$name → $expected", ({ qa, expected }) => {
    expect(isDeployable(qa)).toBe(expected);
  });
});

describe("decideRunOutcome", () => {
  const ready = { status: "READY" as const };
  const base = { versionId: "v1", repairs: 2 };

  it("SUCCEEDED only when QA passed, the preview is live and every requirement passed", () => {
    const requirements = [result("r-a", "passed", ["a"]), result("r-b", "passed", ["b"])];
    expect(decideRunOutcome({ ...base, qa: verdict({ requirements }), deployment: ready })).toEqual({ status: "SUCCEEDED", versionId: "v1", requirements });
  });

  it("a live preview with a failed requirement is READY_WITH_GAPS, with the gaps and results", () => {
    const requirements = [result("r-a", "passed", ["a"]), result("r-b", "failed", ["b"])];
    const gaps = [requirementGap("r-b", "failed", "Check b: wrong")];
    const qa = verdict({ passed: false, failures: [{ checkId: "b", message: "wrong" }], gaps, requirements });
    expect(decideRunOutcome({ ...base, qa, deployment: ready })).toEqual({ status: "READY_WITH_GAPS", versionId: "v1", gaps, requirements });
  });

  it("unsupported or unverified requirements are gaps even when every check passed", () => {
    const requirements = [result("r-a", "passed", ["a"]), result("r-b", "unsupported")];
    const gaps = [requirementGap("r-b", "unsupported", "needs a server")];
    expect(decideRunOutcome({ ...base, qa: verdict({ gaps, requirements }), deployment: ready })).toMatchObject({ status: "READY_WITH_GAPS", gaps });
  });

  it("FAILED when QA kept the version off the air, with the failures", () => {
    const qa = verdict({ passed: false, failures: [{ checkId: "loads", message: "blank page" }] });
    expect(decideRunOutcome({ ...base, qa, deployment: null })).toEqual({ status: "FAILED", error: "QA failed after 2 repairs: loads: blank page", versionId: "v1", requirements: [] });
  });

  it("FAILED when the deployment did not get ready", () => {
    expect(decideRunOutcome({ ...base, qa: verdict({}), deployment: { status: "FAILED" } })).toMatchObject({ status: "FAILED", error: "The deployment ended failed" });
  });

  it("refuses to call a failed QA without a gap a success", () => {
    const qa = verdict({ passed: false, failures: [{ checkId: "b", message: "x" }], requirements: [result("r-b", "failed", ["b"])] });
    expect(() => decideRunOutcome({ ...base, qa, deployment: ready })).toThrow("QA did not pass but reported no gap");
  });
});

describe.each(testDatabaseKinds)("markRunFinished on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function newRun() {
    const owner = await createTestUser(database.prisma, "lifecycle");
    return createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A timer app" });
  }

  it("ends a deployed run with gaps as READY_WITH_GAPS — never SUCCEEDED — with the project READY and the gaps in its last event", async () => {
    const { project, run } = await newRun();
    const gaps = [unverified("loads"), unverified("adds")];
    await markRunFinished(database.prisma, run.id, { status: "READY_WITH_GAPS", versionId: "v1", gaps });

    const finished = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished).toMatchObject({ status: "READY_WITH_GAPS", error: null });
    expect(finished.finishedAt).not.toBeNull();
    expect((await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("READY");
    const last = await database.prisma.runEvent.findFirstOrThrow({ where: { runId: run.id }, orderBy: { seq: "desc" } });
    expect(last.type).toBe("run.ready_with_gaps");
    expect(last.payload as RunEventPayloads["run.ready_with_gaps"]).toEqual({ versionId: "v1", summary: "2 checks not verified: no browser", gaps });
  });

  it("writes the requirement tally when the run ends, and names requirements in the summary", async () => {
    const { run } = await newRun();
    const requirements = [result("r-a", "passed"), result("r-b", "failed"), result("r-c", "unsupported"), result("r-d", "unverified"), result("r-e", "passed")];
    const gaps = [requirementGap("r-b", "failed", "x"), requirementGap("r-c", "unsupported", "y"), requirementGap("r-d", "unverified", "z")];
    await markRunFinished(database.prisma, run.id, { status: "READY_WITH_GAPS", versionId: "v1", gaps, requirements });
    const finished = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished).toMatchObject({ requirementsTotal: 5, requirementsPassed: 2, requirementsFailed: 1, requirementsUnsupported: 1, requirementsUnverified: 1 });
    const last = await database.prisma.runEvent.findFirstOrThrow({ where: { runId: run.id }, orderBy: { seq: "desc" } });
    expect((last.payload as RunEventPayloads["run.ready_with_gaps"]).summary).toBe("2 of 5 requirements not met, 1 of 5 requirements not verified");
  });

  it("refuses SUCCEEDED while a requirement is not met, leaving the run as it was", async () => {
    const { run } = await newRun();
    await expect(markRunFinished(database.prisma, run.id, { status: "SUCCEEDED", versionId: "v1", requirements: [result("r-a", "passed"), result("r-b", "unverified")] })).rejects.toThrow(
      "SUCCEEDED needs every requirement passed",
    );
    expect((await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("QUEUED");
  });

  async function startTask(runId: string, projectId: string, agentName: string, taskType: string, round?: number) {
    return database.prisma.agentTask.create({ data: { runId, projectId, agentName, taskType, round, status: "RUNNING", startedAt: new Date() } });
  }

  it("closes the tasks a failed run left RUNNING as INTERRUPTED, each with an agent.closed event before run.failed", async () => {
    const { project, run } = await newRun();
    const qa = await startTask(run.id, project.id, "QA", "verify", 2);
    const done = await database.prisma.agentTask.create({ data: { runId: run.id, projectId: project.id, agentName: "CodeGen", taskType: "generate", status: "SUCCEEDED" } });
    await markRunFinished(database.prisma, run.id, { status: "FAILED", error: "The platform gave up on the run" });

    expect(await database.prisma.agentTask.count({ where: { runId: run.id, status: "RUNNING" } })).toBe(0);
    expect(await database.prisma.agentTask.findUniqueOrThrow({ where: { id: qa.id } })).toMatchObject({ status: "INTERRUPTED" });
    expect((await database.prisma.agentTask.findUniqueOrThrow({ where: { id: qa.id } })).completedAt).not.toBeNull();
    expect((await database.prisma.agentTask.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("SUCCEEDED");
    const events = await database.prisma.runEvent.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
    expect(events.slice(-2).map((event) => event.type)).toEqual(["agent.closed", "run.failed"]);
    expect(events.at(-2)!.payload as RunEventPayloads["agent.closed"]).toMatchObject({ taskId: qa.id, agent: "QA", taskType: "verify", round: 2, attempt: 1, status: "INTERRUPTED" });
  });

  it("closes a cancelled run's RUNNING tasks as CANCELLED", async () => {
    const { project, run } = await newRun();
    const codegen = await startTask(run.id, project.id, "CodeGen", "generate");
    await markRunFinished(database.prisma, run.id, { status: "CANCELLED", error: "Cancelled by a user" });
    expect((await database.prisma.agentTask.findUniqueOrThrow({ where: { id: codegen.id } })).status).toBe("CANCELLED");
    const closed = await database.prisma.runEvent.findFirstOrThrow({ where: { runId: run.id, type: "agent.closed" } });
    expect(closed.payload).toMatchObject({ taskId: codegen.id, status: "CANCELLED" });
    expect(closed.payload).not.toHaveProperty("round");
  });

  it("closes nothing, and adds no event, when no task is running or the run had already ended", async () => {
    const { project, run } = await newRun();
    await markRunFinished(database.prisma, run.id, { status: "FAILED", error: "x" });
    expect(await database.prisma.runEvent.count({ where: { runId: run.id, type: "agent.closed" } })).toBe(0);
    // A task started after the end (a late step) is not the run-end's to close: the run does not finish twice.
    await startTask(run.id, project.id, "QA", "verify");
    expect(await markRunFinished(database.prisma, run.id, { status: "CANCELLED" })).toBe(false);
    expect(await database.prisma.runEvent.count({ where: { runId: run.id, type: "agent.closed" } })).toBe(0);
  });

  it("refuses READY_WITH_GAPS without a gap, leaving the run as it was", async () => {
    const { run } = await newRun();
    await expect(markRunFinished(database.prisma, run.id, { status: "READY_WITH_GAPS", versionId: "v1", gaps: [] })).rejects.toThrow("READY_WITH_GAPS needs at least one gap");
    expect((await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("QUEUED");
  });
});
