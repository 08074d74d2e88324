// Folds a run's events into the dashboard's stage timeline: one row per agent with its status,
// attempts, timings, usage and log lines. Every switch is exhaustive over the event union, so a
// new event type does not compile until the timeline decides what to do with it.
import { agentNames, type AgentName } from "~/server/plan/agent-names";
import { deployTargetLabels } from "~/server/events/deploy-targets";
import { assertNever, type RunEventMessage, type RunEventPayload, type StepReuse } from "~/server/events/run-events";
import { describeResults } from "./requirement-status";

export const stageOrder = agentNames;
export type StageName = AgentName;
/** "unverified": the QA stage ran, but its browser checks could not (no browser), or not every requirement passed. */
export type StageStatus = "pending" | "running" | "done" | "unverified" | "failed";

export type Stage = {
  name: StageName;
  status: StageStatus;
  /** Tries of the stage's steps that were not cut off by a platform restart (repairs count as CodeGen attempts). */
  attempts: number;
  /** Tries cut off by a platform crash or restart; their step ran again (not counted in `attempts`). */
  interruptions: number;
  durationMs: number;
  tokens: number;
  costUsd: number;
  lastError: string | null;
  /** The stage's own log lines, oldest first, so a stage can be opened to see what it did. */
  lines: Array<{ seq: number; at: string; text: string; isError: boolean }>;
};

/** Which stage an event belongs to: agent events name their agent; the rest by topic. */
export function stageOfEvent(event: RunEventMessage): StageName | null {
  switch (event.type) {
    case "agent.started":
    case "agent.resumed":
    case "agent.closed":
    case "agent.log":
    case "agent.completed":
    case "agent.failed":
      return event.payload.agent;
    case "plan.generated":
    case "plan.edited":
    case "plan.approved":
    case "plan.rejected":
      return "PromptCompiler";
    case "qa.result":
      return "QA";
    case "deployment.status":
    case "github.pushed":
    case "integration.warning":
      return "Deploy";
    case "run.queued":
    case "run.started":
    case "run.stage":
    case "step.resumed":
    case "version.created":
    case "run.succeeded":
    case "run.ready_with_gaps":
    case "run.failed":
    case "run.cancelled":
      return null;
    default:
      return assertNever(event);
  }
}

function isErrorEvent(event: RunEventMessage): boolean {
  return event.type === "agent.failed" || (event.type === "agent.closed" && event.payload.status === "INTERRUPTED") || event.type === "run.failed" || event.type === "integration.warning" || (event.type === "qa.result" && !event.payload.passed);
}

/** Folds the run's agent.* events into one row per agent (repairs count as CodeGen attempts). */
export function deriveStages(events: RunEventMessage[]): Stage[] {
  const stages = new Map<StageName, Stage>(
    stageOrder.map((name) => [name, { name, status: "pending", attempts: 0, interruptions: 0, durationMs: 0, tokens: 0, costUsd: 0, lastError: null, lines: [] }]),
  );
  for (const event of events) {
    const owner = stageOfEvent(event);
    if (owner) stages.get(owner)!.lines.push({ seq: event.seq, at: event.createdAt, text: describeEvent(event), isError: isErrorEvent(event) });
    if (event.type === "agent.started") {
      const stage = stages.get(event.payload.agent)!;
      stage.status = "running";
      stage.attempts += 1;
    } else if (event.type === "agent.resumed") {
      // The interrupted try was counted at its agent.started; it is not an attempt the user made.
      const stage = stages.get(event.payload.agent)!;
      stage.attempts = Math.max(0, stage.attempts - 1);
      stage.interruptions += 1;
    } else if (event.type === "agent.closed") {
      // Its run ended under it: the stage did not finish (a cancelled step is not a failed one).
      const stage = stages.get(event.payload.agent)!;
      if (event.payload.status === "INTERRUPTED") {
        // Cut off by the platform like a resumed try, so not an attempt the user made either.
        stage.attempts = Math.max(0, stage.attempts - 1);
        stage.interruptions += 1;
        stage.status = "failed";
        stage.lastError = event.payload.reason;
      } else if (stage.status === "running") {
        stage.status = "pending";
      }
    } else if (event.type === "agent.completed") {
      const stage = stages.get(event.payload.agent)!;
      stage.status = "done";
      stage.durationMs += event.payload.durationMs;
      stage.tokens += event.payload.tokensIn + event.payload.tokensOut;
      stage.costUsd += event.payload.costUsd;
    } else if (event.type === "agent.failed") {
      const stage = stages.get(event.payload.agent)!;
      stage.status = "failed";
      stage.lastError = event.payload.error;
    }
  }
  // A QA stage that reported failures is failed even though the QA task itself completed.
  const lastQa = latestEvent(events, "qa.result");
  const qa = stages.get("QA")!;
  if (lastQa && !lastQa.payload.passed && qa.status === "done") qa.status = "failed";
  else if (lastQa && qa.status === "done" && (lastQa.payload.isBrowserVerified === false || lastQa.payload.requirements?.some((result) => result.outcome !== "passed"))) {
    qa.status = "unverified";
  }
  return [...stages.values()];
}

