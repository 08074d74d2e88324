// Drives one leased run forward, one SDK request at a time, until it finishes, parks (sleeping,
// waiting, retrying later) or the worker has to let it go.
//
// Each round reloads the run from the database and derives what to do from the stored state
// alone — no plan is kept in memory — so a worker that dies at any point leaves nothing to
// repair: the next worker repeats the round. Every step result is stored in a transaction that
// first checks this worker still holds the lease, so a worker whose lease was taken over can
// never write over its successor.
import type { ExecutorStep } from "../../db/generated/client";
import { SpanStatusCode, type Span } from "@opentelemetry/api";
import type { ExecutionResult, OutgoingOp, SerializedError } from "../protocol/execution-protocol";
import { finishExecutorRun, type ExecutorRunOutcome } from "../store/finish-executor-run";
import { renewLease, type LeasedExecutorRun } from "./lease-executor-runs";
import { mapWithLimit } from "./map-with-limit";
import { registerWaitingStep } from "./register-waiting-step";
import { resolveWaitingStep } from "../store/resolve-waiting-step";
import { retryDelayMs } from "./retry-delay";
import { buildRequest, callFunctionForRun, stepName, type WorkerContext, type LoadedExecutorRun, type ExecutorRunContext, type StepRef } from "./executor-run-context";
import type { ExecutorRunEvent } from "../store/executor-run-events";
import { farFuture } from "../store/executor-run-status";
import { isStepResultOp, storeStepOp, storeStepResult } from "./store-step-result";
import { withTransaction } from "../store/with-transaction";
import { getLogger, withLogContext } from "../../observability/logger";
import { isTracingOn, recordRootSpan, withSpan } from "../../observability/tracing";
import { retryWhileUnreachable } from "../../db/retry-while-unreachable";

const log = getLogger("executor");

export type { WorkerContext } from "./executor-run-context";

type RoundResult = "continue" | "parked" | "finished" | "lost";
type StepExecution = { kind: "stored" } | { kind: "lost" } | { kind: "fail-run"; error: SerializedError };

/** A guard against a function that keeps finding work forever within one lease. */
const maxRoundsPerLease = 500;

async function finish(ctx: ExecutorRunContext, run: LoadedExecutorRun, outcome: ExecutorRunOutcome): Promise<RoundResult> {
  const finished = await withTransaction(ctx.db, (tx) =>
    finishExecutorRun(tx, run.id, outcome, { now: new Date(), leaseOwner: ctx.leaseOwner }),
  );
  if (!finished) return "lost";
  ctx.emit(finished.events);
  // A parent resumed by this run, or an onFailure handler to start: there is new work.
  if (finished.hasNewEvents || run.parentRunId) ctx.wake();
  return "finished";
}

/** An error outside any step: retry the whole request later, or fail the run. */
async function handleFunctionError(
  ctx: ExecutorRunContext,
  run: LoadedExecutorRun,
  error: SerializedError,
  isRetriable: boolean,
  retryAfter: string | null,
): Promise<RoundResult> {
  const attempt = run.attempt + 1;
  if (!isRetriable || attempt >= run.maxAttempts) return finish(ctx, run, { status: "FAILED", error });
  const now = new Date();
  const retryAt = new Date(now.getTime() + retryDelayMs(ctx.backoff, attempt, retryAfter, now));
  const { count } = await ctx.db.executorRun.updateMany({
    where: { id: run.id, leaseOwner: ctx.leaseOwner, status: "RUNNING" },
    data: { attempt, status: "WAITING", availableAt: retryAt, leaseOwner: null, leaseExpiresAt: null },
  });
  if (count === 0) return "lost";
  ctx.emit([{ type: "run.retrying", runId: run.id, functionId: run.functionId, at: now, attempt, error, retryAt }]);
  return "parked";
}

