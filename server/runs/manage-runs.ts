import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { rebuildChecksAfterEdit } from "../llm/offline";
import { ZPlan, type TPlan } from "../plan/plan-schema";
import { plansReviewed } from "../events/inngest-events";
import { isActiveRunStatus } from "../events/run-statuses";
import type { SendEvent } from "../pipeline/send-event";
import { requestRunCancellation } from "../pipeline/start-run";
import { appendRunEvent } from "./append-run-event";
import { markRunFinished } from "./run-lifecycle";


/** A new run on an existing project: builds the next version from the live one. Started by start-pipeline-run.ts. */
export async function createFollowUpRun(db: Db, input: { projectId: string; prompt: string; userId: string }) {
  return db.$transaction(async (tx) => {
    const run = await tx.run.create({ data: { projectId: input.projectId, triggeredById: input.userId, prompt: input.prompt, status: "QUEUED" } });
    const project = await tx.project.update({ where: { id: input.projectId }, data: { status: "QUEUED" } });
    await appendRunEvent(tx, run.id, "run.queued", { prompt: input.prompt, triggeredBy: input.userId, isFollowUp: true });
    return { project, run };
  });
}

export async function cancelRun(db: Db, send: SendEvent, runId: string) {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) throw notFound("Run");
  if (!isActiveRunStatus(run.status)) throw new AppError("BAD_REQUEST", `The run is already ${run.status.toLowerCase()}`);
  await requestRunCancellation(send, runId);
  await markRunFinished(db, runId, { status: "CANCELLED", error: "Cancelled by a user" });
}

export async function reviewPlan(db: Db, send: SendEvent, input: { runId: string; isApproved: boolean; feedback?: string; plan?: TPlan; reviewerId: string }) {
  const run = await db.run.findUnique({ where: { id: input.runId }, select: { status: true, projectId: true, plan: true, project: { select: { workspace: { select: { modelProvider: true } } } } } });
  if (!run) throw notFound("Run");
  if (run.status !== "WAITING" || !run.plan) throw new AppError("BAD_REQUEST", "This run is not waiting for a plan review");
  // The offline compiler's checks are derived from the plan: written again from the edited plan,
  // so a rename leaves no check looking for the old name. A model's checks are its own.
  const original = ZPlan.safeParse(run.plan);
  const editedPlan = input.plan && run.project.workspace.modelProvider === "offline" && original.success ? rebuildChecksAfterEdit(original.data, input.plan) : input.plan;
  if (editedPlan) {
    await db.$transaction(async (tx) => {
      await tx.run.update({ where: { id: input.runId }, data: { plan: editedPlan as Prisma.InputJsonValue } });
      await appendRunEvent(tx, input.runId, "plan.edited", { plan: editedPlan, editorId: input.reviewerId });
    });
  }
  await send(
    plansReviewed.create({ runId: input.runId, projectId: run.projectId, isApproved: input.isApproved, feedback: input.feedback, reviewerId: input.reviewerId }),
  );
}

/** Newest first; `afterId` continues after that run (keyset on createdAt, then id, so pages stay stable). */
export function listProjectRuns(db: Db, projectId: string, limit: number, afterId?: string) {
  return db.run.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}),
    select: {
      id: true,
      prompt: true,
      status: true,
      error: true,
      queuedAt: true,
      startedAt: true,
      finishedAt: true,
      tokensIn: true,
      tokensOut: true,
      costUsd: true,
      attempts: true,
      lastSeq: true,
      requirementsTotal: true,
      requirementsPassed: true,
      requirementsFailed: true,
      requirementsUnsupported: true,
      requirementsUnverified: true,
      triggeredBy: { select: { name: true, email: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
    },
  });
}

export async function getRunDetail(db: Db, runId: string) {
  const run = await db.run.findUnique({
    where: { id: runId },
    include: {
      agentTasks: { orderBy: { createdAt: "asc" } },
      versions: { orderBy: { number: "asc" }, select: { id: true, number: true, summary: true, createdAt: true } },
    },
  });
  if (!run) throw notFound("Run");
  return run;
}
