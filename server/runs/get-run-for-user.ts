import type { Db } from "../db";

/**
 * The run if `userId` may see it (a member of its project's workspace, and that workspace is
 * `scope.workspaceId` when the caller is a token bound to one), else null — never says which.
 */
export function findRunForUser(db: Db, runId: string, userId: string, scope: { workspaceId?: string } = {}) {
  return db.run.findFirst({
    where: {
      id: runId,
      project: { workspaceId: scope.workspaceId, workspace: { memberships: { some: { userId } } } },
    },
    select: { id: true, projectId: true, status: true, lastSeq: true },
  });
}
