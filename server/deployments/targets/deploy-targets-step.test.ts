// The pipeline's per-target deploy steps against all three fakes at once, through the API a
// project page uses: choose targets, deploy a run's version to each (one with a revoked token),
// see each target's live version, and roll one target back without touching the others.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { startFakeCloudflare, type FakeCloudflare } from "../../integrations/testing/fake-cloudflare";
import { startFakeS3, type FakeS3 } from "../../integrations/testing/fake-s3";
import { startFakeVercel, type FakeVercel } from "../../integrations/testing/fake-vercel";
import { deployTargetStep, readDeployTargetsStep } from "../../pipeline/pipeline-steps";
import { captureConsole, createTeamWithProject, dumpDatabase } from "./target-test-kit";
import { vercelTiming } from "./vercel-target";

const VERCEL_TOKEN = `vcp_${randomBytes(20).toString("hex")}`;
const CF_TOKEN = randomBytes(20).toString("base64url");
const AWS_KEY = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`;
const AWS_SECRET = randomBytes(30).toString("base64");
const ACCOUNT = "fedcba9876543210fedcba9876543210";

describe.each(testDatabaseKinds)("deploying to every target (%s)", (kind) => {
  let database: TestDatabase;
  let vercel: FakeVercel;
  let cloudflare: FakeCloudflare;
  let s3: FakeS3;
  let logged: string[] = [];

  beforeAll(async () => {
    logged = captureConsole();
    [vercel, cloudflare, s3] = await Promise.all([startFakeVercel(), startFakeCloudflare(), startFakeS3()]);
    vercel.tokens.set(VERCEL_TOKEN, { username: "rosie" });
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

  it("deploys each version to each chosen target in its own step; a revoked token fails only its target; rollback is per target", async () => {
    const team = await createTeamWithProject(database, "all-targets");
    const api = team.owner.api;
    const { workspaceId } = team;
    await api.integration.save({ workspaceId, provider: "VERCEL", credentials: { token: VERCEL_TOKEN, baseUrl: vercel.url } });
    await api.integration.save({ workspaceId, provider: "CLOUDFLARE", credentials: { apiToken: CF_TOKEN, accountId: ACCOUNT, baseUrl: cloudflare.url } });
    await api.integration.save({ workspaceId, provider: "AWS", credentials: { accessKeyId: AWS_KEY, secretAccessKey: AWS_SECRET, region: "us-east-1", bucket: "sites", endpoint: s3.url } });

    expect(await readDeployTargetsStep(database.prisma, team.project.id)).toEqual([]);
    expect(await api.deployment.setTargets({ projectId: team.project.id, targets: ["s3", "vercel", "cloudflare"] })).toEqual({ chosen: ["preview", "vercel", "cloudflare", "s3"] });
    const targets = await readDeployTargetsStep(database.prisma, team.project.id);
    expect(targets).toEqual(["vercel", "cloudflare", "s3"]);

    const v1 = await team.version("Version one");
    const first = await Promise.all(targets.map((target) => deployTargetStep(database.prisma, team.run.id, v1.id, target)));
    expect(first.map((result) => ("status" in result ? result.status : result))).toEqual(["READY", "READY", "READY"]);
    // The step is idempotent per run and target: run again, it returns the same deployment.
    const again = await deployTargetStep(database.prisma, team.run.id, v1.id, "s3");
    expect("deploymentId" in again && again.deploymentId).toBe("deploymentId" in first[2]! && first[2].deploymentId);

    // The Cloudflare token is revoked; the second version goes live everywhere else.
    cloudflare.tokens.get(CF_TOKEN)!.isRevoked = true;
    const followUp = await database.prisma.run.create({ data: { projectId: team.project.id, prompt: "Version two", status: "RUNNING" } });
    const v2 = await team.version("Version two");
    const second = await Promise.all(targets.map((target) => deployTargetStep(database.prisma, followUp.id, v2.id, target)));
    expect(second.map((result) => ("status" in result ? result.status : result))).toEqual(["READY", "FAILED", "READY"]);
    const warning = await database.prisma.runEvent.findFirstOrThrow({ where: { runId: followUp.id, type: "integration.warning" } });
    expect(warning.payload).toMatchObject({ provider: "Cloudflare Workers", action: "deploy" });
    expect(JSON.stringify(warning.payload)).toMatch(/401 10000 Authentication error/);
    const events = await database.prisma.runEvent.findMany({ where: { runId: followUp.id, type: "deployment.status" }, orderBy: { seq: "asc" } });
    expect(new Set(events.map((event) => (event.payload as { target?: string }).target))).toEqual(new Set(["vercel", "cloudflare", "s3"]));

    const view = await api.deployment.targets({ projectId: team.project.id });
    const byTarget = Object.fromEntries(view.statuses.map((status) => [status.target, status]));
    expect(byTarget.vercel!.live?.versionNumber).toBe(2);
    expect(byTarget.s3!.live?.versionNumber).toBe(2);
    expect(byTarget.cloudflare!.live?.versionNumber).toBe(1);
    expect(byTarget.cloudflare!.latest).toMatchObject({ status: "FAILED", versionNumber: 2 });
    expect(byTarget.cloudflare!.latest!.message).toMatch(/rotate the Cloudflare connection/);
    expect(view.available.every((item) => item.isConnected)).toBe(true);

    // Rolling S3 back leaves Vercel on version 2.
    await api.deployment.rollbackTarget({ projectId: team.project.id, versionId: v1.id, target: "s3" });
    const after = Object.fromEntries((await api.deployment.targets({ projectId: team.project.id })).statuses.map((status) => [status.target, status]));
    expect(after.s3!.live?.versionNumber).toBe(1);
    expect(after.vercel!.live?.versionNumber).toBe(2);
    expect(await (await fetch(after.s3!.live!.url!)).text()).toContain("<h1>Version one</h1>");
    expect(await (await fetch(vercel.servedUrl(after.vercel!.live!.url!))).text()).toContain("<h1>Version two</h1>");
    await expect(api.deployment.rollbackTarget({ projectId: team.project.id, versionId: v2.id, target: "cloudflare" })).rejects.toThrow(/never went live on Cloudflare Workers/);

    const text = [await dumpDatabase(database), ...logged].join("\n");
    for (const secret of [VERCEL_TOKEN, CF_TOKEN, AWS_KEY, AWS_SECRET]) expect(text).not.toContain(secret);
  });
});
