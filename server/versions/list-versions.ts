import type { Db } from "../db";

/** A project's versions, newest first, with their file counts (no contents); optionally a page after `afterId`. */
export function listProjectVersions(db: Db, projectId: string, page?: { take: number; afterId?: string }) {
  return db.projectVersion.findMany({
    where: { projectId },
    orderBy: { number: "desc" },
    ...(page ? { take: page.take } : {}),
    ...(page?.afterId ? { cursor: { id: page.afterId }, skip: 1 } : {}),
    select: { id: true, number: true, summary: true, createdAt: true, runId: true, parentVersionId: true, githubCommitUrl: true, githubPullRequestUrl: true, _count: { select: { files: true } } },
  });
}
