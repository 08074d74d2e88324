// Cloudflare target: Workers static assets, the documented direct-upload flow
// (developers.cloudflare.com/workers/static-assets/direct-upload): an upload session with the
// manifest (path → hash and size), the asset buckets Cloudflare asks for (uploaded with the
// session's JWT, not the API token), then the worker uploaded as a multipart form with the
// completion token in its metadata, and its workers.dev route enabled. Rolling back deploys the
// earlier version's assets again: Cloudflare already has them, so the session asks for nothing.
import { createHash } from "node:crypto";
import Cloudflare, { APIError, toFile } from "cloudflare";
import type { ScriptUpdateParams } from "cloudflare/resources/workers/scripts/scripts";
import { AppError } from "../../errors";
import type { ProviderCredentials, VerifiedAccount } from "../../integrations/credentials";
import { retryAfterHint, UploadTimeoutError, uploadTimeoutMessage, withUploadTimeout, type DeployFile, type TargetAdapter, type TargetDeployInput, type TargetDeployResult } from "./target-adapter";
import { CLOUDFLARE_COMPATIBILITY_DATE, cloudflareAssetsConfig } from "./target-settings";

export type CloudflareCredentials = ProviderCredentials["CLOUDFLARE"];
export const CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4";

// The worker in front of the assets: every request is served from them (the SPA fallback and
// trailing slashes are the assets config's job). Inline because it is three lines and never runs here.
const WORKER_MODULE = `export default { async fetch(request, env) { return env.ASSETS.fetch(request); } };\n`;

export function createCloudflareClient(credentials: CloudflareCredentials, token: string = credentials.apiToken): Cloudflare {
  return new Cloudflare({
    apiToken: token,
    // Explicit nulls: the SDK would otherwise pick up CLOUDFLARE_EMAIL / CLOUDFLARE_API_KEY from the environment.
    apiEmail: null,
    apiKey: null,
    userServiceKey: null,
    baseURL: (credentials.baseUrl ?? CLOUDFLARE_API_URL).replace(/\/+$/, ""),
    // The SDK retries 408/409/429/5xx and connection errors with backoff.
    maxRetries: 2,
    timeout: 60_000,
    logLevel: "off",
  });
}

/** Cloudflare's own words: `errors: [{ code, message }]`, never the request. */
function cloudflareMessage(error: APIError): string {
  const items = (error.errors ?? []).map((item) => `${item.code ? `${item.code} ` : ""}${item.message ?? ""}`.trim()).filter(Boolean);
  return (items.length ? items.join("; ") : error.message).slice(0, 300);
}

export function describeCloudflareError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof UploadTimeoutError) return new AppError("BAD_REQUEST", uploadTimeoutMessage("Cloudflare", error, action));
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const said = cloudflareMessage(error);
    if (status === 401 || /Invalid API Token|Authentication error/i.test(said)) {
      return new AppError("BAD_REQUEST", `Cloudflare rejected the API token while ${action} (${status} ${said}): it was revoked, has expired or is mistyped. Create a new token and rotate the Cloudflare connection in Settings → Integrations.`);
    }
    if (status === 403) return new AppError("BAD_REQUEST", `Cloudflare refused while ${action} (403 ${said}): the token lacks a permission. It needs "Workers Scripts: Edit" (and "Account Settings: Read") on the account.`);
    if (status === 404) return new AppError("BAD_REQUEST", `Cloudflare found nothing while ${action} (404 ${said}): check the account id.`);
    if (status === 409) {
      return new AppError("BAD_REQUEST", `Cloudflare refused while ${action} (409 ${said}): the worker's name is taken on this account. Free it on Cloudflare, or rename the project here so it deploys under another name.`);
    }
    if (status === 429) {
      return new AppError("BAD_REQUEST", `Cloudflare is rate limiting this token while ${action} (429 ${said})${retryAfterHint(error.headers?.get("retry-after"))}, still after retries. Try again later, or deploy fewer versions at once.`);
    }
    if (status >= 500) return new AppError("BAD_REQUEST", `Cloudflare is unavailable while ${action} (${status} ${said}). Try again in a few minutes.`);
    return new AppError("BAD_REQUEST", `Cloudflare answered ${status} while ${action}: ${said}`);
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "AbortError" || name === "TimeoutError" || error instanceof Cloudflare.APIConnectionTimeoutError) return new AppError("BAD_REQUEST", `Cloudflare did not answer in time while ${action}. Try again.`);
  return new AppError("BAD_REQUEST", `Could not reach Cloudflare while ${action}. Check the API URL and the network.`);
}

function isTransientCloudflareError(error: unknown): boolean {
  if (error instanceof AppError) return false;
  if (error instanceof UploadTimeoutError) return true;
  if (error instanceof APIError && typeof error.status === "number") return error.status === 429 || error.status >= 500;
  return true;
}

