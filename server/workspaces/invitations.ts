// Invitations into a workspace by email. The link's secret is returned once and stored only as
// its SHA-256 (like API tokens). A self-hosted, offline install has no mail service, so the
// inviter copies the link; `createInvitation` takes an optional `deliver` hook so that a mail
// sender can be plugged in later without changing callers.
import { randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { hashApiToken as hashToken } from "../users/api-tokens";
import { assertCanManageMember, lockWorkspace, requireActor } from "./members";
import type { TInviteMemberInput, TWorkspaceRole } from "./schemas";

type Tx = Prisma.TransactionClient;

export const INVITATION_TTL_DAYS = 7;

/** Where the invitee accepts. */
export function invitationPagePath(token: string): string {
  return `/invite/${token}`;
}

/**
 * The link to send. It goes through sign-in because the dashboard layout redirects signed-out
 * visitors to a bare /signin, which would lose the invitation; the sign-in page forwards a
 * signed-in visitor straight on, and carries the return path through sign-up.
 */
export function invitationLinkPath(token: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(invitationPagePath(token))}`;
}

/** What a mail sender would need; nothing implements it yet. */
export type InvitationMessage = {
  email: string;
  role: TWorkspaceRole;
  workspace: { id: string; name: string };
  invitedBy: { name: string | null; email: string } | null;
  expiresAt: Date;
  token: string;
  path: string;
};
export type DeliverInvitation = (message: InvitationMessage) => Promise<void>;

const pendingInvitationSelect = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  createdAt: true,
  invitedBy: { select: { name: true, email: true } },
} as const;

// Sign-up lowercases and trims emails (ZEmail); GitHub accounts keep GitHub's spelling, so
// comparisons normalise both sides the same way.
const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Invites `email` (already normalised by ZInviteMemberInput) with `role`. Re-inviting a pending
 * (or previously accepted, since removed) email replaces its token and expiry, so an older link
 * stops working. Personal workspaces cannot be shared: they are listed first and picked by
 * default in the workspace switcher as "your own" space, and nobody can leave them; people who
 * want to collaborate create a team workspace.
 */
export async function createInvitation(
  db: Db,
  input: TInviteMemberInput & { invitedById: string },
  options: { deliver?: DeliverInvitation; now?: Date } = {},
) {
  const { workspaceId, email, role, invitedById } = input;
  const now = options.now ?? new Date();
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);

  const { invitation, workspace } = await db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const actor = await requireActor(tx, workspaceId, invitedById, "ADMIN");
    assertCanManageMember(actor.role, { newRole: role });
    if (actor.workspace.isPersonal) {
      throw new AppError("BAD_REQUEST", "Personal workspaces cannot be shared. Create a team workspace to invite people.");
    }
    const existing = await tx.membership.findFirst({
      where: { workspaceId, user: { email: { equals: normalizeEmail(email), mode: "insensitive" } } },
      select: { id: true },
    });
    if (existing) throw new AppError("BAD_REQUEST", `${email} is already a member of this workspace`);

    const data = { role, tokenHash: hashToken(token), invitedById, expiresAt, acceptedAt: null, createdAt: now };
    const invitation = await tx.workspaceInvitation.upsert({
      where: { workspaceId_email: { workspaceId, email } },
      create: { workspaceId, email, ...data },
      update: data,
      select: pendingInvitationSelect,
    });
    return { invitation, workspace: actor.workspace };
  });

  const path = invitationLinkPath(token);
  // After the commit: a failed delivery leaves a valid invitation whose link the inviter still gets.
  await options.deliver?.({ email, role, workspace: { id: workspace.id, name: workspace.name }, invitedBy: invitation.invitedBy, expiresAt, token, path });
  return { invitation: { ...invitation, isExpired: false }, token, path };
}

/** Invitations not yet accepted, newest first; expired ones stay listed (marked) until revoked or re-sent. */
export async function listPendingInvitations(db: Db, workspaceId: string, now = new Date()) {
  const invitations = await db.workspaceInvitation.findMany({
    where: { workspaceId, acceptedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: pendingInvitationSelect,
  });
  return invitations.map((invitation) => ({ ...invitation, isExpired: invitation.expiresAt <= now }));
}

export async function revokeInvitation(db: Db, input: { workspaceId: string; invitationId: string; actorId: string }) {
  const { workspaceId, invitationId } = input;
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const actor = await requireActor(tx, workspaceId, input.actorId, "ADMIN");
    const invitation = await tx.workspaceInvitation.findFirst({ where: { id: invitationId, workspaceId, acceptedAt: null }, select: { id: true, role: true } });
    if (!invitation) throw new AppError("NOT_FOUND", "Invitation not found (it may have been accepted or revoked already)");
    assertCanManageMember(actor.role, { targetRole: invitation.role });
    await tx.workspaceInvitation.delete({ where: { id: invitation.id } });
    return { id: invitation.id };
  });
}

const invitationByTokenSelect = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  workspace: { select: { id: true, name: true } },
  invitedBy: { select: { name: true, email: true } },
} as const;

async function findInvitationByToken(db: Db | Tx, token: string) {
  const invitation = await db.workspaceInvitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationByTokenSelect });
  if (!invitation) {
    throw new AppError("NOT_FOUND", "This invitation link is not valid: it was revoked, or replaced by a newer invitation. Ask for a new link.");
  }
  return invitation;
}

export type InvitationStatus = "pending" | "expired" | "accepted";

function invitationStatus(invitation: { acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

type Invitee = { id: string; email: string };

/** What the accept page shows. Holding the link is what entitles one to see it, whoever is signed in. */
export async function getInvitation(db: Db, token: string, user: Invitee, now = new Date()) {
  const invitation = await findInvitationByToken(db, token);
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspace.id, userId: user.id } },
    select: { role: true },
  });
  return {
    workspace: invitation.workspace,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy,
    expiresAt: invitation.expiresAt,
    status: invitationStatus(invitation, now),
    signedInAs: user.email,
    isEmailMatch: normalizeEmail(user.email) === invitation.email,
    memberRole: membership?.role ?? null,
  };
}

/**
 * Joins the invitation's workspace with its role, in one transaction with marking it accepted.
 * The signed-in account's email must be the invited one. Idempotent: someone who is already a
 * member keeps their role and gets success (a pending invitation is then marked used).
 */
export async function acceptInvitation(db: Db, token: string, user: Invitee, now = new Date()) {
  return db.$transaction(async (tx) => {
    const found = await findInvitationByToken(tx, token);
    if (normalizeEmail(user.email) !== found.email) {
      throw new AppError("FORBIDDEN", `This invitation is for ${found.email}, but you are signed in as ${user.email}. Sign in with the invited email to accept it.`);
    }
    const workspaceId = found.workspace.id;
    await lockWorkspace(tx, workspaceId);
    // Read again under the lock: it may have been revoked, re-sent or accepted meanwhile.
    const invitation = await findInvitationByToken(tx, token);
    const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } }, select: { role: true } });

    if (membership) {
      if (!invitation.acceptedAt) await tx.workspaceInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
      return { workspace: invitation.workspace, role: membership.role, isNewMember: false };
    }
    const status = invitationStatus(invitation, now);
    switch (status) {
      case "accepted":
        throw new AppError("BAD_REQUEST", "This invitation has already been used. Ask an admin of the workspace for a new link.");
      case "expired":
        throw new AppError(
          "BAD_REQUEST",
          `This invitation expired on ${invitation.expiresAt.toISOString().slice(0, 10)}. Ask an admin of ${invitation.workspace.name} for a new link.`,
        );
      case "pending":
        await tx.membership.create({ data: { workspaceId, userId: user.id, role: invitation.role } });
        await tx.workspaceInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
        return { workspace: invitation.workspace, role: invitation.role, isNewMember: true };
      default: {
        const unexpected: never = status;
        throw new Error(`Unknown invitation status ${String(unexpected)}`);
      }
    }
  });
}
