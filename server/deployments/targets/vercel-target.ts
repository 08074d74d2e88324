// Vercel target: the version's files are uploaded by their SHA1 (POST /v2/files with
// x-vercel-digest; Vercel keeps each content once), a production deployment is created from them as
// a static site (no framework, no build), we wait until it is READY, and the project's production
// alias (<site>.vercel.app) is pointed at it. Rolling back re-points the alias at the earlier
// deployment: nothing is uploaded or built again.
import { Vercel } from "@vercel/sdk";
import { VercelError } from "@vercel/sdk/models/vercelerror.js";
import { AppError } from "../../errors";
import type { ProviderCredentials, VerifiedAccount } from "../../integrations/credentials";
import { retryAfterHint, UploadTimeoutError, uploadTimeoutMessage, withUploadTimeout, type TargetAdapter, type TargetDeployInput, type TargetDeployResult, type TargetRollbackInput } from "./target-adapter";

export type VercelCredentials = ProviderCredentials["VERCEL"];
export const VERCEL_API_URL = "https://api.vercel.com";

/** How often to ask whether a deployment is ready; the fake's tests shorten it. */
export const vercelTiming = { pollIntervalMs: 1_000 };

export function createVercelClient(credentials: VercelCredentials): Vercel {
  return new Vercel({
    bearerToken: credentials.token,
    serverURL: (credentials.baseUrl ?? VERCEL_API_URL).replace(/\/+$/, ""),
    // The SDK retries 429 and 5xx answers (and connection errors) with backoff.
    retryConfig: { strategy: "backoff", backoff: { initialInterval: 250, maxInterval: 4_000, exponent: 2, maxElapsedTime: 20_000 }, retryConnectionErrors: true },
  });
}

/** Vercel's own words from a failed call: `{ error: { code, message } }`, never the request. */
function vercelMessage(error: VercelError): string {
  try {
    const parsed = JSON.parse(error.body) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === "string" ? `${parsed.error.code}: ` : "";
    if (typeof parsed.error?.message === "string") return `${code}${parsed.error.message}`.slice(0, 300);
  } catch {
    // not JSON: fall back to the status line
  }
  return (error.body || error.message).slice(0, 300);
}

export function describeVercelError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof UploadTimeoutError) return new AppError("BAD_REQUEST", uploadTimeoutMessage("Vercel", error, action));
  if (error instanceof VercelError) {
    const status = error.statusCode;
    const said = vercelMessage(error);
    if (status === 401 || (status === 403 && /invalidToken|invalid token/i.test(error.body))) {
      return new AppError("BAD_REQUEST", `Vercel rejected the token while ${action} (${status} ${said}): it was revoked, has expired or is mistyped. Create a new token and rotate the Vercel connection in Settings → Integrations.`);
    }
    if (status === 403) return new AppError("BAD_REQUEST", `Vercel refused while ${action} (403 ${said}): the token's scope does not include this team or project. Create a token scoped to the team.`);
    if (status === 404) return new AppError("BAD_REQUEST", `Vercel found nothing while ${action} (404 ${said}): check the team id.`);
    if (status === 409) {
      return new AppError("BAD_REQUEST", `Vercel refused while ${action} (409 ${said}): the name is taken by another project or account. Free it on Vercel, or rename the project here so it deploys under another name.`);
    }
    if (status === 429) {
      return new AppError("BAD_REQUEST", `Vercel is rate limiting this token while ${action} (429 ${said})${retryAfterHint(error.headers.get("retry-after"))}, still after retries. Try again later, or deploy fewer versions at once.`);
    }
    if (status >= 500) return new AppError("BAD_REQUEST", `Vercel is unavailable while ${action} (${status} ${said}). Try again in a few minutes.`);
    return new AppError("BAD_REQUEST", `Vercel answered ${status} while ${action}: ${said}`);
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "AbortError" || name === "TimeoutError" || name === "RequestTimeoutError") return new AppError("BAD_REQUEST", `Vercel did not answer in time while ${action}. Try again.`);
  if (name === "ResponseValidationError" || name === "SDKValidationError") return new AppError("BAD_REQUEST", `Vercel answered something unexpected while ${action}. Try again; if it persists, the API may have changed.`);
  return new AppError("BAD_REQUEST", `Could not reach Vercel while ${action}. Check the API URL and the network.`);
}

function isTransientVercelError(error: unknown): boolean {
  if (error instanceof AppError) return false;
  if (error instanceof UploadTimeoutError) return true;
  if (error instanceof VercelError) return error.statusCode === 429 || error.statusCode >= 500;
  return true;
}

