// Registering a waitForEvent and fanning out an event of the same name are serialized by a
// transaction-scoped advisory lock per event name. Either the wait is stored first (and the
// fan-out sees it), or the event is (and the registration's look-back sees it): a matching
// event can never slip between the two.
import type { Tx } from "./with-transaction";

/** Locks the given event names, sorted, so that two transactions never wait on each other in a cycle. */
export async function lockWaitsForEvents(tx: Tx, eventNames: readonly string[]): Promise<void> {
  for (const name of [...new Set(eventNames)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`executor-wait:${name}`}, 0))`;
  }
}
