import { env } from "../../env";
import { configuredModelProviders } from "../../llm/configured-providers";
import { createWorkspace } from "../../workspaces/create-workspace";
import { getWorkspaceSettings, updateWorkspaceSettings, ZWorkspaceSettingsInput } from "../../workspaces/settings";
import { listWorkspaceMembers, listWorkspacesForUser } from "../../workspaces/list-workspaces";
import { ZCreateWorkspaceInput, ZRenameWorkspaceInput } from "../../workspaces/schemas";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "../trpc";

export const workspaceRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listWorkspacesForUser(ctx.db, ctx.user.id)),

  get: workspaceProcedure("VIEWER").query(async ({ ctx, input }) => {
    const workspace = await ctx.db.workspace.findUniqueOrThrow({
      where: { id: input.workspaceId },
      select: { id: true, name: true, slug: true, isPersonal: true, createdAt: true },
    });
    return { ...workspace, role: ctx.membership.role };
  }),

  create: protectedProcedure
    .input(ZCreateWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, { name: input.name, ownerId: ctx.user.id })),

  rename: workspaceProcedure("ADMIN")
    .input(ZRenameWorkspaceInput)
    .mutation(({ ctx, input }) =>
      ctx.db.workspace.update({ where: { id: input.workspaceId }, data: { name: input.name }, select: { id: true, name: true } }),
    ),

  members: workspaceProcedure("VIEWER").query(({ ctx, input }) => listWorkspaceMembers(ctx.db, input.workspaceId)),

  settings: workspaceProcedure("VIEWER").query(async ({ ctx, input }) => ({
    ...(await getWorkspaceSettings(ctx.db, input.workspaceId)),
    // Which providers this server has keys for, so the UI can say why a choice would fail.
    configuredProviders: configuredModelProviders(env),
  })),

  updateSettings: workspaceProcedure("ADMIN")
    .input(ZWorkspaceSettingsInput)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx.db, input, configuredModelProviders(env))),
});
