// Run state changes, each committed together with the event that records it.
import type { Db } from "../db";
import type { Prisma, ProjectStatus, RunStatus } from "../db/generated/client";
import { assertNever, type DeploymentState, type RunEventPayload, type RunEventType, type RunGap, type RunStage } from "../events/run-events";
import { finishedEventOfStatus, isFinishedRunStatus } from "../events/run-statuses";
import type { QaFailure } from "../llm";
import type { TPlan } from "../plan/plan-schema";
import { isFullyMet, tallyRequirements, type RequirementResult } from "../plan/requirements";
import { getMetrics, providerOfBrain } from "../observability/metrics";
import { trackProductEvent } from "../observability/product-analytics";
import { currentTraceId } from "../observability/tracing";
import { appendRunEvent } from "./append-run-event";
import { closeRunningAgentTasks } from "./close-running-agent-tasks";
import { closeRunningStepAttempts } from "../pipeline/run-tracked-step";
import { runStatusesMovingTo } from "./run-transitions";

type Change<T extends RunEventType> = {
  status: RunStatus;
  projectStatus?: ProjectStatus;
  event: T;
  payload: RunEventPayload<T>;
  data?: Prisma.RunUpdateManyMutationInput;
};

/**
 * Moves the run, its project's status and its log together, only from a status that may move to
 * `change.status` (run-transitions.ts). Returns false, changing nothing, when the run already
 * finished: a late or retried step of a cancelled run is a no-op, not an error. Any other refused
 * move (back to QUEUED) is a bug, and throws.
 */
async function changeRun<T extends RunEventType>(db: Db, runId: string, change: Change<T>): Promise<boolean> {
  return db.$transaction(async (tx): Promise<false | { provider: string | null; run: { projectId: string; triggeredById: string | null } }> => {
    const { count } = await tx.run.updateMany({
      where: { id: runId, status: { in: runStatusesMovingTo(change.status) } },
      data: { status: change.status, ...change.data },
    });
    if (count === 0) {
      const run = await tx.run.findUnique({ where: { id: runId }, select: { status: true } });
      if (!run) throw new Error(`Run ${runId} not found`);
      if (isFinishedRunStatus(run.status)) return false;
      throw new Error(`A run cannot move from ${run.status} to ${change.status}`);
    }
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { projectId: true, triggeredById: true } });
    if (change.projectStatus) await tx.project.update({ where: { id: run.projectId }, data: { status: change.projectStatus } });
    // No task outlives its run in RUNNING: closed (with their events) just before the run's last event.
    if (isFinishedRunStatus(change.status)) {
      await closeRunningAgentTasks(tx, runId, change.status);
      await closeRunningStepAttempts(tx, runId, change.status);
      // A finished run's QA steps never run again: checks kept for a re-run of one cut off (a
      // crash before the run failed, a cancel mid-QA) have no use left (server/pipeline/qa-check-memo.ts).
      await tx.qaCheckResult.deleteMany({ where: { runId } });
    }
    await appendRunEvent(tx, runId, change.event, change.payload);
    return { provider: await runProviderFor(tx, runId, change), run };
  }).then((moved) => {
    // Counted after the commit, so a rolled-back change is never counted.
    if (moved) countRunChange(change.status, moved.provider);
    if (moved && moved.provider !== null && isFinishedRunStatus(change.status)) {
      trackProductEvent({
        event: "run finished",
        distinctId: moved.run.triggeredById ?? "system",
        properties: { runId, projectId: moved.run.projectId, outcome: change.status.toLowerCase(), provider: moved.provider },
      });
    }
    return moved !== false;
  });
}

/** The run's model provider, for the runs metrics: from its brain, named when it started. */
async function runProviderFor<T extends RunEventType>(tx: Prisma.TransactionClient, runId: string, change: Change<T>): Promise<string | null> {
  if (change.event === "run.started") return providerOfBrain((change.payload as RunEventPayload<"run.started">).brain);
  if (!isFinishedRunStatus(change.status)) return null;
  const started = await tx.runEvent.findFirst({ where: { runId, type: "run.started" }, orderBy: { seq: "desc" }, select: { payload: true } });
  const brain = (started?.payload as { brain?: unknown } | null)?.brain;
  return typeof brain === "string" ? providerOfBrain(brain) : "none";
}

