// Run state changes, each committed together with the event that records it.
import type { Db } from "../db";
import type { Prisma, ProjectStatus, RunStatus } from "../db/generated/client";
import type { RunEventPayload, RunEventType, RunStage } from "../events/run-events";
import type { TPlan } from "../plan/plan-schema";
import { appendRunEvent } from "./append-run-event";

type Change<T extends RunEventType> = {
  status: RunStatus;
  projectStatus?: ProjectStatus;
  event: T;
  payload: RunEventPayload<T>;
  data?: Prisma.RunUpdateInput;
};

async function changeRun<T extends RunEventType>(db: Db, runId: string, change: Change<T>) {
  return db.$transaction(async (tx) => {
    const run = await tx.run.update({ where: { id: runId }, data: { status: change.status, ...change.data }, select: { projectId: true } });
    if (change.projectStatus) await tx.project.update({ where: { id: run.projectId }, data: { status: change.projectStatus } });
    await appendRunEvent(tx, runId, change.event, change.payload);
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

const finishedEventOf = { SUCCEEDED: "run.succeeded", FAILED: "run.failed", CANCELLED: "run.cancelled" } as const;

export async function markRunFinished(db: Db, runId: string, outcome: { status: "SUCCEEDED" | "FAILED" | "CANCELLED"; error?: string; versionId?: string }) {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { projectId: true, project: { select: { liveVersionId: true } } } });
  // A failed run leaves the project on its last good version: READY if it has one.
  const projectStatus: ProjectStatus = outcome.status === "SUCCEEDED" || run.project.liveVersionId ? "READY" : "FAILED";
  return changeRun(db, runId, {
    status: outcome.status,
    projectStatus,
    event: finishedEventOf[outcome.status],
    payload: { error: outcome.error ?? null, versionId: outcome.versionId ?? null },
    data: { finishedAt: new Date(), error: outcome.error ?? null },
  });
}
