import type { Db } from "../db";
import { previewUrl, type PreviewOrigins } from "./preview-origin";

/** A project's latest deployments (50 unless paged), newest first, with the version each deployed. */
export function listProjectDeployments(db: Db, projectId: string, page: { take: number; afterId?: string } = { take: 50 }) {
  return db.deployment.findMany({
    where: { projectId },
    orderBy: [{ initiatedAt: "desc" }, { id: "desc" }],
    take: page.take,
    ...(page.afterId ? { cursor: { id: page.afterId }, skip: 1 } : {}),
    include: { version: { select: { id: true, number: true } } },
  });
}

/** Where the project's preview lives, computed from its key so a changed preview domain applies at once. */
export async function getProjectPreviewLocation(db: Db, projectId: string, origins: PreviewOrigins) {
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { previewKey: true, liveVersionId: true } });
  const liveUrl = project.previewKey && project.liveVersionId ? previewUrl(origins, project.previewKey) : null;
  return { isIsolated: origins.isIsolated, liveUrl };
}
