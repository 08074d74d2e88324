// The Infra agent learns the project's deploy targets from the run context: the step writes the
// config of each chosen target (named as the deploy names the site), and none for the preview alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteNameFor } from "../deployments/targets/target-adapter";
import { compileAppPlan } from "../llm/offline";
import { createTeamWithProject } from "../deployments/targets/target-test-kit";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { writeFilesStep } from "./pipeline-steps";
import { parseJsonc } from "../agents/qa/check-deploy-configs";

describe.each(testDatabaseKinds)("the Infra step and the project's deploy targets (%s)", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("writes the chosen targets' configs, and none for the preview alone", async () => {
    const team = await createTeamWithProject(database, "infra-targets");
    const compiled = compileAppPlan("A bakery landing page with the menu");
    if (!compiled.ok) throw new Error(compiled.error);
    await database.prisma.run.update({ where: { id: team.run.id }, data: { plan: compiled.plan, status: "RUNNING" } });
    const infraPaths = async () => (await writeFilesStep(database.prisma, team.run.id, "Infra")).files;

    const previewOnly = (await infraPaths()).map((file) => file.path);
    expect(previewOnly).not.toContain("vercel.json");
    expect(previewOnly).not.toContain("wrangler.jsonc");

    await team.owner.api.deployment.setTargets({ projectId: team.project.id, targets: ["cloudflare", "s3"] });
    const files = await infraPaths();
    expect(files.map((file) => file.path)).toEqual(expect.arrayContaining(["wrangler.jsonc", "deploy/s3.md"]));
    expect(files.map((file) => file.path)).not.toContain("vercel.json");
    const wrangler = parseJsonc(files.find((file) => file.path === "wrangler.jsonc")!.content) as { name: string };
    expect(wrangler.name).toBe(siteNameFor(team.project.name, team.project.id));
  });
});
