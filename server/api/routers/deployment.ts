import { z } from "zod";
import { rollbackToVersion } from "../../deployments/deploy-preview";
import { getProjectPreviewLocation, listProjectDeployments } from "../../deployments/list-deployments";
import { getPreviewOrigins } from "../../deployments/preview-config";
import { rollbackTarget } from "../../deployments/deploy-to-target";
import { getProjectDeployTargets, setProjectDeployTargets } from "../../deployments/project-deploy-targets";
import { ZDeployTargetList, ZExternalDeployTarget } from "../../events/deploy-targets";
import { getConnectionOptions } from "../../integrations/app-options";
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

  /** The project's deploy targets: chosen, connected, and what is live on each. */
  targets: projectProcedure("VIEWER")
    .input(z.object({ projectId: ZId }))
    .query(({ ctx, input }) => getProjectDeployTargets(ctx.db, input.projectId)),

  /** Chooses where the project's next versions are deployed (the preview always is). */
  setTargets: projectProcedure("MEMBER")
    .input(z.object({ projectId: ZId, targets: ZDeployTargetList }))
    .mutation(({ ctx, input }) => setProjectDeployTargets(ctx.db, input)),

  /** Puts an earlier version live again on one external target (Vercel re-alias, Cloudflare and S3 redeploy). */
  rollbackTarget: projectProcedure("MEMBER")
    .input(z.object({ projectId: ZId, versionId: ZId, target: ZExternalDeployTarget }))
    .mutation(({ ctx, input }) => rollbackTarget(ctx.db, input, { access: getConnectionOptions })),

  /** Where this project's preview lives (computed from its key, so a changed preview domain applies at once). */
  origins: projectProcedure("VIEWER")
    .input(z.object({ projectId: ZId }))
    .query(({ ctx, input }) => getProjectPreviewLocation(ctx.db, input.projectId, getPreviewOrigins())),
});
