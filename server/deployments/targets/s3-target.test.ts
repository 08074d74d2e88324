// The S3 target through the real AWS SDK (client-s3, lib-storage, client-cloudfront) against a
// loopback fake S3 (integrations/testing/fake-s3.ts): a connection verified when saved, two
// versions deployed with their headers and stale files removed, a rollback, a 5xx retried, a
// revoked key failing only this target, and no secret in the database, answers, errors or logs.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { startFakeS3, type FakeS3 } from "../../integrations/testing/fake-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { deployPreview } from "../deploy-preview";
import { createS3Client } from "./s3-target";
import { deployVersionToTarget } from "../deploy-to-target";
import { captureConsole, createTeamWithProject, deploy, dumpDatabase, fastOptions, kept, rollback } from "./target-test-kit";

const ACCESS_KEY = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`;
const SECRET_KEY = randomBytes(30).toString("base64");
const REVOKED_KEY = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`;

describe.each(testDatabaseKinds)("S3 deploy target (%s)", (kind) => {
  let database: TestDatabase;
  let s3: FakeS3;
  let logged: string[] = [];
  const seen: unknown[] = [];

  beforeAll(async () => {
    logged = captureConsole();
    database = await createTestDatabase(kind);
    s3 = await startFakeS3();
    s3.accessKeys.set(ACCESS_KEY, {});
    s3.accessKeys.set(REVOKED_KEY, {});
    s3.createBucket("sites");
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await s3?.stop();
    await database?.cleanup();
  });

  const credentials = (accessKeyId = ACCESS_KEY) => ({ accessKeyId, secretAccessKey: SECRET_KEY, region: "eu-west-1", bucket: "sites", cloudFrontDistributionId: "E2FAKE", endpoint: s3.url });

  it("deploys two versions, serves them with their headers, removes stale files and rolls back", async () => {
    const team = await createTeamWithProject(database, "s3-deploy");
    await expectTRPCError(kept(seen, team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "AWS", credentials: { ...credentials(), bucket: "missing" } })), "BAD_REQUEST", /404.*NoSuchBucket|bucket name/);
    const saved = await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "AWS", credentials: credentials() });
    seen.push(saved);
    expect(saved.accountLabel).toBe("s3://sites in eu-west-1 (CloudFront E2FAKE)");

    const v1 = await team.version("Version one", { "old.txt": "only in v1" });
    const first = await deploy(database, { projectId: team.project.id, versionId: v1.id, target: "s3", runId: team.run.id });
    seen.push(first);
    expect(first).toMatchObject({ status: "READY", target: "s3", platform: "s3" });
    expect(first.deploymentUrl).toMatch(new RegExp(`^${s3.url}/sites/[a-z0-9-]+/$`));
    const page = await fetch(first.deploymentUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(await page.text()).toContain("<h1>Version one</h1>");
    const script = await fetch(new URL("assets/app.3f9a1c2e.js", first.deploymentUrl!));
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(s3.buckets.get("sites")!.website).toContain("<Suffix>index.html</Suffix>");
    expect(s3.invalidations).toHaveLength(1);
    expect(s3.invalidations[0]!.paths[0]).toMatch(/^\/[a-z0-9-]+\/\*$/);
    // A retried step resumes the same deployment instead of uploading again.
    const again = await deploy(database, { projectId: team.project.id, versionId: v1.id, target: "s3", runId: team.run.id });
    expect(again.id).toBe(first.id);

    const v2 = await team.version("Version two");
    const second = await deploy(database, { projectId: team.project.id, versionId: v2.id, target: "s3" });
    expect(second.status).toBe("READY");
    expect(await (await fetch(second.deploymentUrl!)).text()).toContain("<h1>Version two</h1>");
    expect((await fetch(new URL("old.txt", second.deploymentUrl!))).status).toBe(404);

    const back = await rollback(database, { projectId: team.project.id, versionId: v1.id, target: "s3" });
    expect(back.status).toBe("READY");
    expect(back.logs).toMatch(/Rolling AWS S3 back to version 1/);
    expect(await (await fetch(back.deploymentUrl!)).text()).toContain("<h1>Version one</h1>");
    expect(await (await fetch(new URL("old.txt", back.deploymentUrl!))).text()).toBe("only in v1");
  });

  it("retries a 5xx, and a revoked key fails the S3 deployment with AWS's message while the preview goes live", async () => {
    const team = await createTeamWithProject(database, "s3-faults");
    await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "AWS", credentials: credentials(REVOKED_KEY) });
    const v1 = await team.version("Flaky");
    // More 503s than the SDK's own three attempts: our retry of the whole deploy gets it through.
    s3.failNext("PUT", /\/sites\/.*index\.html$/, 503, "SlowDown", "Please reduce your request rate.", 4);
    const flaky = await deploy(database, { projectId: team.project.id, versionId: v1.id, target: "s3" });
    expect(flaky.status).toBe("READY");
    expect(flaky.logs).toMatch(/Attempt 1 failed .*503.*trying again/);

    // An upload that stalls until the deploy's time limit: FAILED, and the live pages stay the last good version's.
    s3.failNext("PUT", /\/sites\/.*\.js$/, 0, "", "");
    const stalled = await deployVersionToTarget(database.prisma, { projectId: team.project.id, versionId: (await team.version("Stalled")).id, target: "s3" }, { ...fastOptions, timeoutMs: 1_500 });
    expect(stalled.status).toBe("FAILED");
    expect(stalled.logs).toMatch(/AWS did not answer in time while deploying version 2/);
    expect(await (await fetch(flaky.deploymentUrl!)).text()).toContain("<h1>Flaky</h1>");

    s3.accessKeys.get(REVOKED_KEY)!.isRevoked = true;
    const v2 = await team.version("Revoked");
    const [failed, preview] = await Promise.all([
      deploy(database, { projectId: team.project.id, versionId: v2.id, target: "s3" }),
      deployPreview(database.prisma, { projectId: team.project.id, versionId: v2.id, previewOrigins: { platform: "http://localhost:3000", template: null, isIsolated: false } }),
    ]);
    seen.push(failed);
    expect(failed.status).toBe("FAILED");
    expect(failed.logs).toMatch(/InvalidAccessKeyId: The AWS Access Key Id you provided does not exist.*rotate the AWS connection/);
    expect(preview.status).toBe("READY");
    // The last good version stays live on S3: nothing half-published.
    expect(await (await fetch(flaky.deploymentUrl!)).text()).toContain("<h1>Flaky</h1>");
  });

  it("takes a large file in parts (lib-storage's multipart upload) and serves it whole", async () => {
    const client = createS3Client(credentials());
    const body = randomBytes(11 * 1024 * 1024);
    const upload = new Upload({ client, params: { Bucket: "sites", Key: "big/blob.bin", Body: body, ContentType: "application/octet-stream" }, partSize: 5 * 1024 * 1024 });
    await upload.done();
    client.destroy();
    expect(s3.requests.filter((request) => request.method === "PUT" && request.path.includes("partNumber="))).toHaveLength(3);
    const served = Buffer.from(await (await fetch(`${s3.url}/sites/big/blob.bin`)).arrayBuffer());
    expect(served.equals(body)).toBe(true);
  });

  it("publishes the site only: the repository's files (configs, deploy notes, CI, tests) are not in the bucket", async () => {
    const team = await createTeamWithProject(database, "s3-site-only");
    await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "AWS", credentials: credentials() });
    const version = await team.version("Site only", {"README.md": "# Bakery", "package.json": "{}", "Dockerfile": "FROM node:20", ".github/workflows/ci.yml": "on: push", "tests/app.test.js": "test()", "scripts/serve.js": "listen()", "vercel.json": "{}", "wrangler.jsonc": "{}", "deploy/s3.md": "# S3 notes"});
    const deployed = await deploy(database, { projectId: team.project.id, versionId: version.id, target: "s3" });
    expect(deployed.status).toBe("READY");
    expect(deployed.logs).toMatch(/9 repository files not published/);
    const prefix = new URL(deployed.deploymentUrl!).pathname.split("/")[2]!;
    const keys = [...s3.buckets.get("sites")!.objects.keys()].filter((key) => key.startsWith(`${prefix}/`)).sort();
    expect(keys).toEqual([`${prefix}/assets/app.3f9a1c2e.js`, `${prefix}/index.html`]);
    expect((await fetch(new URL("deploy/s3.md", deployed.deploymentUrl!))).status).toBe(404);
  });

  it("keeps the keys out of the database, answers, errors and logs", async () => {
    const text = [await dumpDatabase(database), JSON.stringify(seen), ...logged].join("\n");
    for (const secret of [SECRET_KEY, ACCESS_KEY, REVOKED_KEY]) expect(text).not.toContain(secret);
  });
});
