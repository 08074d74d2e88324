// Ends a sleep, a waitForEvent or a step.invoke: stores its result as the step's memoized state
// and makes the run ready. Whoever comes first wins (a matching event, the timeout, the invoked
// run finishing); the others find the step no longer WAITING and change nothing.
import type { Tx } from "./with-transaction";
import type { ExecutorRunEvent } from "./executor-run-events";
import { toJsonInput } from "./to-json-input";

export type StepResolution = { status: "COMPLETED"; output: unknown } | { status: "FAILED"; error: unknown };

export async function resolveWaitingStep(
  tx: Tx,
  runId: string,
  stepId: string,
  resolution: StepResolution,
  now: Date,
): Promise<ExecutorRunEvent[]> {
  // The run row is locked first, as everywhere else, so that writers of a run never deadlock.
  const runs = await tx.$queryRaw<{ stepSeq: number; functionId: string }[]>`
    UPDATE "ExecutorRun"
    SET "stepSeq" = "stepSeq" + 1, "availableAt" = LEAST("availableAt", ${now.toISOString()}::timestamp)
    WHERE id = ${runId} AND status IN ('QUEUED', 'RUNNING', 'WAITING')
    RETURNING "stepSeq", "functionId"`;
  const run = runs[0];
  if (!run) return [];
  const step = await tx.executorStep.findUnique({ where: { runId_id: { runId, id: stepId } } });
  if (!step || step.status !== "WAITING") return [];
  await tx.executorStep.update({
    where: { runId_id: { runId, id: stepId } },
    data: {
      status: resolution.status,
      seq: run.stepSeq,
      completedAt: now,
      wakeAt: null,
      ...(resolution.status === "COMPLETED" ? { output: toJsonInput(resolution.output) } : { error: toJsonInput(resolution.error) }),
    },
  });
  const ref = { runId, functionId: run.functionId, at: now, stepId, name: step.name, op: step.op, attempt: step.attempts };
  return [
    resolution.status === "COMPLETED"
      ? { type: "step.completed", ...ref, output: resolution.output }
      : { type: "step.failed", ...ref, error: resolution.error },
  ];
}
