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
  /** How long one upload request may go unanswered before it is abandoned (default 60 s; tests shorten it). */
  uploadTimeoutMs?: number;
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

export const DEFAULT_UPLOAD_TIMEOUT_MS = 60_000;

/**
 * An upload request the provider took but never answered within the upload timeout: abandoned,
 * worth another attempt (transient), and described by each adapter with its provider's name.
 */
export class UploadTimeoutError extends Error {
  override name = "UploadTimeoutError";
  constructor(
    /** What was being uploaded, e.g. "assets/app.js". */
    readonly what: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`No answer to the upload of ${what} within ${formatSeconds(timeoutMs)}`, options);
  }
}

function formatSeconds(ms: number): string {
  return ms < 1_000 ? `${(ms / 1_000).toFixed(1)} s` : `${Math.round(ms / 1_000)} s`;
}

/**
 * The sentence every adapter gives a timed-out upload: the provider, what timed out, after how
 * long, and what to do.
 */
export function uploadTimeoutMessage(provider: string, error: UploadTimeoutError, action: string): string {
  return `${provider} did not answer the upload of ${error.what} within ${formatSeconds(error.timeoutMs)} while ${action}: the upload timed out and was abandoned. Check ${provider}'s status and the network, then deploy again; nothing of this version went live.`;
}

/**
 * Runs one upload request with its own time limit on top of the deploy's signal. The request is
 * aborted as a plain abort (so the SDKs do not retry it on their own); a request that ran out of
 * time throws UploadTimeoutError, which the deploy tries again as transient.
 */
export async function withUploadTimeout<T>(input: Pick<TargetDeployInput, "signal" | "uploadTimeoutMs">, what: string, upload: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeoutMs = input.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The upload of ${what} timed out`, "AbortError"));
  }, timeoutMs);
  const signal = AbortSignal.any([input.signal, controller.signal]);
  // The upload is raced against the signal, not only handed it: a client that does not pass the
  // signal down to its socket (or a request stuck where no signal reaches) would otherwise hold
  // the deploy step past its timeout, however long the provider stays silent.
  let onAbort = (): void => undefined;
  const abandoned = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException("The upload was aborted", "AbortError"));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const uploading = upload(signal);
    // Settles after the race may have been lost: its outcome no longer matters to anyone.
    uploading.catch(() => undefined);
    return await Promise.race([uploading, abandoned]);
  } catch (error) {
    if (timedOut && !input.signal.aborted) throw new UploadTimeoutError(what, timeoutMs, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
  }
}

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
