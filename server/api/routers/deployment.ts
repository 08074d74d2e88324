import { z } from "zod";
import { rollbackToVersion } from "../../deployments/deploy-preview";
import { getPreviewOrigins } from "../../deployments/preview-config";
import { previewUrl } from "../../deployments/preview-origin";
import { ZId } from "../../validation/common";
import { createTRPCRouter, projectProcedure } from "../trpc";

export const deploymentRouter = createTRPCRouter({
  list: projectProcedure("VIEWER")
    .input(z.object({ projectId: ZId }))
    .query(({ ctx, input }) =>
      ctx.db.deployment.findMany({
        where: { projectId: input.projectId },
        orderBy: { initiatedAt: "desc" },
        take: 50,
        include: { version: { select: { id: true, number: true } } },
      }),
    ),

  /** Points the project's live preview at an earlier ready version. */
  rollback: projectProcedure("MEMBER")
    .input(z.object({ projectId: ZId, versionId: ZId }))
    .mutation(({ ctx, input }) => rollbackToVersion(ctx.db, { ...input, previewOrigins: getPreviewOrigins() })),

  /** Where this project's preview lives (computed from its key, so a changed preview domain applies at once). */
  origins: projectProcedure("VIEWER")
    .input(z.object({ projectId: ZId }))
    .query(async ({ ctx, input }) => {
      const origins = getPreviewOrigins();
      const project = await ctx.db.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { previewKey: true, liveVersionId: true } });
      const liveUrl = project.previewKey && project.liveVersionId ? previewUrl(origins, project.previewKey) : null;
      return { isIsolated: origins.isIsolated, liveUrl };
    }),
});
