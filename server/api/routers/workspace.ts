import { env } from "../../env";
import { configuredModelProviders } from "../../llm/configured-providers";
import { createWorkspace } from "../../workspaces/create-workspace";
import { getWorkspaceSettings, updateWorkspaceSettings, ZWorkspaceSettingsInput } from "../../workspaces/settings";
import { getWorkspace, listWorkspaceMembers, listWorkspacesForUser } from "../../workspaces/list-workspaces";
import { renameWorkspace } from "../../workspaces/rename-workspace";
import { acceptInvitation, createInvitation, getInvitation, listPendingInvitations, revokeInvitation } from "../../workspaces/invitations";
import { changeMemberRole, leaveWorkspace, removeMember } from "../../workspaces/members";
import {
  ZChangeMemberRoleInput,
  ZCreateWorkspaceInput,
  ZInvitationTokenInput,
  ZInviteMemberInput,
  ZRemoveMemberInput,
  ZRenameWorkspaceInput,
  ZRevokeInvitationInput,
} from "../../workspaces/schemas";
import { createTRPCRouter, protectedProcedure, sessionProcedure, workspaceProcedure } from "../trpc";

export const workspaceRouter = createTRPCRouter({
  // A token sees only the workspace it is bound to.
  list: protectedProcedure.query(async ({ ctx }) => {
    const workspaces = await listWorkspacesForUser(ctx.db, ctx.user.id);
    return ctx.apiToken ? workspaces.filter((workspace) => workspace.id === ctx.apiToken?.workspaceId) : workspaces;
  }),

  get: workspaceProcedure("VIEWER").query(async ({ ctx, input }) => ({ ...(await getWorkspace(ctx.db, input.workspaceId)), role: ctx.membership.role })),

  create: sessionProcedure
    .input(ZCreateWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, { name: input.name, ownerId: ctx.user.id })),

  rename: workspaceProcedure("ADMIN")
    .input(ZRenameWorkspaceInput)
    .mutation(({ ctx, input }) => renameWorkspace(ctx.db, input)),

  members: workspaceProcedure("VIEWER").query(({ ctx, input }) => listWorkspaceMembers(ctx.db, input.workspaceId)),

  settings: workspaceProcedure("VIEWER").query(async ({ ctx, input }) => ({
    ...(await getWorkspaceSettings(ctx.db, input.workspaceId)),
    // Which providers this server has keys for, so the UI can say why a choice would fail.
    configuredProviders: configuredModelProviders(env),
  })),

  updateSettings: workspaceProcedure("ADMIN")
    .input(ZWorkspaceSettingsInput)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx.db, input, configuredModelProviders(env))),

  // ─── Members and invitations (rules in server/workspaces/members.ts and invitations.ts) ───

  invite: workspaceProcedure("ADMIN")
    .input(ZInviteMemberInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, { ...input, invitedById: ctx.user.id })),

  invitations: workspaceProcedure("ADMIN").query(({ ctx, input }) => listPendingInvitations(ctx.db, input.workspaceId)),

  revokeInvitation: workspaceProcedure("ADMIN")
    .input(ZRevokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { ...input, actorId: ctx.user.id })),

  changeRole: workspaceProcedure("ADMIN")
    .input(ZChangeMemberRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, { ...input, actorId: ctx.user.id })),

  removeMember: workspaceProcedure("ADMIN")
    .input(ZRemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { ...input, actorId: ctx.user.id })),

  leave: workspaceProcedure("VIEWER").mutation(({ ctx, input }) => leaveWorkspace(ctx.db, { workspaceId: input.workspaceId, userId: ctx.user.id })),

  /** The accept page's view of an invitation: any signed-in holder of the link may look. */
  invitation: sessionProcedure.input(ZInvitationTokenInput).query(({ ctx, input }) => getInvitation(ctx.db, input.token, ctx.user)),

  acceptInvitation: sessionProcedure
    .input(ZInvitationTokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input.token, ctx.user)),
});
