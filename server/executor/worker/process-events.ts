// Event fan-out: for each ingested event, in one transaction per batch, cancel the runs its
// `cancelOn` rules match, resume the waitForEvent steps it matches, and start the runs of the
// functions it triggers. Rows are locked with SKIP LOCKED, so several workers share the work
// and every event is handled exactly once.
import { z } from "zod";
import type { Db } from "../../db/client";
import { insertExecutorRun, executorRunSpecFor } from "../store/create-executor-run";
import { matchesExpression } from "../protocol/evaluate-expression";
import { finishExecutorRun } from "../store/finish-executor-run";
import { eventMatchesPattern, type FunctionRegistry } from "../protocol/function-registry";
import { parseDurationMs } from "../protocol/parse-duration";
import { resolveWaitingStep } from "../store/resolve-waiting-step";
import { activeExecutorRunStatuses } from "../store/executor-run-status";
import type { ExecutorRunEvent } from "../store/executor-run-events";
import type { ExecutorEventPayload } from "../store/send-executor-event";
import { lockWaitsForEvents } from "../store/wait-lock";
import { isRetriableConflict, withTransaction, type Tx } from "../store/with-transaction";
import { getLogger } from "../../observability/logger";

const log = getLogger("executor");

const ZStoredEvent = z
  .object({ id: z.string(), name: z.string(), data: z.record(z.string(), z.unknown()), ts: z.number(), v: z.string().optional() })
  .loose();

export type ProcessedEvents = { processed: number; runEvents: ExecutorRunEvent[]; hasNewEvents: boolean };

async function cancelMatchingRuns(tx: Tx, registry: FunctionRegistry, event: ExecutorEventPayload, now: Date) {
  const runEvents: ExecutorRunEvent[] = [];
  let hasNewEvents = false;
  for (const fn of registry.functions.values()) {
    for (const rule of fn.cancelOn) {
      if (!eventMatchesPattern(rule.event, event.name)) continue;
      const runs = await tx.executorRun.findMany({
        where: { functionId: fn.id, status: { in: [...activeExecutorRunStatuses] }, NOT: { eventId: event.id } },
        select: { id: true, event: true, createdAt: true },
        orderBy: { id: "asc" },
      });
      const timeoutMs = rule.timeout ? parseDurationMs(rule.timeout) : null;
      for (const run of runs) {
        if (timeoutMs !== null && now.getTime() - run.createdAt.getTime() > timeoutMs) continue;
        if (rule.if && !matchesExpression(rule.if, { event: run.event, async: event })) continue;
        const finished = await finishExecutorRun(tx, run.id, { status: "CANCELLED", reason: `cancelled by event ${event.name} (${event.id})` }, { now });
        if (finished) {
          runEvents.push(...finished.events);
          hasNewEvents ||= finished.hasNewEvents;
        }
      }
    }
  }
  return { runEvents, hasNewEvents };
}

async function resumeMatchingWaits(tx: Tx, event: ExecutorEventPayload, now: Date): Promise<ExecutorRunEvent[]> {
  const waits = await tx.executorStep.findMany({
    where: { waitEvent: event.name, status: "WAITING", run: { status: { in: [...activeExecutorRunStatuses] } } },
    select: { runId: true, id: true, waitIf: true, run: { select: { event: true } } },
    orderBy: [{ runId: "asc" }, { id: "asc" }],
  });
  const runEvents: ExecutorRunEvent[] = [];
  for (const wait of waits) {
    // In a wait's `if`, `event` is the run's triggering event and `async` the incoming one.
    if (wait.waitIf && !matchesExpression(wait.waitIf, { event: wait.run.event, async: event })) continue;
    runEvents.push(...(await resolveWaitingStep(tx, wait.runId, wait.id, { status: "COMPLETED", output: event }, now)));
  }
  return runEvents;
}

async function startTriggeredRuns(tx: Tx, registry: FunctionRegistry, event: ExecutorEventPayload, now: Date) {
  const runEvents: ExecutorRunEvent[] = [];
  for (const fn of registry.functions.values()) {
    const isTriggered = fn.triggers.some(
      (trigger) =>
        eventMatchesPattern(trigger.event, event.name) && (!trigger.expression || matchesExpression(trigger.expression, { event })),
    );
    if (!isTriggered) continue;
    const created = await insertExecutorRun(tx, executorRunSpecFor(fn, event, event.id), now);
    if (created) runEvents.push(created.event);
  }
  return runEvents;
}

export async function processPendingEvents(db: Db, registry: FunctionRegistry, limit = 100): Promise<ProcessedEvents> {
  return withTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; name: string; payload: unknown }[]>`
      SELECT id, name, payload FROM "ExecutorEvent"
      WHERE "processedAt" IS NULL
      ORDER BY "receivedAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    const now = new Date();
    const runEvents: ExecutorRunEvent[] = [];
    let hasNewEvents = false;
    // Before any run row: the lock order every transaction follows (store/wait-lock.ts).
    await lockWaitsForEvents(tx, rows.map((row) => row.name));
    for (const row of rows) {
      const parsed = ZStoredEvent.safeParse(row.payload);
      if (!parsed.success) continue;
      const event: ExecutorEventPayload = parsed.data;
      // Each event in a savepoint: one that cannot be handled (a bug, a bad expression result)
      // is logged and skipped instead of blocking every event behind it forever.
      await tx.$executeRawUnsafe("SAVEPOINT executor_event");
      try {
        // Cancellation first: a run must not be cancelled by the very event that starts it.
        const cancelled = await cancelMatchingRuns(tx, registry, event, now);
        const resumed = await resumeMatchingWaits(tx, event, now);
        const started = await startTriggeredRuns(tx, registry, event, now);
        await tx.$executeRawUnsafe("RELEASE SAVEPOINT executor_event");
        runEvents.push(...cancelled.runEvents, ...resumed, ...started);
        hasNewEvents ||= cancelled.hasNewEvents;
      } catch (error) {
        // A deadlock or serialization conflict is transient: retry the whole batch.
        if (isRetriableConflict(error)) throw error;
        await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT executor_event");
        log.error({ err: error, eventName: event.name, eventId: event.id }, "executor event could not be processed; skipped");
      }
    }
    if (rows.length > 0) {
      await tx.executorEvent.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { processedAt: now } });
    }
    return { processed: rows.length, runEvents, hasNewEvents };
  });
}
