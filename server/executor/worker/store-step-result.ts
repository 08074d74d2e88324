// Storing the result of a step that ran: its output, a retry to schedule, or its final error.
import type { OutgoingOp } from "../protocol/execution-protocol";
import { retryDelayMs } from "./retry-delay";
import { lockOwnedExecutorRun, stepName, type LoadedExecutorRun, type ExecutorRunContext, type StepRef } from "./executor-run-context";
import { toJsonInput } from "../store/to-json-input";
import { withTransaction } from "../store/with-transaction";

/** Stores what happened to a step that ran: its output, a retry to schedule, or its final error. */
export async function storeStepResult(
  ctx: ExecutorRunContext,
  run: LoadedExecutorRun,
  step: StepRef,
  attempt: number,
  result: { kind: "output"; output: unknown } | { kind: "error"; error: unknown; isFinal: boolean; retryAfter: string | null },
): Promise<boolean> {
  const now = new Date();
  const attempts = result.kind === "output" ? attempt : attempt + 1;
  const isFinalError = result.kind === "error" && (result.isFinal || attempts >= run.maxAttempts);
  const retryAt =
    result.kind === "error" && !isFinalError
      ? new Date(now.getTime() + retryDelayMs(ctx.backoff, attempts, result.retryAfter, now))
      : null;
  const isStored = await withTransaction(ctx.db, async (tx) => {
    if (!(await lockOwnedExecutorRun(tx, ctx, run.id))) return false;
    let seq: number | null = null;
    if (result.kind === "output" || isFinalError) {
      // A finished step: next in the completion order; the function's own attempts start over.
      const updated = await tx.executorRun.update({
        where: { id: run.id },
        data: { stepSeq: { increment: 1 }, attempt: 0 },
        select: { stepSeq: true },
      });
      seq = updated.stepSeq;
    }
    const fields = {
      name: step.name,
      op: step.op,
      attempts,
      seq,
      wakeAt: retryAt,
      status: result.kind === "output" ? ("COMPLETED" as const) : isFinalError ? ("FAILED" as const) : ("RETRYING" as const),
      output: result.kind === "output" ? toJsonInput(result.output) : undefined,
      error: result.kind === "error" ? toJsonInput(result.error) : undefined,
      completedAt: retryAt ? null : now,
    };
    await tx.executorStep.upsert({
      where: { runId_id: { runId: run.id, id: step.id } },
      create: { runId: run.id, id: step.id, input: toJsonInput(step.input), createdAt: now, ...fields },
      update: fields,
    });
    return true;
  });
  if (!isStored) return false;
  const ref = { runId: run.id, functionId: run.functionId, at: now, stepId: step.id, name: step.name, op: step.op, attempt };
  if (result.kind === "output") ctx.emit([{ type: "step.completed", ...ref, output: result.output }]);
  else if (retryAt) ctx.emit([{ type: "step.retrying", ...ref, error: result.error, retryAt }]);
  else ctx.emit([{ type: "step.failed", ...ref, error: result.error }]);
  return true;
}

/** Stores the step result op the SDK answered with (StepRun, StepError, StepFailed). */
export function storeStepOp(ctx: ExecutorRunContext, run: LoadedExecutorRun, op: OutgoingOp, attempt: number, retryAfter: string | null, input: unknown) {
  const step: StepRef = { id: op.id, name: stepName(op), op: "StepRun", input };
  switch (op.op) {
    case "StepRun":
    case "Step":
      return storeStepResult(ctx, run, step, attempt, { kind: "output", output: op.data ?? null });
    case "StepError":
      return storeStepResult(ctx, run, step, attempt, { kind: "error", error: op.error ?? {}, isFinal: false, retryAfter });
    case "StepFailed":
      return storeStepResult(ctx, run, step, attempt, { kind: "error", error: op.error ?? {}, isFinal: true, retryAfter: null });
    default:
      throw new Error(`${op.op} is not a step result`);
  }
}

export const isStepResultOp = (op: OutgoingOp["op"]) => op === "StepRun" || op === "Step" || op === "StepError" || op === "StepFailed";