/** The newest event of one type, typed by it. */
export function latestEvent<T extends RunEventMessage["type"]>(events: RunEventMessage[], type: T): Extract<RunEventMessage, { type: T }> | undefined {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index]!;
    if (event.type === type) return event as Extract<RunEventMessage, { type: T }>;
  }
  return undefined;
}

function describeQaResult(qa: RunEventPayload<"qa.result">): string {
  if (!qa.passed) {
    const timedOut = qa.checks.filter((check) => check.isTimedOut).length;
    return `QA found problems${timedOut ? `; ${timedOut} check(s) timed out` : ""} (attempt ${qa.attempt})`;
  }
  if (qa.isBrowserVerified === false) return `QA: static checks and app tests passed; browser checks not verified (attempt ${qa.attempt})`;
  // Checks passing is not the same as getting what was asked for: say what is missing.
  if (qa.requirements?.some((result) => result.outcome !== "passed")) {
    return `QA: every check that ran passed, but ${describeResults(qa.requirements)} (attempt ${qa.attempt})`;
  }
  return `QA passed (attempt ${qa.attempt})`;
}

/** Checks not run again after a restart: said, so a fast QA round is not mistaken for a full one. */
function describeKeptChecks(qa: Pick<RunEventPayload<"qa.result">, "keptFromEarlierAttempt" | "checks">): string {
  return qa.keptFromEarlierAttempt ? `; ${qa.keptFromEarlierAttempt} of ${qa.checks.length} checks kept from the attempt the restart cut off` : "";
}

function describeReuse(reused: StepReuse): string {
  if (reused === null) return "";
  switch (reused.kind) {
    case "version":
      return `; it reused version ${reused.number}, already saved`;
    case "deployment":
      return `; it went on with its deployment (${reused.status.toLowerCase()})`;
    default:
      return assertNever(reused);
  }
}

export function describeEvent(event: RunEventMessage): string {
  switch (event.type) {
    case "run.queued":
      return "Run queued";
    case "run.started":
      return `Run started with ${event.payload.brain}`;
    case "run.stage":
      return `Stage: ${event.payload.stage.toLowerCase()}`;
    case "plan.generated":
      return event.payload.isApprovalRequired ? "Plan ready — waiting for approval" : "Plan ready";
    case "plan.approved":
      return "Plan approved";
    case "plan.rejected":
      return "Plan rejected";
    case "plan.edited":
      return "Plan edited";
    case "agent.started":
      return `${event.payload.agent} started (${event.payload.taskType}${event.payload.round ? ` round ${event.payload.round}` : ""}, attempt ${event.payload.attempt})`;
    case "agent.resumed":
      return `${event.payload.agent} ${event.payload.taskType}${event.payload.round ? ` round ${event.payload.round}` : ""} resumed after the platform restarted (attempt ${event.payload.interruptedAttempt} was interrupted)`;
    case "step.resumed":
      return `Step ${event.payload.stepKey} ran again after the platform restarted (attempt ${event.payload.interruptedAttempt} was interrupted)${describeReuse(event.payload.reused)}`;
    case "agent.closed":
      return `${event.payload.agent} ${event.payload.taskType}${event.payload.round ? ` round ${event.payload.round}` : ""} ${event.payload.status === "CANCELLED" ? "cancelled" : "interrupted"} with the run (attempt ${event.payload.attempt}): ${event.payload.reason}`;
    case "agent.log":
      return event.payload.line;
    case "agent.completed":
      return `${event.payload.agent} finished in ${(event.payload.durationMs / 1000).toFixed(1)} s`;
    case "agent.failed":
      return `${event.payload.agent} failed: ${event.payload.error}`;
    case "version.created":
      return `Version ${event.payload.number} saved (${event.payload.files} files)`;
    case "qa.result":
      return describeQaResult(event.payload) + describeKeptChecks(event.payload);
    case "deployment.status":
      return `${event.payload.target && event.payload.target !== "preview" ? `${deployTargetLabels[event.payload.target]} deployment` : "Deployment"} ${event.payload.status.toLowerCase()}: ${event.payload.log}`;
    case "github.pushed":
      return event.payload.pullRequestUrl
        ? `Version ${event.payload.number} pushed to GitHub branch ${event.payload.branch}; pull request ${event.payload.pullRequestUrl}`
        : `Version ${event.payload.number} pushed to GitHub: ${event.payload.commitUrl}`;
    case "integration.warning":
      return `${event.payload.provider} ${event.payload.action} failed (the run goes on): ${event.payload.message}`;
    case "run.succeeded":
      return "Run succeeded";
    case "run.ready_with_gaps":
      return `Ready with gaps — deployed, but ${event.payload.summary}`;
    case "run.failed":
      return `Run failed: ${event.payload.error ?? "unknown error"}`;
    case "run.cancelled":
      return "Run cancelled";
    default:
      return assertNever(event);
  }
}
