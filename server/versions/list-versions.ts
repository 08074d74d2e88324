import type { Db } from "../db";

/** A project's versions, newest first, with their file counts (no contents). */
export function listProjectVersions(db: Db, projectId: string) {
  return db.projectVersion.findMany({
    where: { projectId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, summary: true, createdAt: true, runId: true, parentVersionId: true, githubCommitUrl: true, githubPullRequestUrl: true, _count: { select: { files: true } } },
  });
}
