// Waiting for a pipeline run in tests. Only leaf imports: the pipeline tests set DATA_DIR before
// any server module loads, so this must not load one that reads the environment.
import type { Db } from "../db";
import { finishedRunStatuses } from "../events/run-statuses";

/** Polls the run until its status is one of `statuses`; fails with the status it is stuck in. */
export async function waitForRun(db: Db, runId: string, statuses: readonly string[] = finishedRunStatuses, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    if (statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} is still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
