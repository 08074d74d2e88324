import { describe, expect, it } from "vitest";
import type { RunEventMessage } from "./hooks/use-run-events";
import { deriveStages } from "./run-timeline";

let seq = 0;
const event = (type: string, payload: Record<string, unknown> = {}): RunEventMessage => ({ seq: ++seq, type, payload, createdAt: "2026-11-25T10:00:00.000Z" });

describe("deriveStages", () => {
  it("folds a run's events into one row per agent with attempts, duration, tokens and its own log", () => {
    const stages = deriveStages([
      event("run.started", { brain: "Offline spec compiler" }),
      event("agent.started", { agent: "PromptCompiler", taskType: "plan", attempt: 1 }),
      event("agent.completed", { agent: "PromptCompiler", durationMs: 1200, tokensIn: 100, tokensOut: 50, costUsd: 0.002 }),
      event("plan.generated", { isApprovalRequired: true }),
      event("agent.started", { agent: "QA", taskType: "verify", attempt: 1 }),
      event("agent.completed", { agent: "QA", durationMs: 5000 }),
      event("qa.result", { passed: false, attempt: 1 }),
      event("agent.started", { agent: "CodeGen", taskType: "repair", attempt: 1 }),
      event("agent.failed", { agent: "CodeGen", error: "model refused" }),
      event("deployment.status", { status: "BUILDING", log: "copying files" }),
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
