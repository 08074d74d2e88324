// Every event a run's log can hold, defined once. The server appends them (appendRunEvent is
// generic over this map), the SSE route streams them, and the dashboard folds them into the
// timeline — all three read the same types, so a payload cannot drift between producer and
// consumer. Zod-free and type-only imports: client components import this module.
import type { TDeployTarget } from "./deploy-targets";
import type { AgentName } from "../plan/agent-names";
import type { TPlan } from "../plan/plan-schema";
import type { RequirementResult } from "../plan/requirements";

/** The project statuses a running pipeline moves through (a subset of Prisma's ProjectStatus). */
export type RunStage = "PLANNING" | "BUILDING" | "TESTING" | "DEPLOYING";
export type DeploymentState = "QUEUED" | "BUILDING" | "READY" | "FAILED" | "CANCELLED";

/** An acceptance check's verdict; "unverified" when it could not run (no browser), never a pass. */
export type QaCheckStatus = "passed" | "failed" | "unverified";

export type QaCheckOutcome = {
  id: string;
  description: string;
  /** True only for "passed". */
  passed: boolean;
  /** Absent on events stored before checks could be unverified: `passed` decides there. */
  status?: QaCheckStatus;
  message: string | null;
  /** A failed check whose steps timed out, on a second try too: the machine may have been busy. Absent: not a timeout. */
  isTimedOut?: boolean;
  /** Not run again: it had passed in the attempt of this QA step that a platform restart cut off (same app, same check). */
  isFromEarlierAttempt?: boolean;
  durationMs: number;
};

/**
 * Something the run was asked for that the deployed version is not known to do: a requirement
 * that failed, is unsupported or could not be verified (id = the requirement's, description = its
 * text), or a browser check tied to no requirement that could not run. A run with gaps ends
 * READY_WITH_GAPS, never SUCCEEDED.
 */
export type RunGap = {
  kind: "acceptance-check" | "requirement";
  id: string;
  description: string;
  status: "unverified" | "failed" | "unsupported";
  reason: string;
};

/**
 * What an interrupted step had made that its re-run reused instead of making again (its version,
 * its deployment); null: nothing, the step ran again from its start.
 */
export type StepReuse = { kind: "version"; versionId: string; number: number } | { kind: "deployment"; deploymentId: string; status: DeploymentState } | null;

