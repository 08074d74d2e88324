// Test support: a loopback S3-compatible server for the calls our S3 target makes through the real
// AWS SDK (path-style: /<bucket>/<key>): HeadBucket, Put/Get/Head/DeleteObject, ListObjectsV2,
// DeleteObjects, PutBucketWebsite, multipart uploads (what lib-storage's Upload does for big files)
// and CloudFront's CreateInvalidation. Requests are authenticated by the access key id in the
// SigV4 Authorization header (the signature itself is not checked). With a website configuration,
// GET /<bucket>/<prefix>/ serves <prefix>/index.html, as the bucket's website endpoint would.
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackFake } from "./loopback-fake";

type StoredObject = { body: Buffer; contentType: string; cacheControl: string | null; etag: string };
type Bucket = { objects: Map<string, StoredObject>; website: string | null; uploads: Map<string, { key: string; contentType: string; cacheControl: string | null; parts: Map<number, Buffer> }> };
type Fault = { method: string; path: RegExp; status: number; code: string; message: string; times: number; headers: Record<string, string> };
export type RecordedS3Request = { method: string; path: string; status: number; headers: Record<string, string | string[] | undefined> };

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const md5 = (body: Buffer) => `"${createHash("md5").update(body).digest("hex")}"`;

/** Undoes aws-chunked framing (`<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>\r\n\r\n`). */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const lineEnd = raw.indexOf("\r\n", offset);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(offset, lineEnd).toString("latin1").split(";")[0]!, 16);
    if (!size) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export class FakeS3 extends LoopbackFake {
  /** Access key ids the fake accepts; a revoked one answers 403 InvalidAccessKeyId like S3. */
  readonly accessKeys = new Map<string, { isRevoked?: boolean }>();
  readonly buckets = new Map<string, Bucket>();
  readonly invalidations: Array<{ distributionId: string; callerReference: string; paths: string[] }> = [];
  readonly requests: RecordedS3Request[] = [];
  private readonly faults: Fault[] = [];


  createBucket(name: string): Bucket {
    const bucket: Bucket = { objects: new Map(), website: null, uploads: new Map() };
    this.buckets.set(name, bucket);
    return bucket;
  }

  /** The next `times` requests matching method and path answer this S3 error, with `headers` (status 0: never answer). */
  failNext(method: string, path: RegExp, status: number, code: string, message: string, times = 1, headers: Record<string, string> = {}) {
    this.faults.push({ method, path, status, code, message, times, headers });
  }
  /** Forgets the faults not yet served. */
  clearFaults() {
    this.faults.length = 0;
  }


  protected async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: Buffer = Buffer.concat(chunks);
    const encoding = String(request.headers["content-encoding"] ?? "");
    const contentSha = String(request.headers["x-amz-content-sha256"] ?? "");
    if (encoding.includes("aws-chunked") || contentSha.startsWith("STREAMING-")) body = decodeAwsChunked(body);
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    let status = 500;
    const send = (code: number, payload: string | Buffer = "", headers: Record<string, string> = {}) => {
      status = code;
      const isXml = typeof payload === "string" && payload.startsWith("<");
      response.writeHead(code, { ...(isXml ? { "content-type": "application/xml" } : {}), "x-amz-request-id": randomUUID(), ...headers });
      response.end(method === "HEAD" ? undefined : payload);
    };
    const error = (code: number, s3Code: string, message: string, headers: Record<string, string> = {}) =>
      send(code, `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${s3Code}</Code><Message>${xmlEscape(message)}</Message><RequestId>fake</RequestId></Error>`, headers);
    try {
      const path = decodeURIComponent(url.pathname);
      const fault = this.faults.find((item) => item.method === method && item.path.test(path) && item.times > 0);
      if (fault) {
        fault.times -= 1;
        // Status 0: the request hangs (a stalled upload) until the client gives up.
        if (fault.status === 0) return;
        return error(fault.status, fault.code, fault.message, fault.headers);
      }
      const [, bucketName = "", ...keyParts] = path.split("/");
      const key = keyParts.join("/");
      const bucket = this.buckets.get(bucketName);
      const authorization = String(request.headers.authorization ?? "");
      // Website reads are anonymous (a public website bucket); everything else is signed.
      if (!authorization && method === "GET" && bucket?.website) return this.serveWebsite(bucket, key, send, error);
      const accessKey = authorization.match(/Credential=([^/]+)\//)?.[1];
      const known = accessKey ? this.accessKeys.get(accessKey) : undefined;
      if (!known || known.isRevoked) return error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
      if (path.startsWith("/2020-05-31/distribution/")) return this.invalidate(path, body, send);
      if (!bucket) return error(404, "NoSuchBucket", "The specified bucket does not exist");
      const query = url.searchParams;
      if (!key) {
        if (method === "HEAD") return send(200);
        if (method === "PUT" && query.has("website")) {
          bucket.website = body.toString("utf8");
          return send(200);
        }
        if (method === "POST" && query.has("delete")) return this.deleteObjects(bucket, body, send);
        if (method === "GET" && query.get("list-type") === "2") return this.list(bucketName, bucket, query, send);
        return error(501, "NotImplemented", `The fake does not implement ${method} ${url.search}`);
      }
      if (method === "POST" && query.has("uploads")) {
        const uploadId = randomUUID();
        bucket.uploads.set(uploadId, { key, contentType: String(request.headers["content-type"] ?? "binary/octet-stream"), cacheControl: (request.headers["cache-control"] as string) ?? null, parts: new Map() });
        return send(200, `<?xml version="1.0" encoding="UTF-8"?>\n<InitiateMultipartUploadResult><Bucket>${bucketName}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`);
      }
      const uploadId = query.get("uploadId");
      if (uploadId) {
        const upload = bucket.uploads.get(uploadId);
        if (!upload) return error(404, "NoSuchUpload", "The specified upload does not exist.");
        if (method === "PUT") {
          upload.parts.set(Number(query.get("partNumber")), body);
          return send(200, "", { etag: md5(body) });
        }
        if (method === "DELETE") {
          bucket.uploads.delete(uploadId);
          return send(204);
        }
        if (method === "POST") {
          const numbers = [...body.toString("utf8").matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((match) => Number(match[1]));
          const whole = Buffer.concat(numbers.map((number) => upload.parts.get(number) ?? Buffer.alloc(0)));
          const etag = md5(whole);
          bucket.objects.set(upload.key, { body: whole, contentType: upload.contentType, cacheControl: upload.cacheControl, etag });
          bucket.uploads.delete(uploadId);
          return send(200, `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUploadResult><Bucket>${bucketName}</Bucket><Key>${xmlEscape(upload.key)}</Key><ETag>${xmlEscape(etag)}</ETag></CompleteMultipartUploadResult>`);
        }
      }
      if (method === "PUT") {
        const etag = md5(body);
        bucket.objects.set(key, { body, contentType: String(request.headers["content-type"] ?? "binary/octet-stream"), cacheControl: (request.headers["cache-control"] as string) ?? null, etag });
        return send(200, "", { etag });
      }
      if (method === "GET" || method === "HEAD") {
        const object = bucket.objects.get(key);
        if (!object) return error(404, "NoSuchKey", "The specified key does not exist.");
        return send(200, object.body, { "content-type": object.contentType, etag: object.etag, "content-length": String(object.body.length), ...(object.cacheControl ? { "cache-control": object.cacheControl } : {}) });
      }
      if (method === "DELETE") {
        bucket.objects.delete(key);
        return send(204);
      }
      return error(501, "NotImplemented", `The fake does not implement ${method} on an object`);
    } catch (caught) {
      return error(500, "InternalError", caught instanceof Error ? caught.message : String(caught));
    } finally {
      this.requests.push({ method, path: url.pathname + url.search, status, headers: request.headers });
    }
  }

  private serveWebsite(bucket: Bucket, key: string, send: (code: number, payload?: string | Buffer, headers?: Record<string, string>) => void, error: (code: number, s3Code: string, message: string) => void) {
    const object = bucket.objects.get(!key || key.endsWith("/") ? `${key}index.html` : key);
    if (!object) return error(404, "NoSuchKey", "The specified key does not exist.");
    return send(200, object.body, { "content-type": object.contentType, etag: object.etag, ...(object.cacheControl ? { "cache-control": object.cacheControl } : {}) });
  }

  private list(name: string, bucket: Bucket, query: URLSearchParams, send: (code: number, payload?: string) => void) {
    const prefix = query.get("prefix") ?? "";
    const max = Math.min(Number(query.get("max-keys") ?? 1000), 1000);
    const start = query.get("continuation-token") ?? "";
    const keys = [...bucket.objects.keys()].filter((key) => key.startsWith(prefix) && key > start).sort();
    const page = keys.slice(0, max);
    const isTruncated = keys.length > max;
    const contents = page
      .map((key) => `<Contents><Key>${xmlEscape(key)}</Key><Size>${bucket.objects.get(key)!.body.length}</Size><ETag>${xmlEscape(bucket.objects.get(key)!.etag)}</ETag><StorageClass>STANDARD</StorageClass></Contents>`)
      .join("");
    send(
      200,
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${name}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${isTruncated}</IsTruncated>${
        isTruncated ? `<NextContinuationToken>${xmlEscape(page.at(-1)!)}</NextContinuationToken>` : ""
      }${contents}</ListBucketResult>`,
    );
  }

  private deleteObjects(bucket: Bucket, body: Buffer, send: (code: number, payload?: string) => void) {
    const keys = [...body.toString("utf8").matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => match[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    for (const key of keys) bucket.objects.delete(key);
    send(200, `<?xml version="1.0" encoding="UTF-8"?>\n<DeleteResult>${keys.map((key) => `<Deleted><Key>${xmlEscape(key)}</Key></Deleted>`).join("")}</DeleteResult>`);
  }

  private invalidate(path: string, body: Buffer, send: (code: number, payload?: string) => void) {
    const distributionId = path.split("/")[3]!;
    const text = body.toString("utf8");
    const callerReference = text.match(/<CallerReference>([^<]*)</)?.[1] ?? "";
    const paths = [...text.matchAll(/<Path>([^<]*)<\/Path>/g)].map((match) => match[1]!);
    const existing = this.invalidations.findIndex((item) => item.distributionId === distributionId && item.callerReference === callerReference);
    if (existing < 0) this.invalidations.push({ distributionId, callerReference, paths });
    const id = `I${existing < 0 ? this.invalidations.length : existing + 1}`;
    send(
      201,
      `<?xml version="1.0" encoding="UTF-8"?>\n<Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>${id}</Id><Status>InProgress</Status><CreateTime>${new Date().toISOString()}</CreateTime><InvalidationBatch><Paths><Quantity>${paths.length}</Quantity><Items>${paths.map((item) => `<Path>${item}</Path>`).join("")}</Items></Paths><CallerReference>${callerReference}</CallerReference></InvalidationBatch></Invalidation>`,
    );
  }
}

export async function startFakeS3(): Promise<FakeS3> {
  return new FakeS3().start();
}
