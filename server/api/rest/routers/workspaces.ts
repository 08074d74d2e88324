import { z } from "zod";
import { getWorkspaceAnalytics } from "../../../analytics/get-workspace-analytics";
import { ZWorkspaceAnalytics } from "../../../analytics/schemas";
import { getWorkspace, listWorkspaceMembers, listWorkspacesForUser } from "../../../workspaces/list-workspaces";
import { ZMemberView, ZWorkspaceView } from "../../../workspaces/schemas";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "../../trpc";
import { pageOfList, pageParams, ZPage } from "../pagination";
import { ZQueryInt } from "../query-params";

const tags = ["Workspaces"];

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

  analytics: workspaceProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/workspaces/{workspaceId}/analytics", tags: ["Analytics"], summary: "Runs, quality, usage and failures over the last N days" } })
    .input(z.object({ days: ZQueryInt({ min: 1, max: 365, default: 30 }) }))
    .output(ZWorkspaceAnalytics)
    .query(({ ctx, input }) => getWorkspaceAnalytics(ctx.db, { workspaceId: input.workspaceId, days: input.days })),
});