export type RunEventPayloads = {
  "run.queued": { prompt: string; triggeredBy: string | null; isFollowUp?: boolean };
  "run.started": { brain: string };
  "run.stage": { stage: RunStage };
  "plan.generated": { plan: TPlan; isApprovalRequired: boolean };
  "plan.edited": { plan: TPlan; editorId: string | null };
  "plan.approved": { feedback: string | null; reviewerId: string | null };
  "plan.rejected": { feedback: string | null; reviewerId: string | null };
  /** `attempt` counts tries of this step only; `round` numbers a repeated step (QA round 2, repair 2). */
  "agent.started": { taskId: string; agent: AgentName; taskType: string; attempt: number; round?: number };
  /** A step cut off by a platform crash or restart ran again: its unfinished task was closed as INTERRUPTED. */
  "agent.resumed": { interruptedTaskId: string; agent: AgentName; taskType: string; round?: number; interruptedAttempt: number };
  /**
   * A pipeline step cut off by a platform crash or restart ran again, and its agent (if it has one)
   * had finished or it runs none (the version step, the GitHub push…): server/pipeline/run-tracked-step.ts.
   * `stepKey` is the executor's step id ("create-version", "qa-2"); `interruptedAttempt` counts tries of that step.
   */
  "step.resumed": { stepKey: string; interruptedAttempt: number; reused: StepReuse };
  /**
   * The run ended (failed, cancelled…) while this task was still RUNNING and its step will not run
   * again: the task was closed with the run, INTERRUPTED (its process is gone, e.g. a crash before
   * the run failed) or CANCELLED (the run was cancelled).
   */
  "agent.closed": { taskId: string; agent: AgentName; taskType: string; attempt: number; round?: number; status: "INTERRUPTED" | "CANCELLED"; reason: string };
  "agent.log": { agent: AgentName; line: string };
  "agent.completed": {
    taskId: string;
    agent: AgentName;
    taskType: string;
    attempt: number;
    durationMs: number;
    tokensIn: number;
    tokensOut: number;
    costUsd: number;
    modelAttempts: number;
    summary: JsonValue;
  };
  "agent.failed": { taskId: string; agent: AgentName; taskType: string; attempt: number; error: string };
  "version.created": { versionId: string; number: number; files: number; summary: string };
  "qa.result": {
    versionId: string;
    attempt: number;
    passed: boolean;
    checks: QaCheckOutcome[];
    staticProblems: string[];
    testCommand: { ran: boolean; passed: boolean; durationMs: number; output: string };
    consoleErrors: string[];
    screenshotSha: string | null;
    /** False when no browser could be had: every check is then "unverified". Absent on older events (they all ran). */
    isBrowserVerified?: boolean;
    browserUnavailableReason?: string | null;
    /** What became of each requirement of the plan. Absent on events stored before requirements were checked. */
    requirements?: RequirementResult[];
    /** How many checks were kept from the attempt a platform restart cut off (marked `isFromEarlierAttempt`). Absent: none. */
    keptFromEarlierAttempt?: number;
  };
  /** `target` is absent on events stored before deploy targets (they were all the preview's). */
  "deployment.status": { deploymentId: string; status: DeploymentState; log: string; url: string | null; target?: TDeployTarget };
  /** A version pushed to the project's GitHub repository as one commit (and a pull request, for follow-ups in pull-request mode). */
  "github.pushed": { versionId: string; number: number; commitSha: string; commitUrl: string; branch: string; pullRequestUrl: string | null };
  /** An integration step that failed without failing the run: the provider's message and what to do. */
  "integration.warning": { provider: string; action: string; message: string };
  "run.succeeded": { error: string | null; versionId: string | null };
  "run.ready_with_gaps": { versionId: string | null; summary: string; gaps: RunGap[] };
  "run.failed": { error: string | null; versionId: string | null };
  "run.cancelled": { error: string | null; versionId: string | null };
};

export type RunEventType = keyof RunEventPayloads;
export type RunEventPayload<T extends RunEventType> = RunEventPayloads[T];

/** Every type, for runtime checks (e.g. a stored row read back from the database). */
export const runEventTypes = [
  "run.queued",
  "run.started",
  "run.stage",
  "plan.generated",
  "plan.edited",
  "plan.approved",
  "plan.rejected",
  "agent.started",
  "agent.resumed",
  "step.resumed",
  "agent.closed",
  "agent.log",
  "agent.completed",
  "agent.failed",
  "version.created",
  "qa.result",
  "deployment.status",
  "github.pushed",
  "integration.warning",
  "run.succeeded",
  "run.ready_with_gaps",
  "run.failed",
  "run.cancelled",
] as const satisfies readonly RunEventType[];

// Fails to compile when a type is added to the map but not to the list (or the other way round).
type MissingFromList = Exclude<RunEventType, (typeof runEventTypes)[number]>;
const listIsComplete: MissingFromList extends never ? true : MissingFromList = true;
void listIsComplete;

export function isRunEventType(value: string): value is RunEventType {
  return (runEventTypes as readonly string[]).includes(value);
}

/** One event as the SSE stream sends it and the dashboard receives it. */
export type RunEventMessage = { [T in RunEventType]: { seq: number; type: T; payload: RunEventPayloads[T]; createdAt: string } }[RunEventType];
export type RunEventMessageOf<T extends RunEventType> = Extract<RunEventMessage, { type: T }>;

/** The terminal events, one per final run status. */
export const finishedRunEventTypes = ["run.succeeded", "run.ready_with_gaps", "run.failed", "run.cancelled"] as const satisfies readonly RunEventType[];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Exhaustiveness guard for switches over event types: adding a type without a case fails the build. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
