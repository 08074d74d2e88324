import type { Db } from "../db";
import { notFound } from "../errors";

// updateMany with the id lets a vanished project surface as NOT_FOUND rather than a Prisma error.
async function updateProject(db: Db, projectId: string, data: { name?: string; archivedAt?: Date | null }) {
  const { count } = await db.project.updateMany({ where: { id: projectId }, data });
  if (count === 0) throw notFound("Project");
  return db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true, archivedAt: true } });
}

export function renameProject(db: Db, input: { projectId: string; name: string }) {
  return updateProject(db, input.projectId, { name: input.name });
}

export function archiveProject(db: Db, input: { projectId: string }) {
  return updateProject(db, input.projectId, { archivedAt: new Date() });
}

export function unarchiveProject(db: Db, input: { projectId: string }) {
  return updateProject(db, input.projectId, { archivedAt: null });
}
