import { z } from "zod";
import { DeploymentStatus } from "../db/generated/enums";
import { parseDeployTarget, ZDeployTarget, ZExternalDeployTarget } from "../events/deploy-targets";
import { ZDateTime, ZId } from "../validation/common";

export const ZRollbackInput = z.object({ projectId: ZId, versionId: ZId });
export const ZRollbackTargetInput = z.object({ projectId: ZId, versionId: ZId, target: ZExternalDeployTarget });

// ─── Answers (the REST API's documented shapes; server/api/rest) ───
export const ZDeploymentView = z
  .object({
    id: z.string(),
    projectId: z.string(),
    versionId: z.string().nullable(),
    runId: z.string().nullable(),
    platform: z.string(),
    /** Where it was deployed (server/events/deploy-targets.ts). */
    target: ZDeployTarget,
    /** The provider's own id for it (a Vercel deployment id, a Cloudflare script etag, the S3 location); null for the preview. */
    providerDeploymentId: z.string().nullable(),
    status: z.enum(DeploymentStatus),
    deploymentUrl: z.string().nullable(),
    initiatedAt: ZDateTime,
    completedAt: ZDateTime.nullable(),
  })
  .meta({ id: "Deployment" });

/** A Deployment row as the API shows it: its stored target read through the contract (older or unknown names are the preview's). */
export function toDeploymentView<T extends { target: string }>(row: T): Omit<T, "target"> & { target: ReturnType<typeof parseDeployTarget> } {
  return { ...row, target: parseDeployTarget(row.target) };
}

export const ZDeploymentWithVersion = ZDeploymentView.extend({
  version: z.object({ id: z.string(), number: z.number().int() }).nullable(),
}).meta({ id: "DeploymentWithVersion" });

export const ZPreviewLocation = z
  .object({ isIsolated: z.boolean(), liveUrl: z.string().nullable() })
  .meta({ id: "PreviewLocation" });
