import { z } from "zod";
import { DeploymentStatus } from "../db/generated/enums";
import { ZDateTime, ZId } from "../validation/common";

export const ZRollbackInput = z.object({ projectId: ZId, versionId: ZId });

// ─── Answers (the REST API's documented shapes; server/api/rest) ───
export const ZDeploymentView = z
  .object({
    id: z.string(),
    projectId: z.string(),
    versionId: z.string().nullable(),
    runId: z.string().nullable(),
    platform: z.string(),
    status: z.enum(DeploymentStatus),
    deploymentUrl: z.string().nullable(),
    initiatedAt: ZDateTime,
    completedAt: ZDateTime.nullable(),
  })
  .meta({ id: "Deployment" });

export const ZDeploymentWithVersion = ZDeploymentView.extend({
  version: z.object({ id: z.string(), number: z.number().int() }).nullable(),
}).meta({ id: "DeploymentWithVersion" });

export const ZPreviewLocation = z
  .object({ isIsolated: z.boolean(), liveUrl: z.string().nullable() })
  .meta({ id: "PreviewLocation" });
