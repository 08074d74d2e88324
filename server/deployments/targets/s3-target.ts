// AWS S3 static website target: each project lives under its own prefix of the connection's bucket
// (<site>/index.html …). A deploy uploads the version's files with their Content-Type and
// Cache-Control (HTML last, so a new page never references assets not yet there), removes the
// prefix's files the version no longer has, sets the bucket's website configuration, and, with a
// CloudFront distribution, invalidates the prefix. Rolling back re-syncs the earlier version.
import { CloudFrontClient, CreateInvalidationCommand } from "@aws-sdk/client-cloudfront";
import {
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { AppError } from "../../errors";
import type { ProviderCredentials, VerifiedAccount } from "../../integrations/credentials";
import { cacheControlFor, retryAfterHint, UploadTimeoutError, uploadTimeoutMessage, withUploadTimeout, type DeployFile, type TargetAdapter, type TargetDeployInput } from "./target-adapter";
import { s3WebsiteConfiguration } from "./target-settings";

export type AwsCredentials = ProviderCredentials["AWS"];

// The SDK's own retries (exponential backoff on 5xx, throttling and network errors).
const MAX_ATTEMPTS = 3;
// Files above this go up in 8 MB parts (lib-storage's Upload; S3's minimum part is 5 MB).
const PART_SIZE = 8 * 1024 * 1024;

export function createS3Client(credentials: AwsCredentials): S3Client {
  return new S3Client({
    region: credentials.region,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    endpoint: credentials.endpoint,
    // An S3-compatible endpoint (a fake, MinIO, R2) rarely has per-bucket hostnames.
    forcePathStyle: Boolean(credentials.endpoint),
    maxAttempts: MAX_ATTEMPTS,
    // The SDK logs nothing unless given a logger; kept explicit so no request (signed headers) is printed.
    logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** The site's public URL: the bucket's website endpoint, or the custom endpoint's path-style URL. */
export function s3SiteUrl(credentials: AwsCredentials, prefix: string): string {
  if (credentials.endpoint) return `${credentials.endpoint.replace(/\/+$/, "")}/${credentials.bucket}/${prefix}/`;
  return `http://${credentials.bucket}.s3-website-${credentials.region}.amazonaws.com/${prefix}/`;
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function awsMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = error.name && error.name !== "Error" ? `${error.name}: ` : "";
    return `${code}${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

export function describeAwsError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof UploadTimeoutError) return new AppError("BAD_REQUEST", uploadTimeoutMessage("AWS S3", error, action));
  const status = statusOf(error);
  const said = awsMessage(error);
  const name = error instanceof Error ? error.name : "";
  if (name === "AbortError" || name === "TimeoutError") return new AppError("BAD_REQUEST", `AWS did not answer in time while ${action}. Try again.`);
  if (status === undefined) return new AppError("BAD_REQUEST", `Could not reach AWS while ${action} (${said}). Check the region, the endpoint and the network.`);
  if (/InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|InvalidToken/.test(name) || status === 401) {
    return new AppError("BAD_REQUEST", `AWS rejected the access key while ${action} (${status} ${said}): it was deactivated, deleted or is mistyped. Create a new access key and rotate the AWS connection in Settings → Integrations.`);
  }
  if (status === 403) {
    return new AppError("BAD_REQUEST", `AWS refused while ${action} (403 ${said}): the key lacks a permission. It needs s3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject and s3:PutBucketWebsite on the bucket (and cloudfront:CreateInvalidation for a distribution).`);
  }
  if (status === 404) return new AppError("BAD_REQUEST", `AWS found nothing while ${action} (404 ${said}): check the bucket name and region.`);
  if (status === 301) return new AppError("BAD_REQUEST", `The bucket is in another region (${said}): set the connection's region to the bucket's.`);
  if (status === 429 || /SlowDown|Throttl/.test(name)) {
    const retryAfter = (error as { $response?: { headers?: Record<string, string | undefined> } }).$response?.headers?.["retry-after"];
    return new AppError("BAD_REQUEST", `AWS is rate limiting requests to the bucket while ${action} (${status} ${said})${retryAfterHint(retryAfter)}, still after retries. Try again later, or deploy fewer versions at once.`);
  }
  if (status >= 500) return new AppError("BAD_REQUEST", `AWS is unavailable while ${action} (${status} ${said}). Try again in a few minutes.`);
  return new AppError("BAD_REQUEST", `AWS answered ${status} while ${action}: ${said}`);
}

function isTransientAwsError(error: unknown): boolean {
  if (error instanceof AppError) return false;
  if (error instanceof UploadTimeoutError) return true;
  const status = statusOf(error);
  return status === undefined || status === 429 || status >= 500 || /SlowDown|Throttl|RequestTimeout/.test(error instanceof Error ? error.name : "");
}

export async function verifyAws(credentials: AwsCredentials, signal?: AbortSignal): Promise<VerifiedAccount> {
  const s3 = createS3Client(credentials);
  try {
    await s3.send(new HeadBucketCommand({ Bucket: credentials.bucket }), { abortSignal: signal });
  } catch (error) {
    throw describeAwsError(error, `checking the bucket ${credentials.bucket}`);
  } finally {
    s3.destroy();
  }
  const distribution = credentials.cloudFrontDistributionId ? ` (CloudFront ${credentials.cloudFrontDistributionId})` : "";
  return { accountLabel: `s3://${credentials.bucket} in ${credentials.region}${distribution}`, scopes: ["s3:bucket"] };
}

async function uploadFile(s3: S3Client, bucket: string, key: string, file: DeployFile, signal: AbortSignal) {
  const params = { Bucket: bucket, Key: key, Body: file.content, ContentType: file.contentType, CacheControl: cacheControlFor(file.path) };
  // One part: a plain PutObject, given the signal. lib-storage's Upload would send the same request
  // but without the signal, so an abandoned (timed-out) upload would carry on, and be retried by
  // the SDK, behind our back, and could still replace the live file after the deploy failed.
  if (file.size <= PART_SIZE) {
    await s3.send(new PutObjectCommand(params), { abortSignal: signal });
    return;
  }
  // Many parts: aborting the Upload stops it before CompleteMultipartUpload, so no object appears.
  const upload = new Upload({
    client: s3,
    params,
    partSize: PART_SIZE,
    queueSize: 2,
    // A failed multipart upload is aborted, so no half-written object is left behind.
    leavePartsOnError: false,
  });
  const abort = () => void upload.abort();
  signal.addEventListener("abort", abort, { once: true });
  try {
    await upload.done();
  } finally {
    signal.removeEventListener("abort", abort);
  }
}

async function listKeys(s3: S3Client, bucket: string, prefix: string, signal: AbortSignal): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/`, ContinuationToken: token }), { abortSignal: signal });
    for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Uploads the files, then removes what the version no longer has: a re-sync, for deploys and rollbacks alike. */
async function syncVersion(credentials: AwsCredentials, input: TargetDeployInput) {
  const s3 = createS3Client(credentials);
  const prefix = input.siteName;
  const { bucket } = credentials;
  try {
    // Pages last: until they are replaced, the old pages keep working with the old assets.
    const ordered = [...input.files].sort((a, b) => Number(/\.html?$/i.test(a.path)) - Number(/\.html?$/i.test(b.path)));
    // A file left unanswered is abandoned after the upload timeout (and the deploy tried again).
    for (const file of ordered) await withUploadTimeout(input, file.path, (signal) => uploadFile(s3, bucket, `${prefix}/${file.path}`, file, signal));
    input.log(`Uploaded ${ordered.length} files to s3://${bucket}/${prefix}/`);

    const wanted = new Set(input.files.map((file) => `${prefix}/${file.path}`));
    const stale = (await listKeys(s3, bucket, prefix, input.signal)).filter((key) => !wanted.has(key));
    for (let start = 0; start < stale.length; start += 1000) {
      const batch = stale.slice(start, start + 1000);
      const result = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }), { abortSignal: input.signal });
      if (result.Errors?.length) throw new AppError("BAD_REQUEST", `AWS could not remove ${result.Errors.length} old files (${result.Errors[0]!.Code}: ${result.Errors[0]!.Message})`);
    }
    if (stale.length) input.log(`Removed ${stale.length} files the version no longer has`);

    await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: s3WebsiteConfiguration(prefix) }), { abortSignal: input.signal });
  } finally {
    s3.destroy();
  }
  if (credentials.cloudFrontDistributionId) {
    const cloudFront = new CloudFrontClient({
      region: "us-east-1",
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
      endpoint: credentials.endpoint,
      maxAttempts: MAX_ATTEMPTS,
    });
    try {
      const made = await cloudFront.send(
        new CreateInvalidationCommand({
          DistributionId: credentials.cloudFrontDistributionId,
          // The same reference for a retried deploy: CloudFront then returns the first invalidation.
          InvalidationBatch: { CallerReference: `epic-${input.deploymentId}`, Paths: { Quantity: 1, Items: [`/${prefix}/*`] } },
        }),
        { abortSignal: input.signal },
      );
      input.log(`CloudFront invalidation ${made.Invalidation?.Id ?? "requested"} for /${prefix}/*`);
    } finally {
      cloudFront.destroy();
    }
  }
  return { url: s3SiteUrl(credentials, prefix), providerDeploymentId: `s3://${bucket}/${prefix}/#v${input.versionNumber}` };
}

export const s3Target: TargetAdapter<"s3"> = {
  target: "s3",
  deploy: syncVersion,
  rollback: syncVersion,
  isTransient: isTransientAwsError,
  describe: describeAwsError,
};
