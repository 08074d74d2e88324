import { providerNames } from "../../integrations/credentials";
import { getConnectionOptions } from "../../integrations/app-options";
import { listConnections, removeConnection, rotateConnection, saveConnection } from "../../integrations/connections";
import { getRepositoryLink, linkRepository, setPullRequestMode, unlinkRepository } from "../../integrations/github/repository-link";
import { isProviderAvailable } from "../../integrations/providers";
import { ZLinkRepositoryInput, ZPullRequestModeInput, ZRemoveConnectionInput, ZRotateConnectionInput, ZSaveConnectionInput } from "../../integrations/schemas";
import { createTRPCRouter, projectProcedure, workspaceProcedure } from "../trpc";

export const integrationRouter = createTRPCRouter({
  // Members see which connections exist, masked; credentials never leave the server.
  list: workspaceProcedure("MEMBER").query(async ({ ctx, input }) => ({
    connections: await listConnections(ctx.db, input.workspaceId),
    available: providerNames.filter(isProviderAvailable),
  })),

  save: workspaceProcedure("ADMIN")
    .input(ZSaveConnectionInput)
    .mutation(({ ctx, input }) => saveConnection(ctx.db, { ...input, actorId: ctx.user.id }, getConnectionOptions())),

  rotate: workspaceProcedure("ADMIN")
    .input(ZRotateConnectionInput)
    .mutation(({ ctx, input }) => rotateConnection(ctx.db, { ...input, actorId: ctx.user.id }, getConnectionOptions())),

  remove: workspaceProcedure("ADMIN")
    .input(ZRemoveConnectionInput)
    .mutation(({ ctx, input }) => removeConnection(ctx.db, input)),

  // ─── A project's GitHub repository ───

  githubRepository: projectProcedure("VIEWER").query(({ ctx, input }) => getRepositoryLink(ctx.db, input.projectId)),

  linkGitHubRepository: projectProcedure("ADMIN")
    .input(ZLinkRepositoryInput)
    .mutation(({ ctx, input }) => linkRepository(ctx.db, input, getConnectionOptions())),

  setGitHubPullRequestMode: projectProcedure("ADMIN")
    .input(ZPullRequestModeInput)
    .mutation(({ ctx, input }) => setPullRequestMode(ctx.db, input)),

  unlinkGitHubRepository: projectProcedure("ADMIN").mutation(({ ctx, input }) => unlinkRepository(ctx.db, input.projectId)),
});
