import { z } from "zod";
import { WorkspaceRole } from "../db/generated/enums";
import { ZDateTime, ZDisplayName, ZEmail, ZId } from "../validation/common";

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

// ─── Answers (the REST API's documented shapes; server/api/rest) ───
export const ZWorkspaceView = z
  .object({ id: z.string(), name: z.string(), slug: z.string(), isPersonal: z.boolean(), createdAt: ZDateTime, role: ZWorkspaceRole })
  .meta({ id: "Workspace" });
export const ZMemberView = z
  .object({ id: z.string(), name: z.string().nullable(), email: z.string(), image: z.string().nullable(), role: ZWorkspaceRole, joinedAt: ZDateTime })
  .meta({ id: "Member" });
