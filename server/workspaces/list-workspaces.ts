import type { Db } from "../db";

export async function listWorkspacesForUser(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: [{ workspace: { isPersonal: "desc" } }, { createdAt: "asc" }],
    select: {
      role: true,
      workspace: { select: { id: true, name: true, slug: true, isPersonal: true, createdAt: true } },
    },
  });
  return memberships.map(({ role, workspace }) => ({ ...workspace, role }));
}

export function getWorkspace(db: Db, workspaceId: string) {
  return db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { id: true, name: true, slug: true, isPersonal: true, createdAt: true },
  });
}

export async function listWorkspaceMembers(db: Db, workspaceId: string) {
  const members = await db.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, image: true } } },
  });
  return members.map(({ role, createdAt, user }) => ({ ...user, role, joinedAt: createdAt }));
}
