import { z } from "zod";
import { getWorkspaceAnalytics } from "../../../analytics/get-workspace-analytics";
import { ZWorkspaceAnalytics } from "../../../analytics/schemas";
import { createInvitation, listPendingInvitations, revokeInvitation } from "../../../workspaces/invitations";
import { getWorkspace, listWorkspaceMembers, listWorkspacesForUser } from "../../../workspaces/list-workspaces";
import { changeMemberRole, removeMember } from "../../../workspaces/members";
import { ZDateTime, ZEmail, ZId } from "../../../validation/common";
import { ZMemberView, ZWorkspaceRole, ZWorkspaceView } from "../../../workspaces/schemas";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "../../trpc";
import { pageOfList, pageParams, ZPage } from "../pagination";
import { ZQueryInt } from "../query-params";

const tags = ["Workspaces"];
const memberTags = ["Members"];
const adminOnly = "Workspace admins and owners; an API token needs the admin scope. Only an owner may grant or take away the owner role.";

const ZInvitationView = z
  .object({
    id: z.string(),
    email: z.string(),
    role: ZWorkspaceRole,
    expiresAt: ZDateTime,
    createdAt: ZDateTime,
    isExpired: z.boolean(),
    invitedBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
  })
  .meta({ id: "Invitation" });

export const restWorkspacesRouter = createTRPCRouter({
  list: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/workspaces", tags, summary: "Workspaces you are a member of (a token: its own workspace only)" } })
    .input(z.object(pageParams))
    .output(ZPage(ZWorkspaceView, "WorkspacePage"))
    .query(async ({ ctx, input }) => {
      const all = await listWorkspacesForUser(ctx.db, ctx.user.id);
      const visible = ctx.apiToken ? all.filter((workspace) => workspace.id === ctx.apiToken?.workspaceId) : all;
      return pageOfList(visible, input, `workspaces:${ctx.user.id}`);
    }),

  get: workspaceProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/workspaces/{workspaceId}", tags, summary: "A workspace, with your role in it" } })
    .input(z.object({}))
    .output(ZWorkspaceView)
    .query(async ({ ctx, input }) => ({ ...(await getWorkspace(ctx.db, input.workspaceId)), role: ctx.membership.role })),

  members: workspaceProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/workspaces/{workspaceId}/members", tags, summary: "The workspace's members and their roles" } })
    .input(z.object(pageParams))
    .output(ZPage(ZMemberView, "MemberPage"))
    .query(async ({ ctx, input }) => pageOfList(await listWorkspaceMembers(ctx.db, input.workspaceId), input, `members:${input.workspaceId}`)),

  invitations: workspaceProcedure("ADMIN")
    .meta({ openapi: { method: "GET", path: "/workspaces/{workspaceId}/invitations", tags: memberTags, summary: "Invitations not yet accepted (expired ones marked)", description: adminOnly } })
    .input(z.object(pageParams))
    .output(ZPage(ZInvitationView, "InvitationPage"))
    .query(async ({ ctx, input }) => pageOfList(await listPendingInvitations(ctx.db, input.workspaceId), input, `invitations:${input.workspaceId}`)),

  invite: workspaceProcedure("ADMIN")
    .meta({
      openapi: {
        method: "POST",
        path: "/workspaces/{workspaceId}/invitations",
        tags: memberTags,
        summary: "Invite someone by email; the answer holds the link to send them (shown once)",
        description: adminOnly,
        successDescription: "Created",
      },
    })
    .input(z.object({ email: ZEmail, role: ZWorkspaceRole.default("MEMBER") }))
    .output(z.object({ invitation: ZInvitationView, path: z.string() }).meta({ id: "CreatedInvitation" }))
    .mutation(async ({ ctx, input }) => {
      const { invitation, path } = await createInvitation(ctx.db, { ...input, invitedById: ctx.user.id });
      return { invitation, path };
    }),

  revokeInvitation: workspaceProcedure("ADMIN")
    .meta({ openapi: { method: "DELETE", path: "/workspaces/{workspaceId}/invitations/{invitationId}", tags: memberTags, summary: "Withdraw an invitation; its link stops working", description: adminOnly } })
    .input(z.object({ invitationId: ZId }))
    .output(z.object({ id: z.string() }).meta({ id: "RevokedInvitation" }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { ...input, actorId: ctx.user.id })),

  changeRole: workspaceProcedure("ADMIN")
    .meta({ openapi: { method: "PATCH", path: "/workspaces/{workspaceId}/members/{userId}", tags: memberTags, summary: "Change a member's role", description: adminOnly } })
    .input(z.object({ userId: ZId, role: ZWorkspaceRole }))
    .output(z.object({ userId: z.string(), role: ZWorkspaceRole }).meta({ id: "ChangedRole" }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, { ...input, actorId: ctx.user.id })),

  removeMember: workspaceProcedure("ADMIN")
    .meta({ openapi: { method: "DELETE", path: "/workspaces/{workspaceId}/members/{userId}", tags: memberTags, summary: "Remove a member (removing yourself is leaving; the only owner cannot)", description: adminOnly } })
    .input(z.object({ userId: ZId }))
    .output(z.object({ workspaceId: z.string(), userId: z.string() }).meta({ id: "RemovedMember" }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, { ...input, actorId: ctx.user.id })),

  analytics: workspaceProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/workspaces/{workspaceId}/analytics", tags: ["Analytics"], summary: "Runs, quality, usage and failures over the last N days" } })
    .input(z.object({ days: ZQueryInt({ min: 1, max: 365, default: 30 }) }))
    .output(ZWorkspaceAnalytics)
    .query(({ ctx, input }) => getWorkspaceAnalytics(ctx.db, { workspaceId: input.workspaceId, days: input.days })),
});
