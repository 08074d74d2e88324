// The end of a run: completed, failed or cancelled. Also resolves the parent's step.invoke and,
// on failure, emits `inngest/function.failed`, the event that triggers `onFailure` handlers.
import { createId } from "./create-id";
import { resolveWaitingStep } from "./resolve-waiting-step";
import { activeExecutorRunStatuses } from "./executor-run-status";
import type { ExecutorRunEvent } from "./executor-run-events";
import { toJsonInput } from "./to-json-input";
import type { Tx } from "./with-transaction";

export type ExecutorRunOutcome =
  | { status: "COMPLETED"; output: unknown }
  | { status: "FAILED"; error: unknown }
  | { status: "CANCELLED"; reason: string };

export type FinishedExecutorRun = { events: ExecutorRunEvent[]; hasNewEvents: boolean };

/**
 * Finishes an active run. With `leaseOwner`, only if that worker still holds the run (a worker
 * whose lease expired must not overwrite the state its successor is building).
 * Returns null when the run was already finished or the lease is gone.
 */
export async function finishExecutorRun(
  tx: Tx,
  runId: string,
  outcome: ExecutorRunOutcome,
  { now, leaseOwner }: { now: Date; leaseOwner?: string },
): Promise<FinishedExecutorRun | null> {
  const { count } = await tx.executorRun.updateMany({
    where: leaseOwner
      ? { id: runId, status: "RUNNING", leaseOwner }
      : { id: runId, status: { in: [...activeExecutorRunStatuses] } },
    data: {
      status: outcome.status,
      finishedAt: now,
      leaseOwner: null,
      leaseExpiresAt: null,
      ...(outcome.status === "COMPLETED" ? { output: toJsonInput(outcome.output) } : {}),
      ...(outcome.status === "FAILED" ? { error: toJsonInput(outcome.error) } : {}),
      ...(outcome.status === "CANCELLED" ? { error: toJsonInput({ name: "Cancelled", message: outcome.reason }) } : {}),
    },
  });
  if (count === 0) return null;
  const run = await tx.executorRun.findUniqueOrThrow({
    where: { id: runId },
    select: { functionId: true, parentRunId: true, parentStepId: true, event: true },
  });
  // Pending sleeps, waits and retries of a finished run will never resume.
  await tx.executorStep.updateMany({
    where: { runId, status: { in: ["WAITING", "RETRYING"] } },
    data: { status: "CANCELLED", wakeAt: null },
  });

  const ref = { runId, functionId: run.functionId, at: now };
  const events: ExecutorRunEvent[] = [];
  switch (outcome.status) {
    case "COMPLETED":
      events.push({ type: "run.completed", ...ref, output: outcome.output });
      break;
    case "FAILED":
      events.push({ type: "run.failed", ...ref, error: outcome.error });
      break;
    case "CANCELLED":
      events.push({ type: "run.cancelled", ...ref, reason: outcome.reason });
      break;
    default: {
      const unreachable: never = outcome;
      throw new Error(`Unknown outcome ${JSON.stringify(unreachable)}`);
    }
  }

  if (run.parentRunId && run.parentStepId) {
    events.push(
      ...(await resolveWaitingStep(
        tx,
        run.parentRunId,
        run.parentStepId,
        outcome.status === "COMPLETED"
          ? { status: "COMPLETED", output: outcome.output }
          : {
              status: "FAILED",
              error:
                outcome.status === "FAILED"
                  ? outcome.error
                  : { name: "Error", message: `The invoked run ${runId} was cancelled: ${outcome.reason}` },
            },
        now,
      )),
    );
  }

  let hasNewEvents = false;
  if (outcome.status === "FAILED") {
    const id = createId(now.getTime());
    const payload = {
      id,
      name: "inngest/function.failed",
      data: { function_id: run.functionId, run_id: runId, error: outcome.error, event: run.event },
      ts: now.getTime(),
    };
    await tx.executorEvent.create({ data: { id, name: payload.name, payload: toJsonInput(payload), receivedAt: now } });
    hasNewEvents = true;
  }
  return { events, hasNewEvents };
}
