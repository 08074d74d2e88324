// Provider faults through the real SDKs against the loopback fakes, per target: a rate limit (429
// with Retry-After) that passes is retried to success; one that does not pass fails cleanly, naming
// the provider; a name taken elsewhere (409) says what to rename; a bad token (403) fails the
// Deployment row and warns on the run with what to do; an upload that stalls (the fake takes it and
// never answers) is abandoned after the upload timeout and tried again, and one that stalls again
// fails that target alone, its earlier version still live. No secret in any message, row or log.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { startFakeCloudflare, type FakeCloudflare } from "../../integrations/testing/fake-cloudflare";
import { startFakeS3, type FakeS3 } from "../../integrations/testing/fake-s3";
import { startFakeVercel, type FakeVercel } from "../../integrations/testing/fake-vercel";
import { deployTargetStep } from "../../pipeline/pipeline-steps";
import type { TExternalDeployTarget } from "../../events/deploy-targets";
import { deployVersionToTarget, listTargetStatuses } from "../deploy-to-target";
import { deployPreview } from "../deploy-preview";
import { resolvePreviewOrigins } from "../preview-origin";
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
const UPLOAD_TIMEOUT_MS = 1_000;
const previewOrigins = resolvePreviewOrigins({ platformUrl: "http://localhost:3999" });
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

  /** Makes the file uploads of `target` stall (taken, never answered) `times` times. */
  function stallUploads(target: TExternalDeployTarget, times: number) {
    if (target === "vercel") vercel.stallNext("POST", /^\/v2\/files$/, times);
    if (target === "cloudflare") cloudflare.stallNext("POST", /^\/accounts\/[^/]+\/workers\/assets\/upload$/, times);
    if (target === "s3") s3.stallNext("PUT", /^\/sites\//, times);
  }
  const fakeOf = (target: TExternalDeployTarget) => ({ vercel, cloudflare, s3 })[target];
  const providerNames = { vercel: "Vercel", cloudflare: "Cloudflare", s3: "AWS S3" } as const;
  /** What a target serves at a deployment's URL, fetched from its fake. */
  async function served(target: TExternalDeployTarget, url: string, file = "") {
    const base = target === "vercel" ? vercel.servedUrl(url) : target === "cloudflare" ? cloudflare.servedUrl(url) : url;
    return (await fetch(`${base}${file}`)).text();
  }
  const uploadTimeoutOptions = { ...fastOptions, uploadTimeoutMs: UPLOAD_TIMEOUT_MS };

  it("abandons a stalled upload after the upload timeout and tries again, going live on each target", async () => {
    const team = await connectedTeam("stall-once");
    const version = await team.version("Stalled once");
    const stallsBefore = (["vercel", "cloudflare", "s3"] as const).map((target) => fakeOf(target).stalls.length);
    for (const target of ["vercel", "cloudflare", "s3"] as const) stallUploads(target, 1);
    const started = Date.now();
    const results = await Promise.all(
      (["vercel", "cloudflare", "s3"] as const).map((target) => deployVersionToTarget(database.prisma, { projectId: team.project.id, versionId: version.id, target }, { ...uploadTimeoutOptions, attempts: 2 })),
    );
    expect(results.map((row) => row.status)).toEqual(["READY", "READY", "READY"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(UPLOAD_TIMEOUT_MS);
    for (const [index, target] of (["vercel", "cloudflare", "s3"] as const).entries()) {
      expect(fakeOf(target).stalls.length - stallsBefore[index]!).toBe(1);
      const row = results[index]!;
      // Tried again by the deploy (not left to the SDK), with the reason in the log.
      expect(row.logs).toMatch(new RegExp(`Attempt 1 failed \\(${providerNames[target]} did not answer the upload of [^\n]* within 1 s[^\n]*timed out[^\n]*\\); trying again`));
      expect(await served(target, row.deploymentUrl!)).toContain("Stalled once");
    }
  });

  it.each(["vercel", "cloudflare", "s3"] as const)("an upload to %s that stalls again fails that target alone: its earlier version stays live, the other targets and the preview go live", async (stalled) => {
    const team = await connectedTeam(`stall-twice-${stalled}`);
    const targets = ["vercel", "cloudflare", "s3"] as const;
    const first = await team.version("Version one");
    const live = await Promise.all(targets.map((target) => deploy({ projectId: team.project.id, versionId: first.id, target })));
    expect(live.map((row) => row.status)).toEqual(["READY", "READY", "READY"]);
    const liveOn = Object.fromEntries(targets.map((target, index) => [target, live[index]!]));
    const aliasBefore = new Map(vercel.aliases);

    const run = await database.prisma.run.create({ data: { projectId: team.project.id, prompt: "Stalled upload", status: "RUNNING" } });
    // Its own content (the fakes keep content by hash: an earlier test's "Version two" would need no upload).
    const second = await team.version(`Version two, ${stalled} stalled`);
    const stallsBefore = fakeOf(stalled).stalls.length;
    stallUploads(stalled, 1_000);
    try {
      const [preview, ...results] = await Promise.all([
        deployPreview(database.prisma, { projectId: team.project.id, versionId: second.id, runId: run.id, stepKey: "deploy", previewOrigins }),
        ...targets.map((target) => deployVersionToTarget(database.prisma, { projectId: team.project.id, versionId: second.id, target, runId: run.id }, { ...uploadTimeoutOptions, attempts: 2 })),
      ]);
      const byTarget = Object.fromEntries(targets.map((target, index) => [target, results[index]!]));

      // The stalled target: abandoned twice (one retry, as transient), then FAILED with the provider, the timeout and what to do.
      const failed = byTarget[stalled]!;
      expect(failed.status).toBe("FAILED");
      expect(failed.completedAt).not.toBeNull();
      expect(fakeOf(stalled).stalls.length - stallsBefore).toBe(2);
      expect(failed.logs.match(/trying again/g)).toHaveLength(1);
      const lastLine = failed.logs.trim().split("\n").pop()!;
      expect(lastLine).toMatch(new RegExp(`${providerNames[stalled]} did not answer the upload of [^\n]* within 1 s while deploying version 2: the upload timed out and was abandoned\\. Check ${providerNames[stalled]}'s status and the network, then deploy again`));

      // Nothing half-published: version one is still what the target serves (page and script), where it was.
      expect(await served(stalled, liveOn[stalled]!.deploymentUrl!)).toContain("Version one");
      expect(await served(stalled, liveOn[stalled]!.deploymentUrl!, "assets/app.3f9a1c2e.js")).toContain("Version one");
      if (stalled === "vercel") expect(vercel.aliases).toEqual(aliasBefore);
      if (stalled === "cloudflare") expect(cloudflare.workers.get(new URL(liveOn.cloudflare!.deploymentUrl!).host.split(".")[0]!)?.etag).toBe(liveOn.cloudflare!.providerDeploymentId);
      const [status] = await listTargetStatuses(database.prisma, team.project.id, [stalled]);
      expect(status!.live?.deploymentId).toBe(liveOn[stalled]!.id);
      expect(status!.latest).toMatchObject({ status: "FAILED", versionNumber: 2 });
      expect(status!.latest!.message).toMatch(/timed out/);

      // The other targets and the preview went live with version two; the run keeps their results.
      expect(preview.status).toBe("READY");
      for (const target of targets.filter((item) => item !== stalled)) {
        expect(byTarget[target]!.status).toBe("READY");
        expect(await served(target, byTarget[target]!.deploymentUrl!)).toContain("Version two");
      }
      const rows = await database.prisma.deployment.findMany({ where: { runId: run.id }, orderBy: { target: "asc" } });
      expect(rows.map((row) => [row.target, row.status])).toEqual(
        ["cloudflare", "preview", "s3", "vercel"].map((target) => [target, target === stalled ? "FAILED" : "READY"]),
      );
      expect((await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("RUNNING");
    } finally {
      fakeOf(stalled).clearStalls();
    }
  });

  it("keeps every token and key out of the database, the messages and the logs", async () => {
    const text = [await dumpDatabase(database), ...logged].join("\n");
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
