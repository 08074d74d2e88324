import type { Db } from "../db";

/** A new display name; the slug stays, so links keep working. */
export function renameWorkspace(db: Db, input: { workspaceId: string; name: string }) {
  return db.workspace.update({ where: { id: input.workspaceId }, data: { name: input.name }, select: { id: true, name: true } });
}
