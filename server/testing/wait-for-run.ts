// Waiting for a pipeline run in tests. Type-only imports: the pipeline tests set DATA_DIR before
// any server module loads, so this must not load one.
import type { Db } from "../db";

export const finishedRunStatuses = ["SUCCEEDED", "FAILED", "CANCELLED"];

/** Polls the run until its status is one of `statuses`; fails with the status it is stuck in. */
export async function waitForRun(db: Db, runId: string, statuses: string[] = finishedRunStatuses, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    if (statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} is still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
