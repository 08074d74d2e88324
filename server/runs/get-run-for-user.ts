import type { Db } from "../db";

/** The run if `userId` may see it (a member of its project's workspace), else null — never says which. */
export function findRunForUser(db: Db, runId: string, userId: string) {
  return db.run.findFirst({
    where: { id: runId, project: { workspace: { memberships: { some: { userId } } } } },
    select: { id: true, projectId: true, status: true, lastSeq: true },
  });
}