function countRunChange(status: RunStatus, provider: string | null): void {
  if (provider === null) return;
  const metrics = getMetrics();
  if (status === "RUNNING") metrics.runsStarted.inc({ provider });
  else if (isFinishedRunStatus(status)) metrics.runsFinished.inc({ provider, outcome: status.toLowerCase() });
}

/** Also records the trace the run is in (the active span's, with tracing on), for the admin view and logs. */
export const markRunStarted = (db: Db, runId: string, payload: { brain: string }) =>
  changeRun(db, runId, {
    status: "RUNNING",
    projectStatus: "PLANNING",
    event: "run.started",
    payload,
    data: { startedAt: new Date(), attempts: { increment: 1 }, traceId: currentTraceId() },
  });

export const markRunStage = (db: Db, runId: string, stage: RunStage) =>
  changeRun(db, runId, { status: "RUNNING", projectStatus: stage, event: "run.stage", payload: { stage } });

export const savePlan = (db: Db, runId: string, plan: TPlan, isApprovalRequired: boolean) =>
  changeRun(db, runId, {
    status: isApprovalRequired ? "WAITING" : "RUNNING",
    event: "plan.generated",
    payload: { plan, isApprovalRequired },
    data: { plan: plan as Prisma.InputJsonValue },
  });

export const recordPlanReview = (db: Db, runId: string, review: { isApproved: boolean; feedback?: string; reviewerId?: string; plan?: TPlan }) =>
  changeRun(db, runId, {
    status: review.isApproved ? "RUNNING" : "CANCELLED",
    projectStatus: review.isApproved ? "BUILDING" : undefined,
    event: review.isApproved ? "plan.approved" : "plan.rejected",
    payload: { feedback: review.feedback ?? null, reviewerId: review.reviewerId ?? null },
    data: review.isApproved ? (review.plan ? { plan: review.plan as Prisma.InputJsonValue } : {}) : { finishedAt: new Date(), error: "The plan was rejected" },
  });

/** `requirements`: what became of each requirement (QA's last verdict), kept as the run's tally. */
export type RunOutcome =
  | { status: "SUCCEEDED"; versionId: string; requirements?: RequirementResult[] }
  | { status: "READY_WITH_GAPS"; versionId: string; gaps: RunGap[]; requirements?: RequirementResult[] }
  | { status: "FAILED" | "CANCELLED"; error?: string; versionId?: string; requirements?: RequirementResult[] };

/** QA's last verdict on the version that would go live, as the pipeline carries it between steps. */
export type QaVerdict = { passed: boolean; failures: QaFailure[]; gaps: RunGap[]; requirements: RequirementResult[] };

/**
 * Whether the version may go live: everything that failed is a requirement's check, so the app
 * loads and works but does not do all that was asked (the run then ends READY_WITH_GAPS, the
 * requirement failed — or unsupported, when the compiler wrote a check for it anyway). Static
 * problems, the app's own tests, console errors and baseline checks keep it off the air.
 */
export function isDeployable(qa: Pick<QaVerdict, "failures" | "requirements">): boolean {
  const requirementChecks = new Set(qa.requirements.flatMap((result) => (result.outcome === "passed" ? [] : result.checkIds)));
  return qa.failures.every((failure) => requirementChecks.has(failure.checkId));
}

/**
 * How a run that got as far as QA ends — the one place that decides it. Succeeded only when QA
 * passed, the preview is live, and nothing is left to report (every requirement passed, every
 * check ran); a live preview with anything left to report is READY_WITH_GAPS.
 * `deployment` is null when the version was not deployed (QA kept it off the air).
 */
