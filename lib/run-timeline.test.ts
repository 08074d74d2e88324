import { describe, expect, it } from "vitest";
import type { RunEventMessage, RunEventPayloads, RunEventType } from "~/server/events/run-events";
import { samplePlan } from "~/server/llm/testing/sample-plan";
import { deriveStages } from "./run-timeline";

let seq = 0;
const event = <T extends RunEventType>(type: T, payload: RunEventPayloads[T]): RunEventMessage =>
  ({ seq: ++seq, type, payload, createdAt: "2026-11-25T10:00:00.000Z" }) as RunEventMessage;
const task = { taskId: "t1", attempt: 1 };
const usage = { tokensIn: 0, tokensOut: 0, costUsd: 0, modelAttempts: 1, summary: null };

describe("deriveStages", () => {
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
});
