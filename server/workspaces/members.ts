// Who is in a workspace and with which role: change a role, remove a member, leave.
//
// Every change runs in a transaction that first locks the workspace row, so two owners demoting
// (or removing) each other at the same moment cannot leave a workspace without an owner, and it
// re-reads the actor's role under that lock. The procedure builders check the role too; these
// checks are the authoritative ones, so the functions are safe to call from the CLI or REST API.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { hasRoleAtLeast } from "./roles";
import type { TWorkspaceRole } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Serialises membership changes of one workspace until the transaction ends. */
export async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
}

/** The actor's membership, or the same NOT_FOUND / FORBIDDEN answers `workspaceProcedure` gives. */
export async function requireActor(tx: Tx, workspaceId: string, actorId: string, minimumRole: TWorkspaceRole) {
  const actor = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: actorId } },
    select: { role: true, workspace: { select: { id: true, name: true, isPersonal: true } } },
  });
  if (!actor) throw notFound("Workspace");
  if (!hasRoleAtLeast(actor.role, minimumRole)) {
    throw new AppError("FORBIDDEN", `This needs the ${minimumRole.toLowerCase()} role or higher in this workspace`);
  }
  return actor;
}

/**
 * Owners and admins manage members, but owners are the owners' business: an admin can neither
 * touch an owner's membership nor hand out the owner role (which would let them do so next).
 * `targetRole` is the member's current role (absent for invitations), `newRole` the one to grant.
 */
export function assertCanManageMember(actorRole: TWorkspaceRole, change: { targetRole?: TWorkspaceRole; newRole?: TWorkspaceRole }) {
  if (!hasRoleAtLeast(actorRole, "ADMIN")) throw new AppError("FORBIDDEN", "Only owners and admins can manage members");
  if (actorRole === "OWNER") return;
  if (change.targetRole === "OWNER") throw new AppError("FORBIDDEN", "Only an owner can change or remove another owner");
  if (change.newRole === "OWNER") throw new AppError("FORBIDDEN", "Only an owner can make someone an owner");
}

async function findMember(tx: Tx, workspaceId: string, userId: string) {
  const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { id: true, role: true } });
  if (!member) throw notFound("Member");
  return member;
}

async function isOnlyOwner(tx: Tx, workspaceId: string, member: { role: TWorkspaceRole }) {
  return member.role === "OWNER" && (await tx.membership.count({ where: { workspaceId, role: "OWNER" } })) <= 1;
}

export async function changeMemberRole(db: Db, input: { workspaceId: string; actorId: string; userId: string; role: TWorkspaceRole }) {
  const { workspaceId, userId, role } = input;
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const actor = await requireActor(tx, workspaceId, input.actorId, "ADMIN");
    const member = await findMember(tx, workspaceId, userId);
    assertCanManageMember(actor.role, { targetRole: member.role, newRole: role });
    if (member.role === role) return { userId, role };
    if (await isOnlyOwner(tx, workspaceId, member)) {
      throw new AppError("BAD_REQUEST", "This is the workspace's only owner. Make another member an owner first, then change this role.");
    }
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    return { userId, role };
  });
}

/** Removes another member; removing yourself is leaving, with leaving's rules. */
export async function removeMember(db: Db, input: { workspaceId: string; actorId: string; userId: string }) {
  const { workspaceId, userId } = input;
  if (userId === input.actorId) return leaveWorkspace(db, { workspaceId, userId });
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const actor = await requireActor(tx, workspaceId, input.actorId, "ADMIN");
    const member = await findMember(tx, workspaceId, userId);
    assertCanManageMember(actor.role, { targetRole: member.role });
    // Unreachable while the actor must be an owner to remove one, but cheap and keeps the invariant local.
    if (await isOnlyOwner(tx, workspaceId, member)) throw new AppError("BAD_REQUEST", "The workspace's only owner cannot be removed");
    await tx.membership.delete({ where: { id: member.id } });
    return { workspaceId, userId };
  });
}

/**
 * Any member may leave, except the last owner: a workspace without an owner could never be
 * managed again. That also keeps everyone in their personal workspace, which has one owner.
 */
export async function leaveWorkspace(db: Db, input: { workspaceId: string; userId: string }) {
  const { workspaceId, userId } = input;
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const member = await requireActor(tx, workspaceId, userId, "VIEWER");
    if (await isOnlyOwner(tx, workspaceId, member)) {
      throw new AppError(
        "BAD_REQUEST",
        member.workspace.isPersonal
          ? "You cannot leave your personal workspace"
          : "You are the only owner of this workspace. Make another member an owner before you leave.",
      );
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    return { workspaceId, userId };
  });
}
