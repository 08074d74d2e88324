// Provider faults through the real SDKs against the loopback fakes, per target: a rate limit (429
// with Retry-After) that passes is retried to success; one that does not pass fails cleanly, naming
// the provider; a name taken elsewhere (409) says what to rename; a bad token (403) fails the
// Deployment row and warns on the run with what to do. No secret in any message, row or log.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { startFakeCloudflare, type FakeCloudflare } from "../../integrations/testing/fake-cloudflare";
import { startFakeS3, type FakeS3 } from "../../integrations/testing/fake-s3";
import { startFakeVercel, type FakeVercel } from "../../integrations/testing/fake-vercel";
import { deployTargetStep } from "../../pipeline/pipeline-steps";
import type { TExternalDeployTarget } from "../../events/deploy-targets";
import { deployVersionToTarget } from "../deploy-to-target";
import { captureConsole, createTeamWithProject, dumpDatabase, fastOptions } from "./target-test-kit";
import { vercelTiming } from "./vercel-target";

const VERCEL_TOKEN = `vcp_${randomBytes(20).toString("hex")}`;
const VERCEL_BAD = `vcp_${randomBytes(20).toString("hex")}`;
const CF_TOKEN = randomBytes(20).toString("base64url");
const CF_BAD = randomBytes(20).toString("base64url");
const AWS_KEY = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`;
const AWS_BAD_KEY = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`;
const AWS_SECRET = randomBytes(30).toString("base64");
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const secrets = [VERCEL_TOKEN, VERCEL_BAD, CF_TOKEN, CF_BAD, AWS_KEY, AWS_BAD_KEY, AWS_SECRET];

