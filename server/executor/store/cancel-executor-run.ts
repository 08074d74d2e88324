// Cancelling a run from the app. A sleeping or waiting run simply never resumes; a run in the
// middle of a step loses its lease check, so the step's result is dropped and nothing follows.
import type { Db } from "../../db/client";
import { finishExecutorRun } from "./finish-executor-run";
import { processExecutorRunEvents } from "./executor-run-events";
import { signalWake } from "./wake-signal";
import { withTransaction } from "./with-transaction";

/** Returns false when the run does not exist or has already finished. */
export async function cancelExecutorRun(db: Db, runId: string, reason = "cancelled by request"): Promise<boolean> {
  const finished = await withTransaction(db, (tx) => finishExecutorRun(tx, runId, { status: "CANCELLED", reason }, { now: new Date() }));
  if (!finished) return false;
  processExecutorRunEvents.emit(finished.events);
  signalWake(db);
  return true;
}