export async function verifyVercel(credentials: VercelCredentials, signal?: AbortSignal): Promise<VerifiedAccount> {
  const vercel = createVercelClient(credentials);
  try {
    const answer = await vercel.user.getAuthUser({ fetchOptions: { signal } });
    const username = answer?.user.username ?? "Vercel user";
    if (!credentials.teamId) return { accountLabel: username, scopes: ["personal account"] };
    const team = await vercel.teams.getTeam({ teamId: credentials.teamId }, { fetchOptions: { signal } });
    return { accountLabel: `${username} → ${team.slug}`, scopes: [`team ${team.slug}`] };
  } catch (error) {
    throw describeVercelError(error, credentials.teamId ? `looking up the team ${credentials.teamId}` : "verifying the token");
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

async function waitUntilReady(vercel: Vercel, credentials: VercelCredentials, id: string, input: TargetDeployInput) {
  for (;;) {
    const deployment = await vercel.deployments.getDeployment({ idOrUrl: id, teamId: credentials.teamId }, { fetchOptions: { signal: input.signal } });
    const state = "readyState" in deployment ? deployment.readyState : undefined;
    if (state === "READY") return deployment;
    if (state === "ERROR" || state === "CANCELED") {
      const reason = "errorMessage" in deployment && deployment.errorMessage ? `: ${deployment.errorMessage}` : "";
      throw new AppError("BAD_REQUEST", `The Vercel deployment ${id} ended ${state}${reason}. Its build logs are on Vercel.`);
    }
    await sleep(vercelTiming.pollIntervalMs, input.signal);
  }
}

async function assignProductionAlias(vercel: Vercel, credentials: VercelCredentials, id: string, input: TargetDeployInput): Promise<string> {
  const alias = `${input.siteName}.vercel.app`;
  await vercel.aliases.assignAlias({ id, teamId: credentials.teamId, requestBody: { alias } }, { fetchOptions: { signal: input.signal } });
  input.log(`Alias ${alias} → ${id}`);
  return `https://${alias}`;
}

async function deployToVercel(credentials: VercelCredentials, input: TargetDeployInput): Promise<TargetDeployResult> {
  const vercel = createVercelClient(credentials);
  const options = { fetchOptions: { signal: input.signal } };
  // Each content once: Vercel answers an upload it already has without storing it again. An
  // upload left unanswered is abandoned after the upload timeout (and the deploy tried again).
  const unique = new Map(input.files.map((file) => [file.sha1, file]));
  for (const file of unique.values()) {
    await withUploadTimeout(input, file.path, (signal) =>
      vercel.deployments.uploadFile({ teamId: credentials.teamId, xVercelDigest: file.sha1, contentLength: file.size, requestBody: new Uint8Array(file.content) }, { fetchOptions: { signal } }),
    );
  }
  input.log(`Uploaded ${unique.size} files by SHA1`);
  const created = await vercel.deployments.createDeployment(
    {
      teamId: credentials.teamId,
      skipAutoDetectionConfirmation: "1",
      requestBody: {
        name: input.siteName,
        project: input.siteName,
        target: "production",
        files: input.files.map((file) => ({ file: file.path, sha: file.sha1, size: file.size })),
        // A static site: no framework detection, no install or build step, served from the root.
        projectSettings: { framework: null, buildCommand: null, installCommand: null, outputDirectory: null, devCommand: null },
        meta: { epicVersion: String(input.versionNumber), epicDeploymentId: input.deploymentId },
      },
    },
    options,
  );
  input.log(`Vercel deployment ${created.id} created${"url" in created ? ` (${created.url})` : ""}`);
  await waitUntilReady(vercel, credentials, created.id, input);
  const url = await assignProductionAlias(vercel, credentials, created.id, input);
  return { url, providerDeploymentId: created.id };
}

async function rollbackOnVercel(credentials: VercelCredentials, input: TargetRollbackInput): Promise<TargetDeployResult> {
  // Without the earlier deployment's id (never recorded), deploy its files again.
  if (!input.providerDeploymentId) return deployToVercel(credentials, input);
  const vercel = createVercelClient(credentials);
  await waitUntilReady(vercel, credentials, input.providerDeploymentId, input);
  const url = await assignProductionAlias(vercel, credentials, input.providerDeploymentId, input);
  return { url, providerDeploymentId: input.providerDeploymentId };
}

export const vercelTarget: TargetAdapter<"vercel"> = {
  target: "vercel",
  deploy: deployToVercel,
  rollback: rollbackOnVercel,
  isTransient: isTransientVercelError,
  describe: describeVercelError,
};
