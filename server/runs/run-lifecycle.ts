// Run state changes, each committed together with the event that records it.
import type { Db } from "../db";
import type { Prisma, ProjectStatus, RunStatus } from "../db/generated/client";
import { assertNever, type RunEventPayload, type RunEventType, type RunGap, type RunStage } from "../events/run-events";
import { finishedEventOfStatus, isFinishedRunStatus } from "../events/run-statuses";
import type { TPlan } from "../plan/plan-schema";
import { appendRunEvent } from "./append-run-event";
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
  return db.$transaction(async (tx) => {
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
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { projectId: true } });
    if (change.projectStatus) await tx.project.update({ where: { id: run.projectId }, data: { status: change.projectStatus } });
    await appendRunEvent(tx, runId, change.event, change.payload);
    return true;
  });
}

export const markRunStarted = (db: Db, runId: string, payload: { brain: string }) =>
  changeRun(db, runId, { status: "RUNNING", projectStatus: "PLANNING", event: "run.started", payload, data: { startedAt: new Date(), attempts: { increment: 1 } } });

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

export type RunOutcome =
  | { status: "SUCCEEDED"; versionId: string }
  | { status: "READY_WITH_GAPS"; versionId: string; gaps: RunGap[] }
  | { status: "FAILED" | "CANCELLED"; error?: string; versionId?: string };

/** "5 browser checks not verified: …" — one line for the timeline, toasts and the conversation. */
export function summariseGaps(gaps: RunGap[]): string {
  const counts = new Map<RunGap["status"], number>();
  for (const gap of gaps) counts.set(gap.status, (counts.get(gap.status) ?? 0) + 1);
  const parts = [...counts].map(([status, count]) => `${count} ${count === 1 ? "check" : "checks"} ${status === "unverified" ? "not verified" : status}`);
  const reasons = [...new Set(gaps.map((gap) => gap.reason))];
  return `${parts.join(", ")}${reasons.length === 1 ? `: ${reasons[0]}` : ""}`;
}

export async function markRunFinished(db: Db, runId: string, outcome: RunOutcome) {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { projectId: true, project: { select: { liveVersionId: true } } } });
  // A run that deployed leaves the project READY; a failed one leaves it on its last good version (READY) if it has one.
  const isDeployed = outcome.status === "SUCCEEDED" || outcome.status === "READY_WITH_GAPS";
  const projectStatus: ProjectStatus = isDeployed || run.project.liveVersionId ? "READY" : "FAILED";
  const data = { finishedAt: new Date() };
  switch (outcome.status) {
    case "SUCCEEDED":
      return changeRun(db, runId, { status: outcome.status, projectStatus, event: "run.succeeded", payload: { error: null, versionId: outcome.versionId }, data: { ...data, error: null } });
    case "READY_WITH_GAPS": {
      if (outcome.gaps.length === 0) throw new Error("READY_WITH_GAPS needs at least one gap; a run without gaps SUCCEEDED");
      const payload = { versionId: outcome.versionId, summary: summariseGaps(outcome.gaps), gaps: outcome.gaps };
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
