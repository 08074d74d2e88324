// The Cloudflare target through the real `cloudflare` SDK against a loopback fake Cloudflare API
// (integrations/testing/fake-cloudflare.ts): a connection verified when saved, two versions
// deployed through the Workers static-assets flow (session, buckets with the session JWT, worker
// upload with the completion token), a rollback that uploads nothing new, a 5xx retried, a
// revoked token failing only this target, and no token anywhere.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { startFakeCloudflare, type FakeCloudflare } from "../../integrations/testing/fake-cloudflare";
import { deployPreview } from "../deploy-preview";
import { captureConsole, createTeamWithProject, deploy, dumpDatabase, kept, rollback } from "./target-test-kit";

const TOKEN = randomBytes(20).toString("base64url");
const REVOKED = randomBytes(20).toString("base64url");
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe.each(testDatabaseKinds)("Cloudflare deploy target (%s)", (kind) => {
  let database: TestDatabase;
  let cloudflare: FakeCloudflare;
  let logged: string[] = [];
  const seen: unknown[] = [];

  beforeAll(async () => {
    logged = captureConsole();
    cloudflare = await startFakeCloudflare();
    cloudflare.accounts.set(ACCOUNT, "Rosie's account");
    cloudflare.tokens.set(TOKEN, { accountId: ACCOUNT });
    cloudflare.tokens.set(REVOKED, { accountId: ACCOUNT });
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await cloudflare?.stop();
    await database?.cleanup();
  });

  it("deploys two versions as Workers static assets and rolls back without uploading again", async () => {
    const team = await createTeamWithProject(database, "cloudflare-deploy");
    await expectTRPCError(kept(seen, team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "CLOUDFLARE", credentials: { apiToken: TOKEN, accountId: "ffff", baseUrl: cloudflare.url } })), "BAD_REQUEST", /403 10000 Authentication error/);
    const saved = await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "CLOUDFLARE", credentials: { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: cloudflare.url } });
    seen.push(saved);
    expect(saved.accountLabel).toBe(`Rosie's account (${ACCOUNT})`);

    const v1 = await team.version("Version one", { "about/index.html": "<h1>About</h1>" });
    const first = await deploy(database, { projectId: team.project.id, versionId: v1.id, target: "cloudflare", runId: team.run.id });
    seen.push(first);
    expect(first).toMatchObject({ status: "READY", target: "cloudflare" });
    expect(first.deploymentUrl).toMatch(/^https:\/\/[a-z0-9-]+\.epic-test\.workers\.dev$/);
    expect(first.logs).toMatch(/Uploaded 3 of 3 assets in 2 buckets/);
    const served = cloudflare.servedUrl(first.deploymentUrl!);
    const page = await fetch(served);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("<h1>Version one</h1>");
    expect(await (await fetch(`${served}about/`)).text()).toBe("<h1>About</h1>");
    const worker = [...cloudflare.workers.values()][0]!;
    expect(worker.moduleSource).toContain("env.ASSETS.fetch");

    const v2 = await team.version("Version two");
    const second = await deploy(database, { projectId: team.project.id, versionId: v2.id, target: "cloudflare" });
    expect(second.status).toBe("READY");
    expect(second.logs).toMatch(/Uploaded 2 of 2 assets in 1 buckets/);
    expect(await (await fetch(served)).text()).toContain("<h1>Version two</h1>");

    const back = await rollback(database, { projectId: team.project.id, versionId: v1.id, target: "cloudflare" });
    expect(back.status).toBe("READY");
    expect(back.logs).toMatch(/already has every asset/);
    expect(await (await fetch(served)).text()).toContain("<h1>Version one</h1>");
    expect(cloudflare.workers.get(worker.name)!.versions).toBe(3);
  });

  it("retries a 5xx, and a revoked token fails the Cloudflare deployment with Cloudflare's message while the preview goes live", async () => {
    const team = await createTeamWithProject(database, "cloudflare-faults");
    await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "CLOUDFLARE", credentials: { apiToken: REVOKED, accountId: ACCOUNT, baseUrl: cloudflare.url } });
    // More 502s than the SDK's own two retries: our retry of the whole deploy gets it through.
    cloudflare.failNext("PUT", /\/workers\/scripts\/[a-z0-9-]+$/, 502, 10013, "Bad gateway", 3);
    const v1 = await team.version("Flaky");
    const flaky = await deploy(database, { projectId: team.project.id, versionId: v1.id, target: "cloudflare" });
    expect(flaky.status).toBe("READY");
    expect(flaky.logs).toMatch(/Attempt 1 failed .*502 10013 Bad gateway.*trying again/);

    cloudflare.tokens.get(REVOKED)!.isRevoked = true;
    const v2 = await team.version("Revoked");
    const [failed, preview] = await Promise.all([
      deploy(database, { projectId: team.project.id, versionId: v2.id, target: "cloudflare" }),
      deployPreview(database.prisma, { projectId: team.project.id, versionId: v2.id, previewOrigins: { platform: "http://localhost:3000", template: null, isIsolated: false } }),
    ]);
    seen.push(failed);
    expect(failed.status).toBe("FAILED");
    expect(failed.logs).toMatch(/401 10000 Authentication error.*rotate the Cloudflare connection/);
    expect(preview.status).toBe("READY");
    expect(await (await fetch(cloudflare.servedUrl(flaky.deploymentUrl!))).text()).toContain("<h1>Flaky</h1>");
  });

  it("publishes the site only: wrangler.jsonc, deploy notes, CI and tests are not among the worker's assets", async () => {
    const team = await createTeamWithProject(database, "cloudflare-site-only");
    await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "CLOUDFLARE", credentials: { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: cloudflare.url } });
    const version = await team.version("Site only", {"README.md": "# Bakery", "package.json": "{}", "Dockerfile": "FROM node:20", ".github/workflows/ci.yml": "on: push", "tests/app.test.js": "test()", "scripts/serve.js": "listen()", "vercel.json": "{}", "wrangler.jsonc": "{}", "deploy/s3.md": "# S3 notes"});
    const deployed = await deploy(database, { projectId: team.project.id, versionId: version.id, target: "cloudflare" });
    expect(deployed.status).toBe("READY");
    expect(deployed.logs).toMatch(/9 repository files not published/);
    const worker = [...cloudflare.workers.values()].find((item) => deployed.deploymentUrl!.startsWith(`https://${item.name}.`))!;
    expect(Object.keys(worker.assets).sort()).toEqual(["/assets/app.3f9a1c2e.js", "/index.html"]);
  });

  it("keeps the tokens out of the database, answers, errors and logs", async () => {
    const text = [await dumpDatabase(database), JSON.stringify(seen), ...logged].join("\n");
    for (const secret of [TOKEN, REVOKED]) expect(text).not.toContain(secret);
  });
});
