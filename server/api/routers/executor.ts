/**
 * The embedded executor's runs, for platform administrators: list, inspect (steps with their
 * inputs and outputs), cancel and replay. Thin over server/executor's public API; everything
 * here is shaped for the runs UI (durations computed, large JSON cut to previews).
 */
import { z } from "zod";
import type { Db } from "../../db";
import type { ExecutorRun, ExecutorStep } from "../../db/generated/client";
import { AppError, notFound } from "../../errors";
import { cancelExecutorRun, getExecutorRun, isActiveExecutorRunStatus, listExecutorRuns, replayExecutorRun } from "../../executor";
import { ZExecutorRunId, ZListExecutorRunsInput } from "../../executor-admin/schemas";
import { errorMessageOf, toJsonPreview } from "../../executor-admin/to-json-preview";
import { adminProcedure, createTRPCRouter } from "../trpc";

const ZRunIdInput = z.object({ runId: ZExecutorRunId });

function eventNameOf(event: unknown): string | null {
  const name = typeof event === "object" && event !== null ? (event as { name?: unknown }).name : null;
  return typeof name === "string" ? name : null;
}

function durationMs(from: Date | null, to: Date | null): number | null {
  return from && to ? Math.max(0, to.getTime() - from.getTime()) : null;
}

function toRunSummary(run: ExecutorRun) {
  return {
    id: run.id,
    functionId: run.functionId,
    status: run.status,
    /** Still queued, running or waiting: it can be cancelled, and the UI keeps polling it. */
    isActive: isActiveExecutorRunStatus(run.status),
    eventId: run.eventId,
    eventName: eventNameOf(run.event),
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: durationMs(run.startedAt, run.finishedAt),
    /** Failed attempts of the function body since its last completed step (not step retries). */
    attempt: run.attempt,
    maxAttempts: run.maxAttempts,
    error: errorMessageOf(run.error),
    replayOfRunId: run.replayOfRunId,
    parentRunId: run.parentRunId,
  };
}

function toStepView(step: ExecutorStep) {
  return {
    id: step.id,
    name: step.name,
    op: step.op,
    status: step.status,
    attempts: step.attempts,
    createdAt: step.createdAt,
    completedAt: step.completedAt,
    durationMs: durationMs(step.createdAt, step.completedAt),
    wakeAt: step.wakeAt,
    waitEvent: step.waitEvent,
    invokedRunId: step.invokedRunId,
    // Previews, not the values: a step's data can be megabytes; the UI says when it is cut.
    input: toJsonPreview(step.input),
    output: toJsonPreview(step.output),
    error: toJsonPreview(step.error),
  };
}

async function requireRunExists(db: Db, runId: string) {
  const run = await db.executorRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) throw notFound("Run");
  return run;
}

export const executorRouter = createTRPCRouter({
  listRuns: adminProcedure.input(ZListExecutorRunsInput).query(async ({ ctx, input }) => {
    const { runs, nextCursor } = await listExecutorRuns(ctx.db, {
      status: input.status,
      functionId: input.functionId,
      limit: input.limit,
      cursor: input.cursor ?? undefined,
    });
    return { items: runs.map(toRunSummary), nextCursor };
  }),

  /** The functions that have runs (cheap: one grouped count), for the function filter. */
  listFunctions: adminProcedure.query(async ({ ctx }) => {
    const groups = await ctx.db.executorRun.groupBy({ by: ["functionId"], _count: { _all: true }, orderBy: { functionId: "asc" } });
    return groups.map((group) => ({ functionId: group.functionId, runCount: group._count._all }));
  }),

  getRun: adminProcedure.input(ZRunIdInput).query(async ({ ctx, input }) => {
    const run = await getExecutorRun(ctx.db, input.runId);
    if (!run) throw notFound("Run");
    return {
      ...toRunSummary(run),
      event: toJsonPreview(run.event),
      output: toJsonPreview(run.output),
      errorDetail: toJsonPreview(run.error),
      steps: run.steps.map(toStepView),
    };
  }),

  cancel: adminProcedure.input(ZRunIdInput).mutation(async ({ ctx, input }) => {
    await requireRunExists(ctx.db, input.runId);
    const isCancelled = await cancelExecutorRun(ctx.db, input.runId, `cancelled by ${ctx.user.email}`);
    // cancelExecutorRun is false for a finished run (it may have finished since the page loaded).
    if (!isCancelled) throw new AppError("CONFLICT", "This run has already finished");
    return { runId: input.runId };
  }),

  replay: adminProcedure.input(ZRunIdInput).mutation(async ({ ctx, input }) => {
    const runId = await replayExecutorRun(ctx.db, input.runId);
    if (!runId) throw notFound("Run");
    return { runId };
  }),
});
