// Where events sent through the Inngest client land in embedded mode. While the executor calls
// the handler, the database of the run is in AsyncLocalStorage, so `step.sendEvent` inside a run
// reaches the same database; elsewhere (`inngest.send` in a route) the process default is used.
// All of it lives on globalThis: the client's bundled copy of this module must see the executor's.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "../../db/client";

export type EventSink = { db: Db };

const globalForSink = globalThis as unknown as {
  __epicExecutorSinkStorage?: AsyncLocalStorage<EventSink>;
  __epicExecutorDefaultSink?: EventSink;
  __epicExecutorSinkFallback?: () => Promise<EventSink>;
};
const storage = (globalForSink.__epicExecutorSinkStorage ??= new AsyncLocalStorage<EventSink>());

export function runWithEventSink<T>(sink: EventSink, fn: () => Promise<T>): Promise<T> {
  return storage.run(sink, fn);
}

export function setDefaultEventSink(sink: EventSink | undefined): void {
  globalForSink.__epicExecutorDefaultSink = sink;
}

export function currentEventSink(): EventSink | undefined {
  return storage.getStore() ?? globalForSink.__epicExecutorDefaultSink;
}

/**
 * What to do when an event arrives and no sink is set (the worker loop failed to start, or was
 * stopped): the embedded executor registers how to start itself on the process database.
 */
export function setEventSinkFallback(fallback: () => Promise<EventSink>): void {
  globalForSink.__epicExecutorSinkFallback = fallback;
}

/** The current sink, else the fallback's; null when nothing in this process set either up. */
export async function resolveEventSink(): Promise<EventSink | null> {
  const sink = currentEventSink();
  if (sink) return sink;
  const fallback = globalForSink.__epicExecutorSinkFallback;
  return fallback ? fallback() : null;
}
