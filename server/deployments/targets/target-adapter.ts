// What every external deploy target implements: deploy a version's files, and roll back to an
// earlier deployment of that target. Adapters know their provider's SDK and nothing of the
// database; deploy-to-target.ts drives them and records the Deployment rows.
import { createHash } from "node:crypto";
import type { ProviderCredentials } from "../../integrations/credentials";
import { contentTypeFor } from "../content-type";
import { targetProviders, type TExternalDeployTarget } from "../../events/deploy-targets";

export { cacheControlFor } from "./target-settings";

export type DeployFile = { path: string; content: Buffer; contentType: string; sha1: string; size: number };

export type TargetDeployInput = {
  /** A stable, DNS-safe name for the project on the provider (a Vercel project, a worker, an S3 prefix). */
  siteName: string;
  versionNumber: number;
  files: DeployFile[];
  /** Keys the calls that must happen once per deployment (CloudFront's caller reference). */
  deploymentId: string;
  /** A line for the deployment's log (never a secret). */
  log: (line: string) => void;
  signal: AbortSignal;
};

export type TargetRollbackInput = TargetDeployInput & {
  /** The earlier deployment's provider id, for targets that can promote it without uploading again. */
  providerDeploymentId: string | null;
};

export type TargetDeployResult = { url: string; providerDeploymentId: string | null };

export type TargetCredentials<T extends TExternalDeployTarget> = ProviderCredentials[(typeof targetProviders)[T]];

export type TargetAdapter<T extends TExternalDeployTarget> = {
  target: T;
  deploy(credentials: TargetCredentials<T>, input: TargetDeployInput): Promise<TargetDeployResult>;
  rollback(credentials: TargetCredentials<T>, input: TargetRollbackInput): Promise<TargetDeployResult>;
  /** Whether another attempt may succeed (rate limits, 5xx, network), after the SDK's own retries. */
  isTransient(error: unknown): boolean;
  /** The provider's message and what to do, naming what we were doing; never the credentials. */
  describe(error: unknown, action: string): Error;
};

export function toDeployFile(path: string, content: Buffer): DeployFile {
  return { path, content, contentType: contentTypeFor(path), sha1: createHash("sha1").update(content).digest("hex"), size: content.length };
}

/**
 * A rate limit's Retry-After, for the message: " (it asks to wait 30 s)", or nothing when the
 * provider sent none (or a date, which is as good as none to a person reading the log).
 */
export function retryAfterHint(value: string | null | undefined): string {
  const seconds = Number(value);
  return value && Number.isFinite(seconds) && seconds >= 0 ? ` (it asks to wait ${Math.ceil(seconds)} s)` : "";
}

/** Project names → provider-safe names: lowercase letters, digits and single dashes, at most 50. */
export function siteNameFor(projectName: string, projectId: string): string {
  const base = projectName
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${base || "app"}-${projectId.slice(-8).toLowerCase()}`;
}
