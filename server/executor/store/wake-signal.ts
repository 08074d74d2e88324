// In-process wake-ups: ingesting an event or making a run ready pokes the workers of the same
// database at once instead of leaving them to their next poll. Kept on globalThis because Next
// bundles a module more than once; the ingesting copy and the worker's copy must share it.
import type { Db } from "../../db/client";

type Listener = () => void;

const globalForWake = globalThis as unknown as { __epicExecutorWake?: WeakMap<Db, Set<Listener>> };
const listenersByDb = (globalForWake.__epicExecutorWake ??= new WeakMap<Db, Set<Listener>>());

export function onWake(db: Db, listener: Listener): () => void {
  let listeners = listenersByDb.get(db);
  if (!listeners) {
    listeners = new Set();
    listenersByDb.set(db, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalWake(db: Db): void {
  for (const listener of listenersByDb.get(db) ?? []) listener();
}
