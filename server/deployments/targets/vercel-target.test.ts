// The Vercel target through the real @vercel/sdk against a loopback fake Vercel API
// (integrations/testing/fake-vercel.ts): a connection verified when saved, two versions deployed
// (files by SHA1, a production deployment, READY, the production alias), a rollback that re-points
// the alias, a 5xx retried, a revoked token failing only this target, and no token anywhere.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { startFakeVercel, type FakeVercel } from "../../integrations/testing/fake-vercel";
import { deployPreview } from "../deploy-preview";
import { captureConsole, createTeamWithProject, deploy, dumpDatabase, kept, rollback } from "./target-test-kit";
import { vercelTiming } from "./vercel-target";

const TOKEN = `vcp_${randomBytes(20).toString("hex")}`;
const REVOKED = `vcp_${randomBytes(20).toString("hex")}`;

describe.each(testDatabaseKinds)("Vercel deploy target (%s)", (kind) => {
  let database: TestDatabase;
  let vercel: FakeVercel;
  let logged: string[] = [];
  const seen: unknown[] = [];

  beforeAll(async () => {
    logged = captureConsole();
    vercel = await startFakeVercel();
    vercel.tokens.set(TOKEN, { username: "rosie", teams: ["team_1"] });
    vercel.tokens.set(REVOKED, { username: "rosie" });
    vercelTiming.pollIntervalMs = 20;
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await vercel?.stop();
    await database?.cleanup();
  });

  it("deploys two versions by SHA1, aliases production, and rolls back by re-pointing the alias", async () => {
    const team = await createTeamWithProject(database, "vercel-deploy");
    await expectTRPCError(kept(seen, team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "VERCEL", credentials: { token: TOKEN, teamId: "team_9", baseUrl: vercel.url } })), "BAD_REQUEST", /404 not_found: Team not found.*check the team id/);
    const saved = await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "VERCEL", credentials: { token: TOKEN, teamId: "team_1", baseUrl: vercel.url } });
    seen.push(saved);
    expect(saved.accountLabel).toBe("rosie → team-team_1");

    const v1 = await team.version("Version one");
    const first = await deploy(database, { projectId: team.project.id, versionId: v1.id, target: "vercel", runId: team.run.id });
    seen.push(first);
    expect(first).toMatchObject({ status: "READY", target: "vercel" });
    expect(first.providerDeploymentId).toMatch(/^dpl_/);
    expect(first.deploymentUrl).toMatch(/^https:\/\/[a-z0-9-]+\.vercel\.app$/);
    expect(first.logs).toMatch(/Uploaded 2 files by SHA1[\s\S]*Alias/);
    const served = vercel.servedUrl(first.deploymentUrl!);
    expect(await (await fetch(served)).text()).toContain("<h1>Version one</h1>");
    expect(vercel.deployments.get(first.providerDeploymentId!)).toMatchObject({ target: "production", teamId: "team_1" });

    const v2 = await team.version("Version two");
    const second = await deploy(database, { projectId: team.project.id, versionId: v2.id, target: "vercel" });
    expect(second.status).toBe("READY");
    expect(second.deploymentUrl).toBe(first.deploymentUrl);
    expect(await (await fetch(served)).text()).toContain("<h1>Version two</h1>");

    const uploadsBefore = vercel.requests.filter((request) => request.path.startsWith("/v2/files")).length;
    const back = await rollback(database, { projectId: team.project.id, versionId: v1.id, target: "vercel" });
    expect(back).toMatchObject({ status: "READY", providerDeploymentId: first.providerDeploymentId });
    expect(await (await fetch(served)).text()).toContain("<h1>Version one</h1>");
    // Re-aliasing: nothing uploaded or built again.
    expect(vercel.requests.filter((request) => request.path.startsWith("/v2/files")).length).toBe(uploadsBefore);
  });

  it("retries a 5xx, and a revoked token fails the Vercel deployment with Vercel's message while the preview goes live", async () => {
    const team = await createTeamWithProject(database, "vercel-faults");
    await team.owner.api.integration.save({ workspaceId: team.workspaceId, provider: "VERCEL", credentials: { token: REVOKED, baseUrl: vercel.url } });
    vercel.failNext("POST", /^\/v13\/deployments$/, 503, "service_unavailable", "Vercel is having a moment", 2);
    const v1 = await team.version("Flaky");
    const flaky = await deploy(database, { projectId: team.project.id, versionId: v1.id, target: "vercel" });
    expect(flaky.status).toBe("READY");
    expect(vercel.requests.filter((request) => request.path.startsWith("/v13/deployments") && request.status === 503)).toHaveLength(2);

    vercel.tokens.get(REVOKED)!.isRevoked = true;
    const v2 = await team.version("Revoked");
    const [failed, preview] = await Promise.all([
      deploy(database, { projectId: team.project.id, versionId: v2.id, target: "vercel" }),
      deployPreview(database.prisma, { projectId: team.project.id, versionId: v2.id, previewOrigins: { platform: "http://localhost:3000", template: null, isIsolated: false } }),
    ]);
    seen.push(failed);
    expect(failed.status).toBe("FAILED");
    expect(failed.logs).toMatch(/403 forbidden: The token provided is invalid or has been revoked.*rotate the Vercel connection/);
    expect(preview.status).toBe("READY");
    expect(await (await fetch(vercel.servedUrl(flaky.deploymentUrl!))).text()).toContain("<h1>Flaky</h1>");
  });

  it("keeps the tokens out of the database, answers, errors and logs", async () => {
    const text = [await dumpDatabase(database), JSON.stringify(seen), ...logged].join("\n");
    for (const secret of [TOKEN, REVOKED]) expect(text).not.toContain(secret);
  });
});
