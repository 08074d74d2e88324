import type { RunEventMessage } from "./hooks/use-run-events";

export const stageOrder = ["PromptCompiler", "CodeGen", "DB", "Infra", "QA", "Deploy"] as const;
export type StageName = (typeof stageOrder)[number];
export type StageStatus = "pending" | "running" | "done" | "failed";

export type Stage = {
  name: StageName;
  status: StageStatus;
  attempts: number;
  durationMs: number;
  tokens: number;
  costUsd: number;
  lastError: string | null;
  /** The stage's own log lines, oldest first, so a stage can be opened to see what it did. */
  lines: Array<{ seq: number; at: string; text: string; isError: boolean }>;
};

/** Which stage an event belongs to: agent events name their agent; the rest by topic. */
export function stageOfEvent(event: RunEventMessage): StageName | null {
  const agent = event.payload.agent;
  if (typeof agent === "string" && (stageOrder as readonly string[]).includes(agent)) return agent as StageName;
  if (event.type.startsWith("plan.")) return "PromptCompiler";
  if (event.type === "qa.result") return "QA";
  if (event.type === "deployment.status") return "Deploy";
  return null;
}

/** Folds the run's agent.* events into one row per agent (repairs count as CodeGen attempts). */
export function deriveStages(events: RunEventMessage[]): Stage[] {
  const stages = new Map<StageName, Stage>(
    stageOrder.map((name) => [name, { name, status: "pending", attempts: 0, durationMs: 0, tokens: 0, costUsd: 0, lastError: null, lines: [] }]),
  );
  for (const event of events) {
    const owner = stageOfEvent(event);
    if (owner) stages.get(owner)!.lines.push({ seq: event.seq, at: event.createdAt, text: describeEvent(event), isError: event.type.endsWith("failed") || event.payload.passed === false });
    const agent = event.payload.agent as StageName | undefined;
    const stage = agent ? stages.get(agent) : undefined;
    if (!stage) continue;
    if (event.type === "agent.started") {
      stage.status = "running";
      stage.attempts += 1;
    } else if (event.type === "agent.completed") {
      stage.status = "done";
      stage.durationMs += Number(event.payload.durationMs ?? 0);
      stage.tokens += Number(event.payload.tokensIn ?? 0) + Number(event.payload.tokensOut ?? 0);
      stage.costUsd += Number(event.payload.costUsd ?? 0);
    } else if (event.type === "agent.failed") {
      stage.status = "failed";
      stage.lastError = String(event.payload.error ?? "failed");
    }
  }
  // A QA stage that reported failures is failed even though the QA task itself completed.
  const lastQa = [...events].reverse().find((event) => event.type === "qa.result");
  const qa = stages.get("QA")!;
  if (lastQa && lastQa.payload.passed === false && qa.status === "done") qa.status = "failed";
  return [...stages.values()];
}

export function describeEvent(event: RunEventMessage): string {
  const p = event.payload;
  switch (event.type) {
    case "run.queued":
      return "Run queued";
    case "run.started":
      return `Run started with ${String(p.brain ?? "the agents")}`;
    case "run.stage":
      return `Stage: ${String(p.stage).toLowerCase()}`;
    case "plan.generated":
      return p.isApprovalRequired ? "Plan ready — waiting for approval" : "Plan ready";
    case "plan.approved":
      return "Plan approved";
    case "plan.rejected":
      return "Plan rejected";
    case "plan.edited":
      return "Plan edited";
    case "agent.started":
      return `${String(p.agent)} started (${String(p.taskType)}, attempt ${String(p.attempt)})`;
    case "agent.completed":
      return `${String(p.agent)} finished in ${(Number(p.durationMs) / 1000).toFixed(1)} s`;
    case "agent.failed":
      return `${String(p.agent)} failed: ${String(p.error)}`;
    case "version.created":
      return `Version ${String(p.number)} saved (${String(p.files)} files)`;
    case "qa.result":
      return p.passed ? `QA passed (attempt ${String(p.attempt)})` : `QA found problems (attempt ${String(p.attempt)})`;
    case "deployment.status":
      return `Deployment ${String(p.status).toLowerCase()}: ${String(p.log)}`;
    case "run.succeeded":
      return "Run succeeded";
    case "run.failed":
      return `Run failed: ${String(p.error)}`;
    case "run.cancelled":
      return "Run cancelled";
    default:
      return event.type;
  }
}