export function decideRunOutcome(input: { versionId: string; qa: QaVerdict; deployment: { status: DeploymentState } | null; repairs: number }): RunOutcome {
  const { versionId, qa } = input;
  const requirements = qa.requirements;
  if (!input.deployment || !isDeployable(qa)) {
    const summary = qa.failures.map((failure) => `${failure.checkId}: ${failure.message}`).join("; ").slice(0, 500);
    return { status: "FAILED", error: `QA failed after ${input.repairs} repairs: ${summary}`, versionId, requirements };
  }
  if (input.deployment.status !== "READY") return { status: "FAILED", error: `The deployment ended ${input.deployment.status.toLowerCase()}`, versionId, requirements };
  if (qa.gaps.length > 0) return { status: "READY_WITH_GAPS", versionId, gaps: qa.gaps, requirements };
  // A failure with no gap naming it cannot be reported honestly as a success.
  if (!qa.passed || !isFullyMet(tallyRequirements(requirements))) throw new Error("QA did not pass but reported no gap");
  return { status: "SUCCEEDED", versionId, requirements };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * "2 of 9 requirements not met", "9 of 9 requirements not verified, 1 check not verified: no
 * browser" — one line for the timeline, toasts and the conversation. `total`: the plan's
 * requirement count (the gaps name only those not passed).
 */
export function summariseGaps(gaps: RunGap[], total?: number): string {
  const requirementGaps = gaps.filter((gap) => gap.kind === "requirement");
  const checkGaps = gaps.filter((gap) => gap.kind === "acceptance-check");
  const of = total ?? requirementGaps.length;
  const parts: string[] = [];
  const notMet = requirementGaps.filter((gap) => gap.status !== "unverified").length;
  const notVerified = requirementGaps.length - notMet;
  if (notMet > 0) parts.push(`${notMet} of ${plural(of, "requirement")} not met`);
  if (notVerified > 0) parts.push(`${notVerified} of ${plural(of, "requirement")} not verified`);
  const checkCounts = new Map<RunGap["status"], number>();
  for (const gap of checkGaps) checkCounts.set(gap.status, (checkCounts.get(gap.status) ?? 0) + 1);
  for (const [status, count] of checkCounts) parts.push(`${plural(count, "check")} ${status === "unverified" ? "not verified" : status}`);
  const reasons = [...new Set(gaps.map((gap) => gap.reason))];
  return `${parts.join(", ")}${reasons.length === 1 ? `: ${reasons[0]}` : ""}`;
}

function tallyColumns(requirements: RequirementResult[] | undefined): Prisma.RunUpdateManyMutationInput {
  if (!requirements) return {};
  const tally = tallyRequirements(requirements);
  return {
    requirementsTotal: tally.total,
    requirementsPassed: tally.passed,
    requirementsFailed: tally.failed,
    requirementsUnsupported: tally.unsupported,
    requirementsUnverified: tally.unverified,
  };
}

export async function markRunFinished(db: Db, runId: string, outcome: RunOutcome) {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { projectId: true, project: { select: { liveVersionId: true } } } });
  // A run that deployed leaves the project READY; a failed one leaves it on its last good version (READY) if it has one.
  const isDeployed = outcome.status === "SUCCEEDED" || outcome.status === "READY_WITH_GAPS";
  const projectStatus: ProjectStatus = isDeployed || run.project.liveVersionId ? "READY" : "FAILED";
  const data = { finishedAt: new Date(), ...tallyColumns(outcome.requirements) };
  switch (outcome.status) {
    case "SUCCEEDED":
      if (outcome.requirements && !isFullyMet(tallyRequirements(outcome.requirements))) {
        throw new Error("SUCCEEDED needs every requirement passed; a run with unmet requirements is READY_WITH_GAPS");
      }
      return changeRun(db, runId, { status: outcome.status, projectStatus, event: "run.succeeded", payload: { error: null, versionId: outcome.versionId }, data: { ...data, error: null } });
    case "READY_WITH_GAPS": {
      if (outcome.gaps.length === 0) throw new Error("READY_WITH_GAPS needs at least one gap; a run without gaps SUCCEEDED");
      const payload = { versionId: outcome.versionId, summary: summariseGaps(outcome.gaps, outcome.requirements?.length), gaps: outcome.gaps };
      return changeRun(db, runId, { status: outcome.status, projectStatus, event: "run.ready_with_gaps", payload, data: { ...data, error: null } });
    }
    case "FAILED":
    case "CANCELLED":
      return changeRun(db, runId, {
        status: outcome.status,
        projectStatus,
        event: finishedEventOfStatus[outcome.status],
        payload: { error: outcome.error ?? null, versionId: outcome.versionId ?? null },
        data: { ...data, error: outcome.error ?? null },
      });
    default:
      return assertNever(outcome);
  }
}
