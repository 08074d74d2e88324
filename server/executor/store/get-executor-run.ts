import type { Db } from "../../db/client";

/** A run with its steps (inputs, outputs, errors, attempts) in completion order. */
export async function getExecutorRun(db: Db, runId: string) {
  const run = await db.executorRun.findUnique({ where: { id: runId }, include: { steps: true } });
  if (!run) return null;
  const steps = [...run.steps].sort(
    (a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return { ...run, steps };
}
