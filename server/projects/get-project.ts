import type { Db } from "../db";
import { notFound } from "../errors";
import { projectSummarySelect } from "./list-projects";

export async function getProject(db: Db, projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      ...projectSummarySelect,
      workspaceId: true,
      sourceRepoUrl: true,
      liveVersionId: true,
      requiresPlanApproval: true,
      workspace: { select: { id: true, name: true } },
      runs: {
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, prompt: true, status: true, queuedAt: true, startedAt: true, finishedAt: true, error: true },
      },
      _count: { select: { versions: true, deployments: true } },
    },
  });
  if (!project) throw notFound("Project");
  return project;
}