/** Runs one planned (or retried) step with its own request: `stepId=<hashed id>`. */
async function executeStep(ctx: ExecutorRunContext, run: LoadedExecutorRun, step: StepRef, attempt: number): Promise<StepExecution> {
  ctx.emit([
    { type: "step.started", runId: run.id, functionId: run.functionId, at: new Date(), stepId: step.id, name: step.name, op: step.op, attempt, input: step.input },
  ]);
  // A span and log context per step, in the run's trace: with the in-process serve handler, the
  // step's own spans and log lines (agents, model calls, queries) nest under it.
  const result = await withSpan(
    `step ${step.name}`,
    { "executor.run_id": run.id, "executor.function_id": run.functionId, "executor.step": step.name, "executor.attempt": attempt },
    async (span) => markSpanWithResult(span, await withLogContext({ step: step.name }, () => callFunctionForRun(ctx, buildRequest(run, step.id, attempt)))),
    { parent: run.traceparent },
  );
  let failure: { error: SerializedError; retryAfter: string | null };
  switch (result.kind) {
    case "ops": {
      const op = result.ops.find((candidate) => candidate.id === step.id && isStepResultOp(candidate.op));
      if (op) {
        const isStored = await storeRanStepOp(ctx, run, op, attempt, result.retryAfter, step.input);
        return isStored ? { kind: "stored" } : { kind: "lost" };
      }
      failure = {
        error: { name: "ExecutorError", message: `Asked to run step "${step.name}", the SDK answered ${result.ops.map((o) => o.op).join(", ")}` },
        retryAfter: null,
      };
      break;
    }
    case "function-error":
      if (!result.isRetriable) return { kind: "fail-run", error: result.error };
      failure = { error: result.error, retryAfter: result.retryAfter };
      break;
    case "completed":
      // The function returned without reaching the step (its code changed): rediscover.
      return { kind: "stored" };
    case "unexpected":
      failure = { error: { name: "ExecutorError", message: `The serve handler answered ${result.status}: ${result.message}` }, retryAfter: null };
      break;
    default: {
      const unreachable: never = result;
      throw new Error(`Unknown execution result ${JSON.stringify(unreachable)}`);
    }
  }
  const isStored = await storeStepResult(ctx, run, step, attempt, { kind: "error", error: failure.error, isFinal: false, retryAfter: failure.retryAfter });
  return isStored ? { kind: "stored" } : { kind: "lost" };
}

async function settleExecutions(ctx: ExecutorRunContext, run: LoadedExecutorRun, executions: StepExecution[]): Promise<RoundResult> {
  if (executions.some((execution) => execution.kind === "lost")) return "lost";
  const failed = executions.find((execution) => execution.kind === "fail-run");
  if (failed?.kind === "fail-run") return finish(ctx, run, { status: "FAILED", error: failed.error });
  return "continue";
}

/** Parks the run until its earliest timer, unless a step was resolved meanwhile (stepSeq moved). */
async function parkRun(ctx: ExecutorRunContext, run: LoadedExecutorRun): Promise<RoundResult> {
  const pending = await ctx.db.executorStep.findMany({
    where: { runId: run.id, status: { in: ["WAITING", "RETRYING"] } },
    select: { wakeAt: true },
  });
  if (pending.length === 0) {
    // Parked with nothing that could ever wake it, the run would hang forever: treat as an error.
    return handleFunctionError(ctx, run, { name: "ExecutorError", message: "The SDK reported no step to run and nothing to wait for" }, true, null);
  }
  const wakeAt = pending.reduce<Date>((earliest, step) => (step.wakeAt && step.wakeAt < earliest ? step.wakeAt : earliest), farFuture);
  const { count } = await ctx.db.executorRun.updateMany({
    where: { id: run.id, leaseOwner: ctx.leaseOwner, status: "RUNNING", stepSeq: run.stepSeq },
    data: { status: "WAITING", availableAt: wakeAt, leaseOwner: null, leaseExpiresAt: null },
  });
  // Nothing parked: a wait was resolved while we looked (look again), or the lease is gone.
  return count > 0 ? "parked" : "continue";
}

