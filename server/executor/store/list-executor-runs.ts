import type { Db } from "../../db/client";
import type { ExecutorRunStatus } from "../../db/generated/client";

export type ListExecutorRunsInput = {
  functionId?: string;
  status?: ExecutorRunStatus | ExecutorRunStatus[];
  limit?: number;
  /** The id of the last run of the previous page (runs are listed newest first). */
  cursor?: string;
};

export async function listExecutorRuns(db: Db, { functionId, status, limit = 50, cursor }: ListExecutorRunsInput = {}) {
  const runs = await db.executorRun.findMany({
    where: {
      ...(functionId ? { functionId } : {}),
      ...(status ? { status: { in: Array.isArray(status) ? status : [status] } } : {}),
    },
    // Ids are time-ordered, so they page consistently even when createdAt ties.
    orderBy: { id: "desc" },
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = runs.slice(0, limit);
  return { runs: page, nextCursor: runs.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** The functions that have runs, with how many each (one grouped count). */
export async function countExecutorRunsByFunction(db: Db) {
  const groups = await db.executorRun.groupBy({ by: ["functionId"], _count: { _all: true }, orderBy: { functionId: "asc" } });
  return groups.map((group) => ({ functionId: group.functionId, runCount: group._count._all }));
}