describe.each(testDatabaseKinds)("deploy target faults (%s)", (kind) => {
  let database: TestDatabase;
  let vercel: FakeVercel;
  let cloudflare: FakeCloudflare;
  let s3: FakeS3;
  let logged: string[] = [];

  beforeAll(async () => {
    logged = captureConsole();
    [vercel, cloudflare, s3] = await Promise.all([startFakeVercel(), startFakeCloudflare(), startFakeS3()]);
    vercel.tokens.set(VERCEL_TOKEN, { username: "rosie" });
    vercel.tokens.set(VERCEL_BAD, { username: "rosie", isRevoked: true });
    vercelTiming.pollIntervalMs = 20;
    cloudflare.accounts.set(ACCOUNT, "Rosie");
    cloudflare.tokens.set(CF_TOKEN, { accountId: ACCOUNT });
    s3.accessKeys.set(AWS_KEY, {});
    s3.createBucket("sites");
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all([vercel?.stop(), cloudflare?.stop(), s3?.stop()]);
    await database?.cleanup();
  });

  async function connectedTeam(name: string) {
    const team = await createTeamWithProject(database, name);
    const { workspaceId } = team;
    await team.owner.api.integration.save({ workspaceId, provider: "VERCEL", credentials: { token: VERCEL_TOKEN, baseUrl: vercel.url } });
    await team.owner.api.integration.save({ workspaceId, provider: "CLOUDFLARE", credentials: { apiToken: CF_TOKEN, accountId: ACCOUNT, baseUrl: cloudflare.url } });
    await team.owner.api.integration.save({ workspaceId, provider: "AWS", credentials: { accessKeyId: AWS_KEY, secretAccessKey: AWS_SECRET, region: "us-east-1", bucket: "sites", endpoint: s3.url } });
    return team;
  }

  const deploy = (input: { projectId: string; versionId: string; target: TExternalDeployTarget }, attempts = 2) =>
    deployVersionToTarget(database.prisma, input, { ...fastOptions, attempts });

  /** Makes the upload calls of each target answer 429 with Retry-After, `times` times. */
  function rateLimit(times: number, retryAfter = "1") {
    const headers = { "retry-after": retryAfter };
    vercel.failNext("POST", /^\/v13\/deployments$/, 429, "rate_limited", "Rate limit exceeded: too many deployments", times, headers);
    cloudflare.failNext("POST", /\/assets-upload-session$/, 429, 971, "Please wait and consider throttling your request speed", times, headers);
    s3.failNext("PUT", /^\/sites\//, 429, "SlowDown", "Please reduce your request rate.", times, headers);
  }

  it("retries a 429 with Retry-After on each target and goes live", async () => {
    const team = await connectedTeam("rate-limit-passes");
    const version = await team.version("Patience");
    rateLimit(2);
    const results = await Promise.all((["vercel", "cloudflare", "s3"] as const).map((target) => deploy({ projectId: team.project.id, versionId: version.id, target })));
    expect(results.map((row) => row.status)).toEqual(["READY", "READY", "READY"]);
    expect(vercel.requests.filter((request) => request.status === 429)).toHaveLength(2);
    expect(cloudflare.requests.filter((request) => request.status === 429)).toHaveLength(2);
    expect(s3.requests.filter((request) => request.status === 429)).toHaveLength(2);
  });

  it("a rate limit that does not pass fails the deployment cleanly, naming the provider and what to do", async () => {
    const team = await connectedTeam("rate-limit-stays");
    const version = await team.version("Throttled");
    rateLimit(1_000);
    try {
      const results = await Promise.all((["vercel", "cloudflare", "s3"] as const).map((target) => deploy({ projectId: team.project.id, versionId: version.id, target }, 1)));
      expect(results.map((row) => row.status)).toEqual(["FAILED", "FAILED", "FAILED"]);
      const [onVercel, onCloudflare, onS3] = results.map((row) => row.logs);
      expect(onVercel).toMatch(/Vercel is rate limiting[^\n]*429 rate_limited: Rate limit exceeded[^\n]*[Tt]ry again/);
      expect(onCloudflare).toMatch(/Cloudflare is rate limiting[^\n]*429 971 Please wait[^\n]*[Tt]ry again/);
      expect(onS3).toMatch(/AWS is rate limiting[^\n]*429 SlowDown[^\n]*[Tt]ry again/);
      // Nothing half-published: no target went live.
      const view = await team.owner.api.deployment.targets({ projectId: team.project.id });
      expect(view.statuses.filter((status) => status.live)).toEqual([]);
    } finally {
      for (const fake of [vercel, cloudflare, s3]) fake.clearFaults();
    }
  }, 120_000);

  it("a name taken elsewhere (409) fails with the provider's words and what to rename", async () => {
    const team = await connectedTeam("name-taken");
    const version = await team.version("Taken");
    vercel.failNext("POST", /\/aliases$/, 409, "alias_in_use", "The alias is already assigned to a deployment of another project", 1);
    cloudflare.failNext("PUT", /^\/accounts\/[^/]+\/workers\/scripts\/[^/]+$/, 409, 10026, "This script name is already used by a Pages project", 5);
    const [onVercel, onCloudflare] = await Promise.all([
      deploy({ projectId: team.project.id, versionId: version.id, target: "vercel" }),
      deploy({ projectId: team.project.id, versionId: version.id, target: "cloudflare" }),
    ]);
    expect(onVercel.status).toBe("FAILED");
    expect(onVercel.logs).toMatch(/409 alias_in_use: The alias is already assigned[^\n]*rename the project/);
    expect(onCloudflare.status).toBe("FAILED");
    expect(onCloudflare.logs).toMatch(/409 10026 This script name is already used[^\n]*rename the project/);
    // The name clash is not transient: tried once (the SDKs may retry a 409 themselves), not again by us.
    expect(onVercel.logs).not.toMatch(/trying again/);
  });

  it("a bad token (403) fails the Deployment row and warns on the run, with what to do and no secret", async () => {
    const team = await connectedTeam("bad-token");
    const { workspaceId } = team;
    // Saved while valid, then revoked at the provider (a save verifies, so a bad token cannot be saved).
    vercel.tokens.get(VERCEL_BAD)!.isRevoked = false;
    await team.owner.api.integration.save({ workspaceId, provider: "VERCEL", credentials: { token: VERCEL_BAD, baseUrl: vercel.url } });
    vercel.tokens.get(VERCEL_BAD)!.isRevoked = true;
    cloudflare.tokens.set(CF_BAD, { accountId: ACCOUNT });
    await team.owner.api.integration.save({ workspaceId, provider: "CLOUDFLARE", credentials: { apiToken: CF_BAD, accountId: ACCOUNT, baseUrl: cloudflare.url } });
    cloudflare.failNext("POST", /\/assets-upload-session$/, 403, 10000, "Authentication error: the token lacks Workers Scripts: Edit", 1);
    s3.accessKeys.set(AWS_BAD_KEY, {});
    await team.owner.api.integration.save({ workspaceId, provider: "AWS", credentials: { accessKeyId: AWS_BAD_KEY, secretAccessKey: AWS_SECRET, region: "us-east-1", bucket: "sites", endpoint: s3.url } });
    s3.accessKeys.set(AWS_BAD_KEY, { isRevoked: true });

    const run = await database.prisma.run.create({ data: { projectId: team.project.id, prompt: "Bad tokens", status: "RUNNING" } });
    const version = await team.version("Forbidden");
    const results = await Promise.all((["vercel", "cloudflare", "s3"] as const).map((target) => deployTargetStep(database.prisma, run.id, version.id, target)));
    expect(results.map((result) => ("status" in result ? result.status : result))).toEqual(["FAILED", "FAILED", "FAILED"]);

    const rows = await database.prisma.deployment.findMany({ where: { runId: run.id }, orderBy: { target: "asc" } });
    const byTarget = Object.fromEntries(rows.map((row) => [row.target, row]));
    expect(byTarget.vercel!.logs).toMatch(/Vercel rejected the token[^\n]*403 forbidden[^\n]*rotate the Vercel connection in Settings → Integrations/);
    expect(byTarget.cloudflare!.logs).toMatch(/Cloudflare rejected the API token[^\n]*403 10000 Authentication error[^\n]*rotate the Cloudflare connection/);
    expect(byTarget.s3!.logs).toMatch(/AWS rejected the access key[^\n]*403 InvalidAccessKeyId[^\n]*rotate the AWS connection/);
    for (const row of rows) expect(row.completedAt).not.toBeNull();

    const warnings = await database.prisma.runEvent.findMany({ where: { runId: run.id, type: "integration.warning" } });
    expect(warnings.map((event) => (event.payload as { provider: string }).provider).sort()).toEqual(["AWS S3", "Cloudflare Workers", "Vercel"]);
    for (const event of warnings) expect(JSON.stringify(event.payload)).toMatch(/rotate the (Vercel|Cloudflare|AWS) connection/);
    // A bad token is not transient: one attempt each.
    for (const row of rows) expect(row.logs).not.toMatch(/trying again/);
  });

  it("keeps every token and key out of the database, the messages and the logs", async () => {
    const text = [await dumpDatabase(database), ...logged].join("\n");
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
