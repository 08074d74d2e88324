// The deploy-target contract: which places a ready version can be deployed to, and which
// connection (server/integrations/credentials.ts: VERCEL, CLOUDFLARE, AWS) each needs. A leaf contract (zod only): the
// schema, the pipeline, the routers and the dashboard all import it, so a new target is added here
// once and every exhaustive switch over it fails to compile until it is handled.
import { z } from "zod";

export const deployTargets = ["preview", "vercel", "cloudflare", "s3"] as const;
export const ZDeployTarget = z.enum(deployTargets);
export type TDeployTarget = z.infer<typeof ZDeployTarget>;
/** The targets that publish somewhere else, through a workspace connection. */
export type TExternalDeployTarget = Exclude<TDeployTarget, "preview">;
export const externalDeployTargets = deployTargets.filter((target): target is TExternalDeployTarget => target !== "preview");
export const ZExternalDeployTarget = z.enum(["vercel", "cloudflare", "s3"]) satisfies z.ZodType<TExternalDeployTarget>;

/** The connection each external target deploys with (IntegrationConnection.provider). */
export const targetProviders = { vercel: "VERCEL", cloudflare: "CLOUDFLARE", s3: "AWS" } as const satisfies Record<TExternalDeployTarget, string>;

export const deployTargetLabels: Record<TDeployTarget, string> = { preview: "Preview", vercel: "Vercel", cloudflare: "Cloudflare Workers", s3: "AWS S3" };

/** The project's choice: a set of targets that always holds the preview (the run's own deploy). */
export const ZDeployTargetList = z
  .array(ZDeployTarget)
  .max(deployTargets.length)
  .transform((targets) => deployTargets.filter((target) => target === "preview" || targets.includes(target)));

/** Reads a stored list (Project.deployTargets), ignoring names this build does not know. */
export function parseDeployTargets(stored: readonly string[]): TDeployTarget[] {
  return deployTargets.filter((target) => target === "preview" || stored.includes(target));
}

/** A stored Deployment.target; rows from before targets existed (and unknown names) are the preview's. */
export function parseDeployTarget(stored: string): TDeployTarget {
  const parsed = ZDeployTarget.safeParse(stored);
  return parsed.success ? parsed.data : "preview";
}

/** The pipeline step (and Deployment.stepKey) deploying a run's version to one target. */
export function deployStepKey(target: TExternalDeployTarget): `deploy-${TExternalDeployTarget}` {
  return `deploy-${target}`;
}
