// Replaying a run: a new run of the same function with the same triggering event, from scratch.
import type { Db } from "../../db/client";
import { insertExecutorRun } from "./create-executor-run";
import { processExecutorRunEvents } from "./executor-run-events";
import { toExecutorEventPayload } from "./send-executor-event";
import { notifyWorkers } from "./postgres-wake";
import { withTransaction } from "./with-transaction";
import { z } from "zod";

const ZSlots = z.array(z.object({ key: z.string(), limit: z.number() }));

/** Returns the new run's id, or null when the run does not exist. */
export async function replayExecutorRun(db: Db, runId: string): Promise<string | null> {
  const created = await withTransaction(db, async (tx) => {
    const original = await tx.executorRun.findUnique({ where: { id: runId } });
    if (!original) return null;
    const event = z.object({ name: z.string() }).loose().parse(original.event);
    return insertExecutorRun(
      tx,
      {
        functionId: original.functionId,
        maxAttempts: original.maxAttempts,
        event: toExecutorEventPayload(event),
        eventId: original.eventId,
        concurrency: ZSlots.catch([]).parse(original.concurrency),
        // A replay is deliberate: the original's idempotency key must not suppress it.
        idempotencyKey: null,
        replayOfRunId: original.id,
      },
      new Date(),
    );
  });
  if (!created) return null;
  processExecutorRunEvents.emit([created.event]);
  await notifyWorkers(db);
  return created.runId;
}
