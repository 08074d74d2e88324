import { z } from "zod";
import { WorkspaceRole } from "../db/generated/enums";
import { ZDisplayName, ZEmail, ZId } from "../validation/common";

import { workspaceRoles, type TWorkspaceRole } from "./roles";

export { workspaceRoles, type TWorkspaceRole };
export const ZWorkspaceRole = z.enum(WorkspaceRole);

export const ZWorkspaceIdInput = z.object({ workspaceId: ZId });
export const ZCreateWorkspaceInput = z.object({ name: ZDisplayName });
export const ZRenameWorkspaceInput = z.object({ workspaceId: ZId, name: ZDisplayName });

// ─── Members and invitations ─────────────────────────────────────────────────

/** The secret part of an invitation link: base64url, as `createInvitation` makes them. */
export const ZInvitationToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This invitation link is incomplete or malformed. Copy the whole link and try again.");

export const ZInviteMemberInput = z.object({ workspaceId: ZId, email: ZEmail, role: ZWorkspaceRole.default("MEMBER") });
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZRevokeInvitationInput = z.object({ workspaceId: ZId, invitationId: ZId });
export const ZChangeMemberRoleInput = z.object({ workspaceId: ZId, userId: ZId, role: ZWorkspaceRole });
export const ZRemoveMemberInput = z.object({ workspaceId: ZId, userId: ZId });
export const ZInvitationTokenInput = z.object({ token: ZInvitationToken });
