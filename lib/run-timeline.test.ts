import { describe, expect, it } from "vitest";
import type { RunEventMessage, RunEventPayloads, RunEventType } from "~/server/events/run-events";
import { samplePlan } from "~/server/llm/testing/sample-plan";
import { deriveStages, describeEvent } from "./run-timeline";

let seq = 0;
const event = <T extends RunEventType>(type: T, payload: RunEventPayloads[T]): RunEventMessage =>
  ({ seq: ++seq, type, payload, createdAt: "2026-11-25T10:00:00.000Z" }) as RunEventMessage;
const task = { taskId: "t1", attempt: 1 };
const usage = { tokensIn: 0, tokensOut: 0, costUsd: 0, modelAttempts: 1, summary: null };

describe("deriveStages", () => {
  it("says how many checks timed out when QA found problems", () => {
    const check = { id: "loads", description: "loads", passed: false, status: "failed" as const, message: "timed out twice", durationMs: 1 };
    const qa = event("qa.result", { versionId: "v1", attempt: 1, passed: false, checks: [{ ...check, isTimedOut: true }, { ...check, id: "other" }], staticProblems: [], testCommand: { ran: false, passed: true, durationMs: 0, output: "" }, consoleErrors: [], screenshotSha: null });
    expect(describeEvent(qa)).toBe("QA found problems; 1 check(s) timed out (attempt 1)");
  });

  it("says how many checks a QA round kept from the attempt a restart cut off", () => {
    const check = { id: "loads", description: "loads", passed: true, status: "passed" as const, message: null, durationMs: 1 };
    const checks = [{ ...check, isFromEarlierAttempt: true }, { ...check, id: "adds", isFromEarlierAttempt: true }, { ...check, id: "deletes" }];
    const base = { versionId: "v1", attempt: 1, passed: true, staticProblems: [], testCommand: { ran: false, passed: true, durationMs: 0, output: "" }, consoleErrors: [], screenshotSha: null };
    expect(describeEvent(event("qa.result", { ...base, checks, keptFromEarlierAttempt: 2 }))).toBe("QA passed (attempt 1); 2 of 3 checks kept from the attempt the restart cut off");
    expect(describeEvent(event("qa.result", { ...base, checks }))).toBe("QA passed (attempt 1)");
  });

  it("shows a step cut off by a restart as resumed, not as an attempt of its own", () => {
    const stages = deriveStages([
      event("agent.started", { taskId: "q1", agent: "QA", taskType: "verify", attempt: 1, round: 1 }),
      event("agent.resumed", { interruptedTaskId: "q1", agent: "QA", taskType: "verify", round: 1, interruptedAttempt: 1 }),
      event("agent.started", { taskId: "q2", agent: "QA", taskType: "verify", attempt: 2, round: 1 }),
    ]);
    const qa = stages.find((stage) => stage.name === "QA")!;
    expect(qa).toMatchObject({ status: "running", attempts: 1, interruptions: 1 });
    expect(qa.lines.map((line) => line.text)).toEqual([
      "QA started (verify round 1, attempt 1)",
      "QA verify round 1 resumed after the platform restarted (attempt 1 was interrupted)",
      "QA started (verify round 1, attempt 2)",
    ]);
    expect(qa.lines.every((line) => !line.isError)).toBe(true);
  });

  it("says a step that runs no agent ran again after a restart, and what it reused, in the run's log (no stage row)", () => {
    const version = event("step.resumed", { stepKey: "create-version", interruptedAttempt: 1, reused: { kind: "version", versionId: "v1", number: 3 } });
    expect(describeEvent(version)).toBe("Step create-version ran again after the platform restarted (attempt 1 was interrupted); it reused version 3, already saved");
    const push = event("step.resumed", { stepKey: "push-to-github", interruptedAttempt: 2, reused: null });
    expect(describeEvent(push)).toBe("Step push-to-github ran again after the platform restarted (attempt 2 was interrupted)");
    const deploy = event("step.resumed", { stepKey: "deploy-vercel", interruptedAttempt: 1, reused: { kind: "deployment", deploymentId: "d1", status: "BUILDING" } });
    expect(describeEvent(deploy)).toBe("Step deploy-vercel ran again after the platform restarted (attempt 1 was interrupted); it went on with its deployment (building)");
    expect(deriveStages([version, push]).every((stage) => stage.lines.length === 0)).toBe(true);
  });

  it("shows a step closed with its run: interrupted as a failed stage, cancelled as not run", () => {
    const stages = deriveStages([
      event("agent.started", { taskId: "q1", agent: "QA", taskType: "verify", attempt: 1, round: 2 }),
      event("agent.closed", { taskId: "q1", agent: "QA", taskType: "verify", attempt: 1, round: 2, status: "INTERRUPTED", reason: "Interrupted: the run ended" }),
      event("agent.started", { taskId: "c1", agent: "CodeGen", taskType: "generate", attempt: 1 }),
      event("agent.closed", { taskId: "c1", agent: "CodeGen", taskType: "generate", attempt: 1, status: "CANCELLED", reason: "Cancelled with its run." }),
    ]);
    const qa = stages.find((stage) => stage.name === "QA")!;
    expect(qa).toMatchObject({ status: "failed", attempts: 0, interruptions: 1, lastError: "Interrupted: the run ended" });
    expect(qa.lines.at(-1)).toMatchObject({ text: "QA verify round 2 interrupted with the run (attempt 1): Interrupted: the run ended", isError: true });
    const codegen = stages.find((stage) => stage.name === "CodeGen")!;
    expect(codegen).toMatchObject({ status: "pending", attempts: 1, interruptions: 0 });
    expect(codegen.lines.at(-1)).toMatchObject({ text: "CodeGen generate cancelled with the run (attempt 1): Cancelled with its run.", isError: false });
  });

  it("folds a run's events into one row per agent with attempts, duration, tokens and its own log", () => {
    const stages = deriveStages([
      event("run.started", { brain: "Offline spec compiler" }),
      event("agent.started", { ...task, agent: "PromptCompiler", taskType: "plan" }),
      event("agent.completed", { ...task, ...usage, agent: "PromptCompiler", taskType: "plan", durationMs: 1200, tokensIn: 100, tokensOut: 50, costUsd: 0.002 }),
      event("plan.generated", { plan: samplePlan, isApprovalRequired: true }),
      event("agent.started", { ...task, agent: "QA", taskType: "verify" }),
      event("agent.completed", { ...task, ...usage, agent: "QA", taskType: "verify", durationMs: 5000 }),
      event("qa.result", { versionId: "v1", attempt: 1, passed: false, checks: [], staticProblems: [], testCommand: { ran: false, passed: true, durationMs: 0, output: "" }, consoleErrors: [], screenshotSha: null }),
      event("agent.started", { ...task, agent: "CodeGen", taskType: "repair" }),
      event("agent.failed", { ...task, agent: "CodeGen", taskType: "repair", error: "model refused" }),
      event("deployment.status", { deploymentId: "d1", status: "BUILDING", log: "copying files", url: null }),
    ]);
    const byName = Object.fromEntries(stages.map((stage) => [stage.name, stage]));

    expect(byName.PromptCompiler).toMatchObject({ status: "done", attempts: 1, durationMs: 1200, tokens: 150, costUsd: 0.002 });
    expect(byName.PromptCompiler!.lines.map((line) => line.text)).toEqual([
      "PromptCompiler started (plan, attempt 1)",
      "PromptCompiler finished in 1.2 s",
      "Plan ready — waiting for approval",
    ]);
    // QA that reported failures shows as failed even though its task finished.
    expect(byName.QA).toMatchObject({ status: "failed" });
    expect(byName.QA!.lines.at(-1)).toMatchObject({ text: "QA found problems (attempt 1)", isError: true });
    expect(byName.CodeGen).toMatchObject({ status: "failed", lastError: "model refused" });
    expect(byName.Deploy!.lines.map((line) => line.text)).toEqual(["Deployment building: copying files"]);
    expect(byName.DB).toMatchObject({ status: "pending", attempts: 0, lines: [] });
  });

  it("shows a QA stage whose browser checks could not run as unverified, and a run with gaps as such", () => {
    const unverified = { id: "loads", description: "The app loads", passed: false, status: "unverified" as const, message: "no browser", durationMs: 0 };
    const events = [
      event("agent.started", { ...task, agent: "QA", taskType: "verify" }),
      event("agent.completed", { ...task, ...usage, agent: "QA", taskType: "verify", durationMs: 900 }),
      event("qa.result", {
        versionId: "v1",
        attempt: 1,
        passed: true,
        checks: [unverified],
        staticProblems: [],
        testCommand: { ran: true, passed: true, durationMs: 300, output: "" },
        consoleErrors: [],
        screenshotSha: null,
        isBrowserVerified: false,
        browserUnavailableReason: "no browser",
      }),
      event("run.ready_with_gaps", { versionId: "v1", summary: "1 check not verified: no browser", gaps: [{ kind: "acceptance-check", id: "loads", description: "The app loads", status: "unverified", reason: "no browser" }] }),
    ];
    const qa = deriveStages(events).find((stage) => stage.name === "QA")!;
    expect(qa.status).toBe("unverified");
    expect(qa.lines.at(-1)).toMatchObject({ text: "QA: static checks and app tests passed; browser checks not verified (attempt 1)", isError: false });
    expect(describeEvent(events.at(-1)!)).toBe("Ready with gaps — deployed, but 1 check not verified: no browser");
  });

  it("never shows QA as plainly passed while a requirement is not met", () => {
    const passedCheck = { id: "add-book", description: "Adds a book", passed: true, status: "passed" as const, message: null, durationMs: 5 };
    const qaResult = (requirements: Array<{ id: string; outcome: "passed" | "unsupported"; message: string | null; checkIds: string[] }>) =>
      event("qa.result", {
        versionId: "v1",
        attempt: 1,
        passed: true,
        checks: [passedCheck],
        staticProblems: [],
        testCommand: { ran: true, passed: true, durationMs: 300, output: "" },
        consoleErrors: [],
        screenshotSha: null,
        isBrowserVerified: true,
        browserUnavailableReason: null,
        requirements,
      });
    const started = [event("agent.started", { ...task, agent: "QA", taskType: "verify" }), event("agent.completed", { ...task, ...usage, agent: "QA", taskType: "verify", durationMs: 900 })];

    const gapped = [...started, qaResult([{ id: "r-books", outcome: "passed", message: null, checkIds: ["add-book"] }, { id: "r-login", outcome: "unsupported", message: "needs a server", checkIds: [] }])];
    const qa = deriveStages(gapped).find((stage) => stage.name === "QA")!;
    expect(qa.status).toBe("unverified");
    expect(describeEvent(gapped.at(-1)!)).toBe("QA: every check that ran passed, but 1 of 2 requirements not met (1 not supported) (attempt 1)");

    const met = [...started, qaResult([{ id: "r-books", outcome: "passed", message: null, checkIds: ["add-book"] }])];
    expect(deriveStages(met).find((stage) => stage.name === "QA")!.status).toBe("done");
    expect(describeEvent(met.at(-1)!)).toBe("QA passed (attempt 1)");
  });
});
