/**
 * The embedded executor's runs, for platform administrators: list, inspect (steps with their
 * inputs and outputs), cancel and replay. Thin over server/executor's public API; everything
 * here is shaped for the runs UI (durations computed, large JSON cut to previews).
 */
import type { Db } from "../db";
import type { ExecutorRun, ExecutorStep } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { cancelExecutorRun, getExecutorRun, isActiveExecutorRunStatus, listExecutorRuns, replayExecutorRun } from "../executor";
import type { TListExecutorRunsInput } from "./schemas";
import { traceIdOfTraceparent, traceUrlFor } from "../observability/tracing";
import { errorMessageOf, toJsonPreview } from "./to-json-preview";

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

export async function listExecutorRunViews(db: Db, input: TListExecutorRunsInput) {
  const { runs, nextCursor } = await listExecutorRuns(db, {
    status: input.status,
    functionId: input.functionId,
    limit: input.limit,
    cursor: input.cursor ?? undefined,
  });
  return { items: runs.map(toRunSummary), nextCursor };
}

export async function getExecutorRunView(db: Db, runId: string) {
  const run = await getExecutorRun(db, runId);
  if (!run) throw notFound("Run");
  return {
    ...toRunSummary(run),
    event: toJsonPreview(run.event),
    output: toJsonPreview(run.output),
    errorDetail: toJsonPreview(run.error),
    steps: run.steps.map(toStepView),
    trace: traceViewOf(run.traceparent),
  };
}

/** The run's trace (recorded when tracing is on): its id, and a link when TRACE_URL_TEMPLATE is set. */
export function traceViewOf(traceparent: string | null, template?: string): { id: string; url: string | null } | null {
  const id = traceIdOfTraceparent(traceparent);
  // An undefined template is TRACE_URL_TEMPLATE (traceUrlFor's default).
  return id ? { id, url: traceUrlFor(id, template) } : null;
}

/** Cancels an active run; CONFLICT when it has finished (it may have since the page loaded). */
export async function cancelExecutorRunAsAdmin(db: Db, runId: string, adminEmail: string) {
  const run = await db.executorRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) throw notFound("Run");
  const isCancelled = await cancelExecutorRun(db, runId, `cancelled by ${adminEmail}`);
  if (!isCancelled) throw new AppError("CONFLICT", "This run has already finished");
  return { runId };
}

/** Starts a new run with the same event; the old one stays as it was. */
export async function replayExecutorRunAsAdmin(db: Db, runId: string) {
  const replayId = await replayExecutorRun(db, runId);
  if (!replayId) throw notFound("Run");
  return { runId: replayId };
}
