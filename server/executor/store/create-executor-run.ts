// Creating runs: from an event (fan-out), from step.invoke, or as a replay.
import type { Tx } from "./with-transaction";
import { createId } from "./create-id";
import { evaluateKeyExpression } from "../protocol/evaluate-expression";
import type { RegisteredFunction } from "../protocol/function-registry";
import type { ExecutorRunEvent } from "./executor-run-events";
import type { ExecutorEventPayload } from "./send-executor-event";
import { toJsonInput } from "./to-json-input";

export type ConcurrencySlot = { key: string; limit: number };

export type ExecutorRunSpec = {
  functionId: string;
  maxAttempts: number;
  event: ExecutorEventPayload;
  eventId: string | null;
  concurrency: ConcurrencySlot[];
  idempotencyKey: string | null;
  parentRunId?: string;
  parentStepId?: string;
  replayOfRunId?: string;
};

/** Evaluates the function's concurrency and idempotency keys against the triggering event. */
export function executorRunSpecFor(fn: RegisteredFunction, event: ExecutorEventPayload, eventId: string | null): ExecutorRunSpec {
  const context = { event };
  const concurrency = fn.concurrency.map((rule) => {
    const value = rule.key ? evaluateKeyExpression(rule.key, context) ?? "" : "";
    const scope = rule.scope === "fn" ? `fn:${fn.id}` : rule.scope;
    return { key: `${scope}:${rule.key ?? ""}=${value}`, limit: rule.limit };
  });
  const idempotencyValue = fn.idempotency ? evaluateKeyExpression(fn.idempotency, context) : null;
  return {
    functionId: fn.id,
    maxAttempts: fn.maxAttempts,
    event,
    eventId,
    concurrency,
    idempotencyKey: idempotencyValue === null ? null : `${fn.id}:${idempotencyValue}`,
  };
}

/** Inserts a queued run; returns null when its idempotency key was already used. */
export async function insertExecutorRun(tx: Tx, spec: ExecutorRunSpec, now: Date): Promise<{ runId: string; event: ExecutorRunEvent } | null> {
  const runId = createId(now.getTime());
  const { count } = await tx.executorRun.createMany({
    data: [
      {
        id: runId,
        functionId: spec.functionId,
        status: "QUEUED",
        eventId: spec.eventId,
        event: toJsonInput(spec.event),
        maxAttempts: spec.maxAttempts,
        availableAt: now,
        concurrency: toJsonInput(spec.concurrency),
        concurrencyKeys: spec.concurrency.map((slot) => slot.key),
        idempotencyKey: spec.idempotencyKey,
        parentRunId: spec.parentRunId ?? null,
        parentStepId: spec.parentStepId ?? null,
        replayOfRunId: spec.replayOfRunId ?? null,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  return {
    runId,
    event: {
      type: "run.queued",
      runId,
      functionId: spec.functionId,
      at: now,
      eventName: spec.event.name,
      eventId: spec.eventId,
      parentRunId: spec.parentRunId ?? null,
      replayOfRunId: spec.replayOfRunId ?? null,
    },
  };
}