/**
 * Stores the result of a step that has run (an agent's work, perhaps). It waits out a short
 * database outage rather than dropping the result, which would make the step run again: both for
 * a step run on its own and for one the SDK ran within a discovery request.
 */
function storeRanStepOp(ctx: ExecutorRunContext, run: LoadedExecutorRun, op: OutgoingOp, attempt: number, retryAfter: string | null, input: unknown): Promise<boolean> {
  return retryWhileUnreachable(() => storeStepOp(ctx, run, op, attempt, retryAfter, input), {
    giveUpAfterMs: ctx.leaseMs,
    shouldStop: ctx.shouldYield,
    onRetry: (error, waitedMs) => log.warn({ err: error, executorRunId: run.id, step: stepName(op), waitedMs }, "database unreachable; holding the step's result until it is back"),
  });
}

async function handleOps(ctx: ExecutorRunContext, run: LoadedExecutorRun, ops: OutgoingOp[], retryAfter: string | null): Promise<RoundResult> {
  const known = new Set(run.steps.map((step) => step.id));
  const planned: OutgoingOp[] = [];
  let hasProgress = false;
  for (const op of ops) {
    switch (op.op) {
      case "StepRun":
      case "Step":
      case "StepError":
      case "StepFailed":
        // The SDK ran the only new step right away, within the discovery request; report its
        // start too, so that observers always see started → completed/failed pairs.
        ctx.emit([
          { type: "step.started", runId: run.id, functionId: run.functionId, at: new Date(), stepId: op.id, name: stepName(op), op: "StepRun", attempt: run.attempt, input: op.opts?.input ?? null },
        ]);
        if (!(await storeRanStepOp(ctx, run, op, run.attempt, retryAfter, op.opts?.input ?? null))) return "lost";
        hasProgress = true;
        break;
      case "StepPlanned":
        planned.push(op);
        break;
      case "Sleep":
      case "WaitForEvent":
      case "InvokeFunction": {
        // Already registered in an earlier round: still waiting.
        if (known.has(op.id)) break;
        const registered = await registerWaitingStep(ctx, run, op);
        if (registered === "lost") return "lost";
        if (registered === "resolved") hasProgress = true;
        break;
      }
      case "RunComplete":
        return finish(ctx, run, { status: "COMPLETED", output: op.data ?? null });
      case "DiscoveryRequest":
        hasProgress = true;
        break;
      case "DeferAdd":
      case "DeferAbort":
        // defer() is fire-and-forget and not supported here; ignoring it keeps the run going.
        break;
      case "WaitForSignal":
      case "AIGateway":
      case "Gateway":
        return finish(ctx, run, {
          status: "FAILED",
          error: { name: "NonRetriableError", message: `${op.op} (step "${stepName(op)}") is not supported by the embedded executor` },
        });
      case "StepNotFound":
        return handleFunctionError(ctx, run, { name: "ExecutorError", message: `Step "${stepName(op)}" not found` }, true, null);
      default: {
        const unreachable: never = op.op;
        throw new Error(`Unknown opcode ${String(unreachable)}`);
      }
    }
  }
  if (planned.length > 0) {
    const executions = await mapWithLimit(planned, ctx.maxParallelSteps, (op) =>
      executeStep(ctx, run, { id: op.id, name: stepName(op), op: "StepRun", input: op.opts?.input ?? null }, 0),
    );
    return settleExecutions(ctx, run, executions);
  }
  return hasProgress ? "continue" : parkRun(ctx, run);
}

