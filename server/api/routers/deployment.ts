import { z } from "zod";
import { rollbackToVersion } from "../../deployments/deploy-preview";
import { getProjectPreviewLocation, listProjectDeployments } from "../../deployments/list-deployments";
import { getPreviewOrigins } from "../../deployments/preview-config";
import { ZId } from "../../validation/common";
import { createTRPCRouter, projectProcedure } from "../trpc";

export const deploymentRouter = createTRPCRouter({
  list: projectProcedure("VIEWER")
    .input(z.object({ projectId: ZId }))
    .query(({ ctx, input }) => listProjectDeployments(ctx.db, input.projectId)),

  /** Points the project's live preview at an earlier ready version. */
  rollback: projectProcedure("MEMBER")
    .input(z.object({ projectId: ZId, versionId: ZId }))
    .mutation(({ ctx, input }) => rollbackToVersion(ctx.db, { ...input, previewOrigins: getPreviewOrigins() })),

  /** Where this project's preview lives (computed from its key, so a changed preview domain applies at once). */
  origins: projectProcedure("VIEWER")
    .input(z.object({ projectId: ZId }))
    .query(({ ctx, input }) => getProjectPreviewLocation(ctx.db, input.projectId, getPreviewOrigins())),
});
