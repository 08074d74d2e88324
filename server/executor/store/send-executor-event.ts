// Event ingestion: store the events, wake the workers. Fan-out to functions, waits and
// cancellations happens in the worker (worker/process-events.ts), which knows the functions.
import { z } from "zod";
import type { Db } from "../../db/client";
import { createId } from "./create-id";
import { toJsonInput } from "./to-json-input";
import { notifyWorkers } from "./postgres-wake";

export const ZExecutorEventInput = z
  .object({
    name: z.string().min(1),
    data: z.record(z.string(), z.unknown()).nullish(),
    id: z.string().min(1).nullish(),
    ts: z.number().nullish(),
    v: z.string().nullish(),
  })
  .loose();
export type ExecutorEventInput = z.input<typeof ZExecutorEventInput>;

/** The event exactly as functions receive it. */
export type ExecutorEventPayload = { id: string; name: string; data: Record<string, unknown>; ts: number; v?: string };

export function toExecutorEventPayload(input: ExecutorEventInput, now: number = Date.now()): ExecutorEventPayload {
  const event = ZExecutorEventInput.parse(input);
  return {
    id: event.id ?? createId(now),
    name: event.name,
    data: event.data ?? {},
    ts: event.ts ?? now,
    ...(event.v ? { v: event.v } : {}),
  };
}

/**
 * Ingests one or more events and returns their ids. An event whose id was already ingested is
 * not stored again (sending is at-least-once; the id makes it idempotent).
 */
export async function sendExecutorEvent(db: Db, input: ExecutorEventInput | ExecutorEventInput[]): Promise<{ ids: string[] }> {
  const payloads = (Array.isArray(input) ? input : [input]).map((event) => toExecutorEventPayload(event));
  if (payloads.length === 0) return { ids: [] };
  // receivedAt from the same clock as the executor's other timestamps (a wait's look-back).
  const receivedAt = new Date();
  await db.executorEvent.createMany({
    data: payloads.map((payload) => ({ id: payload.id, name: payload.name, payload: toJsonInput(payload), receivedAt })),
    skipDuplicates: true,
  });
  await notifyWorkers(db);
  return { ids: payloads.map((payload) => payload.id) };
}