/** Sleeps that ended, waits and invokes that timed out. */
async function resolveDueTimers(ctx: ExecutorRunContext, run: LoadedExecutorRun, due: ExecutorStep[], now: Date): Promise<void> {
  const events = await withTransaction(ctx.db, async (tx) => {
    const all: ExecutorRunEvent[] = [];
    for (const step of due) {
      const resolution =
        step.op === "InvokeFunction"
          ? ({ status: "FAILED", error: { name: "InngestInvokeTimeoutError", message: "Timed out waiting for the invoked function to complete" } } as const)
          : ({ status: "COMPLETED", output: null } as const);
      all.push(...(await resolveWaitingStep(tx, run.id, step.id, resolution, now)));
    }
    return all;
  });
  ctx.emit(events);
}

/** A step that failed or a function error shows as a failed span (the run may still go on). */
function markSpanWithResult(span: Span, result: ExecutionResult): ExecutionResult {
  const failed = result.kind === "function-error" || result.kind === "unexpected" || (result.kind === "ops" && result.ops.some((op) => op.op === "StepError" || op.op === "StepFailed"));
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: result.kind === "function-error" ? result.error.message : result.kind === "unexpected" ? result.message : "a step failed" });
  return result;
}

/**
 * The request without a step id: the SDK replays the memoised steps and reports what comes next,
 * running a lone new step right away. Its span, in the run's trace, is named after that step when
 * it ran one, so each step of the run has a span whichever request ran it.
 */
async function discover(ctx: ExecutorRunContext, run: LoadedExecutorRun): Promise<ExecutionResult> {
  return withSpan(
    "executor discovery",
    { "executor.run_id": run.id, "executor.function_id": run.functionId, "executor.attempt": run.attempt },
    async (span) => {
      const result = await callFunctionForRun(ctx, buildRequest(run, "step", run.attempt));
      const ran = result.kind === "ops" ? result.ops.find((op) => isStepResultOp(op.op)) : undefined;
      if (ran) {
        span.updateName(`step ${stepName(ran)}`);
        span.setAttribute("executor.step", stepName(ran));
      }
      return markSpanWithResult(span, result);
    },
    { parent: run.traceparent },
  );
}

/**
 * The run's trace: its root span is recorded the first time a worker drives it with tracing on
 * (from the run's creation until then: its time in the queue) and its traceparent stored, so every
 * later round — in this process or another, after a restart — adds its spans to the same trace.
 * A run started by step.invoke records its root span under its parent's, so both are one trace.
 */
async function ensureRunTrace(ctx: ExecutorRunContext, leased: LeasedExecutorRun): Promise<void> {
  if (!isTracingOn()) return;
  const run = await ctx.db.executorRun.findUnique({ where: { id: leased.id }, select: { traceparent: true, createdAt: true, parentRunId: true } });
  if (!run || run.traceparent) return;
  // A run started by step.invoke belongs to its parent's trace: the invoking run is what it serves.
  const parent = run.parentRunId ? await ctx.db.executorRun.findUnique({ where: { id: run.parentRunId }, select: { traceparent: true } }) : null;
  const traceparent = recordRootSpan(`run ${leased.functionId}`, { "executor.run_id": leased.id, "executor.function_id": leased.functionId }, run.createdAt, parent?.traceparent);
  if (traceparent) await ctx.db.executorRun.updateMany({ where: { id: leased.id, leaseOwner: ctx.leaseOwner, traceparent: null }, data: { traceparent } });
}

