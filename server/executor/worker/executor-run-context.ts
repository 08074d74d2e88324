// What one driver of one run works with: its context, the run as loaded, the request built from
// it, and the lease check every write starts with.
import { z } from "zod";
import type { Db } from "../../db/client";
import type { ExecutorRun, ExecutorStep } from "../../db/generated/client";
import { callFunction } from "../protocol/call-function";
import { runWithEventSink } from "../store/event-sink";
import type { ExecutionRequest, ExecutionResult, OutgoingOp, StepState } from "../protocol/execution-protocol";
import type { FunctionRegistry } from "../protocol/function-registry";
import type { ServeTransport } from "../protocol/serve-transport";
import type { RetryBackoff } from "./retry-backoff";
import type { ExecutorRunEvent } from "../store/executor-run-events";
import type { Tx } from "../store/with-transaction";

export type WorkerContext = {
  db: Db;
  transport: ServeTransport;
  getRegistry: () => FunctionRegistry | null;
  leaseMs: number;
  backoff: RetryBackoff;
  maxParallelSteps: number;
  emit: (events: ExecutorRunEvent[]) => void;
  /** Pokes the workers of this database: new events or runs are waiting. */
  wake: () => void;
  /** True when the worker must stop taking new rounds (shutting down, end of a tick's budget). */
  shouldYield: () => boolean;
};

/** The context of one lease: `leaseOwner` is that lease's fencing token (see lease-executor-runs.ts). */
export type ExecutorRunContext = WorkerContext & { leaseOwner: string };

export type LoadedExecutorRun = ExecutorRun & { steps: ExecutorStep[] };

export type StepRef = { id: string; name: string; op: string; input: unknown };

const ZEvent = z.record(z.string(), z.unknown());

export function stepName(op: OutgoingOp): string {
  return op.displayName ?? op.name ?? op.id;
}

export function buildRequest(run: LoadedExecutorRun, stepId: string, attempt: number): ExecutionRequest {
  const finished = run.steps
    .filter((step) => step.status === "COMPLETED" || step.status === "FAILED")
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const steps: Record<string, StepState> = {};
  for (const step of finished) {
    steps[step.id] = step.status === "COMPLETED" ? { type: "data", data: step.output ?? null } : { type: "error", error: step.error ?? {} };
  }
  return {
    functionId: run.functionId,
    stepId,
    runId: run.id,
    attempt,
    maxAttempts: run.maxAttempts,
    event: ZEvent.parse(run.event),
    steps,
    stack: finished.map((step) => step.id),
  };
}

export function callFunctionForRun(ctx: ExecutorRunContext, request: ExecutionRequest): Promise<ExecutionResult> {
  // Events the function sends while it runs (step.sendEvent) land in this run's database.
  return runWithEventSink({ db: ctx.db }, () => callFunction(ctx.transport, request));
}

/** Locks the run row if this worker still holds it; every write of a worker starts with this. */
export async function lockOwnedExecutorRun(tx: Tx, ctx: ExecutorRunContext, runId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ExecutorRun"
    WHERE id = ${runId} AND "leaseOwner" = ${ctx.leaseOwner} AND status = 'RUNNING'
    FOR UPDATE`;
  return rows.length > 0;
}
