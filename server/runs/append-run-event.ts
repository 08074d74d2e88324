import type { Prisma } from "../db/generated/client";
import { RUN_EVENTS_CHANNEL } from "./run-event-bus";

export type RunEventPayload = Prisma.InputJsonValue;

/**
 * Appends one event to a run's log with the next sequence number. Call it inside the
 * transaction that makes the change the event describes, so the log never disagrees with state.
 * The row lock taken by the increment serialises writers of the same run, and the notification
 * is delivered only if (and when) the transaction commits.
 */
export async function appendRunEvent(
  tx: Prisma.TransactionClient,
  runId: string,
  type: string,
  payload: RunEventPayload = {},
) {
  const { lastSeq } = await tx.run.update({
    where: { id: runId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  const event = await tx.runEvent.create({ data: { runId, seq: lastSeq, type, payload } });
  await tx.$executeRaw`SELECT pg_notify(${RUN_EVENTS_CHANNEL}, ${`${runId}:${lastSeq}`})`;
  return event;
}