async function advanceRun(ctx: ExecutorRunContext, runId: string): Promise<RoundResult> {
  const run = await ctx.db.executorRun.findUnique({ where: { id: runId }, include: { steps: true } });
  if (!run || run.status !== "RUNNING" || run.leaseOwner !== ctx.leaseOwner) return "lost";
  const now = new Date();

  const dueTimers = run.steps.filter((step) => step.status === "WAITING" && step.wakeAt && step.wakeAt <= now);
  if (dueTimers.length > 0) {
    await resolveDueTimers(ctx, run, dueTimers, now);
    return "continue";
  }

  // A step waiting for its retry is run directly (stepId=<id>) with its attempt number; until
  // then the run does not go on, as a discovery request would run it early as a new step.
  const retrying = run.steps.filter((step) => step.status === "RETRYING");
  const dueRetries = retrying.filter((step) => !step.wakeAt || step.wakeAt <= now);
  if (dueRetries.length > 0) {
    const executions = await mapWithLimit(dueRetries, ctx.maxParallelSteps, (step) =>
      executeStep(ctx, run, { id: step.id, name: step.name, op: step.op, input: step.input }, step.attempts),
    );
    return settleExecutions(ctx, run, executions);
  }
  if (retrying.length > 0) return parkRun(ctx, run);

  const result = await discover(ctx, run);
  switch (result.kind) {
    case "completed":
      return finish(ctx, run, { status: "COMPLETED", output: result.output });
    case "function-error":
      return handleFunctionError(ctx, run, result.error, result.isRetriable, result.retryAfter);
    case "unexpected":
      return handleFunctionError(
        ctx,
        run,
        { name: "ExecutorError", message: `The serve handler answered ${result.status}: ${result.message}` },
        true,
        null,
      );
    case "ops":
      return handleOps(ctx, run, result.ops, result.retryAfter);
    default: {
      const unreachable: never = result;
      throw new Error(`Unknown execution result ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Gives the run back, ready to be picked up again after `delayMs`. */
async function releaseRun(ctx: ExecutorRunContext, runId: string, delayMs = 0): Promise<void> {
  await ctx.db.executorRun.updateMany({
    where: { id: runId, leaseOwner: ctx.leaseOwner, status: "RUNNING" },
    data: { leaseOwner: null, leaseExpiresAt: null, availableAt: new Date(Date.now() + delayMs) },
  });
  ctx.wake();
}

/**
 * Gives the run back after a failure, retrying while the database is unreachable: otherwise a
 * short outage would leave the run leased to us until the lease expires (leaseMs), paused for
 * nothing once the database is back. Past the lease, another worker (or we) takes it over anyway.
 */
async function releaseRunOnceReachable(ctx: ExecutorRunContext, runId: string): Promise<void> {
  const giveUpAt = Date.now() + ctx.leaseMs;
  for (let delayMs = 250; ; delayMs = Math.min(2 * delayMs, 2000)) {
    try {
      return await releaseRun(ctx, runId, 1000);
    } catch {
      if (ctx.shouldYield() || Date.now() + delayMs > giveUpAt) return;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

export async function driveExecutorRun(driveContext: WorkerContext, leased: LeasedExecutorRun): Promise<void> {
  const ctx: ExecutorRunContext = { ...driveContext, leaseOwner: leased.leaseOwner };
  if (leased.isFirstStart) ctx.emit([{ type: "run.started", runId: leased.id, functionId: leased.functionId, at: new Date() }]);
  let isLeaseLost = false;
  // The lease outlives a slow step only if we keep extending it.
  const heartbeat = setInterval(
    () => {
      renewLease(ctx.db, { runId: leased.id, leaseOwner: ctx.leaseOwner, leaseMs: ctx.leaseMs }).then(
        (isHeld) => {
          if (!isHeld) isLeaseLost = true;
        },
        () => undefined,
      );
    },
    Math.max(50, Math.floor(ctx.leaseMs / 3)),
  );
  heartbeat.unref();
  try {
    await ensureRunTrace(ctx, leased);
    for (let round = 0; round < maxRoundsPerLease; round++) {
      if (isLeaseLost) return;
      if (ctx.shouldYield()) return await releaseRun(ctx, leased.id);
      if ((await advanceRun(ctx, leased.id)) !== "continue") return;
    }
    await releaseRun(ctx, leased.id);
  } catch (error) {
    // A database or transport failure outside the protocol: give the run back a little later.
    log.error({ err: error, executorRunId: leased.id }, "driving an executor run failed");
    await releaseRunOnceReachable(ctx, leased.id);
  } finally {
    clearInterval(heartbeat);
  }
}
