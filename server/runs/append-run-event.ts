import type { Prisma } from "../db/generated/client";
import type { RunEventPayload, RunEventType } from "../events/run-events";
import { RUN_EVENTS_CHANNEL } from "./run-event-bus";

/**
 * Appends one event to a run's log with the next sequence number. Call it inside the
 * transaction that makes the change the event describes, so the log never disagrees with state.
 * The row lock taken by the increment serialises writers of the same run, and the notification
 * is delivered only if (and when) the transaction commits.
 */
export async function appendRunEvent<T extends RunEventType>(tx: Prisma.TransactionClient, runId: string, type: T, payload: RunEventPayload<T>) {
  const { lastSeq } = await tx.run.update({
    where: { id: runId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  // Payloads are plain JSON by construction (see server/events/run-events.ts).
  const event = await tx.runEvent.create({ data: { runId, seq: lastSeq, type, payload: payload as Prisma.InputJsonValue } });
  await tx.$executeRaw`SELECT pg_notify(${RUN_EVENTS_CHANNEL}, ${`${runId}:${lastSeq}`})`;
  return event;
}