export async function verifyCloudflare(credentials: CloudflareCredentials, signal?: AbortSignal): Promise<VerifiedAccount> {
  const client = createCloudflareClient(credentials);
  let status: string;
  try {
    status = (await client.user.tokens.verify({ signal })).status;
  } catch (error) {
    throw describeCloudflareError(error, "verifying the API token");
  }
  if (status !== "active") throw new AppError("BAD_REQUEST", `The Cloudflare API token is ${status}: create an active token and save the connection again.`);
  try {
    const account = await client.accounts.get({ account_id: credentials.accountId }, { signal });
    return { accountLabel: `${account.name} (${credentials.accountId})`, scopes: ["token active"] };
  } catch (error) {
    throw describeCloudflareError(error, `looking up the account ${credentials.accountId}`);
  }
}

/** The manifest's hash of a file: 32 hex characters over its base64 content and extension, as wrangler does (with SHA-256 for BLAKE3). */
function assetHash(file: DeployFile): string {
  const extension = file.path.includes(".") ? file.path.split(".").pop()! : "";
  return createHash("sha256").update(file.content.toString("base64") + extension).digest("hex").slice(0, 32);
}

async function uploadAssets(credentials: CloudflareCredentials, input: TargetDeployInput): Promise<string> {
  const client = createCloudflareClient(credentials);
  const byHash = new Map(input.files.map((file) => [assetHash(file), file]));
  const manifest = Object.fromEntries(input.files.map((file) => [`/${file.path}`, { hash: assetHash(file), size: file.size }]));
  const session = await client.workers.scripts.assets.upload.create(input.siteName, { account_id: credentials.accountId, manifest }, { signal: input.signal });
  if (!session.jwt) throw new AppError("BAD_REQUEST", "Cloudflare opened no asset upload session (no token in its answer). Try again.");
  const buckets = session.buckets ?? [];
  if (buckets.length === 0) {
    input.log("Cloudflare already has every asset of this version");
    return session.jwt;
  }
  // Buckets go up with the session's JWT; the answer to the last one carries the completion token.
  const uploader = createCloudflareClient(credentials, session.jwt);
  let completion: string | undefined;
  for (const bucket of buckets) {
    const body = Object.fromEntries(bucket.map((hash) => [hash, byHash.get(hash)!.content.toString("base64")]));
    // A bucket left unanswered is abandoned after the upload timeout (and the deploy tried again).
    const what = bucket.map((hash) => byHash.get(hash)!.path).join(", ");
    const answer = await withUploadTimeout(input, what, (signal) => uploader.workers.assets.upload.create({ account_id: credentials.accountId, base64: true, body }, { signal }));
    completion = answer.jwt ?? completion;
  }
  input.log(`Uploaded ${buckets.flat().length} of ${input.files.length} assets in ${buckets.length} buckets`);
  if (!completion) throw new AppError("BAD_REQUEST", "Cloudflare did not complete the asset upload (no completion token). Try again.");
  return completion;
}

async function deployToCloudflare(credentials: CloudflareCredentials, input: TargetDeployInput): Promise<TargetDeployResult> {
  const completion = await uploadAssets(credentials, input);
  const client = createCloudflareClient(credentials);
  const options = { signal: input.signal };
  const metadata: ScriptUpdateParams.Metadata = {
    main_module: "worker.js",
    compatibility_date: CLOUDFLARE_COMPATIBILITY_DATE,
    assets: { jwt: completion, config: { ...cloudflareAssetsConfig } },
    bindings: [{ type: "assets", name: "ASSETS" }],
    annotations: { "workers/message": `Epic AI Dev version ${input.versionNumber}`, "workers/tag": `v${input.versionNumber}` },
  };
  const script = await client.workers.scripts.update(
    input.siteName,
    {
      account_id: credentials.accountId,
      // The API reads `metadata` as one JSON part. Given an object, the SDK's form encoder would
      // flatten it into metadata[main_module]=… fields, which the API cannot read ("could not read
      // content for part metadata", cloudflare-typescript#158/#2645), so it goes as a JSON file.
      metadata: (await toFile(Buffer.from(JSON.stringify(metadata)), "metadata.json", { type: "application/json" })) as unknown as ScriptUpdateParams.Metadata,
      files: [await toFile(Buffer.from(WORKER_MODULE), "worker.js", { type: "application/javascript+module" })],
    },
    // The SDK sets Content-Type: application/javascript on this call even for a form; unset, fetch
    // sends the form's own multipart/form-data with its boundary.
    { ...options, headers: { "Content-Type": null } },
  );
  await client.workers.scripts.subdomain.create(input.siteName, { account_id: credentials.accountId, enabled: true }, options);
  const { subdomain } = await client.workers.subdomains.get({ account_id: credentials.accountId }, options);
  const url = `https://${input.siteName}.${subdomain}.workers.dev`;
  input.log(`Worker ${input.siteName} deployed${script.id ? ` (${script.id})` : ""}`);
  return { url, providerDeploymentId: script.etag ?? script.id ?? null };
}

export const cloudflareTarget: TargetAdapter<"cloudflare"> = {
  target: "cloudflare",
  deploy: deployToCloudflare,
  rollback: deployToCloudflare,
  isTransient: isTransientCloudflareError,
  describe: describeCloudflareError,
};
