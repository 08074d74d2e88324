// The real pipeline (embedded Inngest executor) deploying a run's version to all three targets
// through the real SDKs and their loopback fakes: each target is its own step, a revoked Vercel
// token fails only Vercel (a warning on the run, never its failure), the others serve the app.
// Runs without a browser (EPIC_BROWSER_SEARCH_PATHS → an empty folder) to stay quick.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeCloudflare, type FakeCloudflare } from "../../integrations/testing/fake-cloudflare";
import { startFakeS3, type FakeS3 } from "../../integrations/testing/fake-s3";
import { startFakeVercel, type FakeVercel } from "../../integrations/testing/fake-vercel";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-targets-pipeline-"));
const browserDir = mkdtempSync(path.join(tmpdir(), "epic-no-browser-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3996";
process.env.EPIC_BROWSER_SEARCH_PATHS = browserDir;
delete process.env.CHROMIUM_PATH;
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../../db");
const { ensureAppExecutor } = await import("../../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../../testing/callers");
const { sendWithInngest } = await import("../../pipeline/send-event");
const { waitForRun } = await import("../../testing/wait-for-run");
const { vercelTiming } = await import("./vercel-target");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;
let vercel: FakeVercel;
let cloudflare: FakeCloudflare;
let s3: FakeS3;

beforeAll(async () => {
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
  [vercel, cloudflare, s3] = await Promise.all([startFakeVercel(), startFakeCloudflare(), startFakeS3()]);
  vercel.tokens.set("vercel-token-pipeline", { username: "rosie", isRevoked: false });
  vercelTiming.pollIntervalMs = 20;
  cloudflare.accounts.set("acc-pipeline", "Rosie");
  cloudflare.tokens.set("cf-token-pipeline", { accountId: "acc-pipeline" });
  s3.accessKeys.set("AKIAPIPELINE", {});
  s3.createBucket("sites");
}, 600_000);

afterAll(async () => {
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await Promise.all([vercel?.stop(), cloudflare?.stop(), s3?.stop()]);
  await (await getMigratedDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(browserDir, { recursive: true, force: true });
});

describe("the pipeline deploys to every chosen target", { timeout: 1_200_000 }, () => {
  it("deploys the run's version to Cloudflare and S3 in steps of their own while a revoked Vercel token only warns", async () => {
    const { user, workspace } = await createTestUser(db, "targets-pipeline");
    const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
    await api.integration.save({ workspaceId: workspace.id, provider: "VERCEL", credentials: { token: "vercel-token-pipeline", baseUrl: vercel.url } });
    await api.integration.save({ workspaceId: workspace.id, provider: "CLOUDFLARE", credentials: { apiToken: "cf-token-pipeline", accountId: "acc-pipeline", baseUrl: cloudflare.url } });
    await api.integration.save({ workspaceId: workspace.id, provider: "AWS", credentials: { accessKeyId: "AKIAPIPELINE", secretAccessKey: "pipeline-secret", region: "us-east-1", bucket: "sites", endpoint: s3.url } });
    vercel.tokens.get("vercel-token-pipeline")!.isRevoked = true;

    const { project, run } = await api.project.create({ workspaceId: workspace.id, prompt: "landing page for Rosie's Bakery with our menu and opening hours", requiresPlanApproval: true });
    await api.deployment.setTargets({ projectId: project.id, targets: ["vercel", "cloudflare", "s3"] });
    for (let waited = 0; (await db.run.findUniqueOrThrow({ where: { id: run.id } })).status !== "WAITING"; waited++) {
      if (waited > 1200) throw new Error("The plan never waited for approval");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await api.run.reviewPlan({ runId: run.id, isApproved: true });
    const finished = await waitForRun(db, run.id, undefined, 900_000);
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(finished.status);

    const deployments = await db.deployment.findMany({ where: { runId: run.id }, orderBy: { target: "asc" } });
    expect(deployments.map((deployment) => [deployment.target, deployment.stepKey, deployment.status])).toEqual([
      ["cloudflare", "deploy-cloudflare", "READY"],
      ["preview", "deploy", "READY"],
      ["s3", "deploy-s3", "READY"],
      ["vercel", "deploy-vercel", "FAILED"],
    ]);
    const byTarget = Object.fromEntries(deployments.map((deployment) => [deployment.target, deployment]));
    expect(byTarget.vercel!.logs).toMatch(/The token provided is invalid or has been revoked.*rotate the Vercel connection/);
    const s3Page = await (await fetch(byTarget.s3!.deploymentUrl!)).text();
    const cloudflarePage = await (await fetch(cloudflare.servedUrl(byTarget.cloudflare!.deploymentUrl!))).text();
    expect(s3Page).toMatch(/Rosie/i);
    expect(cloudflarePage).toBe(s3Page);
    const warning = await db.runEvent.findFirstOrThrow({ where: { runId: run.id, type: "integration.warning" } });
    expect(warning.payload).toMatchObject({ provider: "Vercel", action: "deploy" });
    // Each target ran as an Inngest step of its own (the embedded executor records them by name).
    const steps = await db.executorStep.findMany({ where: { name: { in: ["deploy-vercel", "deploy-cloudflare", "deploy-s3"] } }, select: { name: true } });
    expect(new Set(steps.map((step) => step.name))).toEqual(new Set(["deploy-vercel", "deploy-cloudflare", "deploy-s3"]));
  });
});
