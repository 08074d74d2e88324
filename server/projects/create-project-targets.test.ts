// A project created with its deploy targets: the pipeline's target step reads them from the first
// run on, the preview is always among them, and unknown names are refused with the field named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDeployTargetsStep } from "../pipeline/pipeline-steps";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";

describe.each(testDatabaseKinds)("creating a project with deploy targets (%s)", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.cleanup();
  });

  it("keeps the chosen targets (and the preview) from the start; none chosen is the preview only", async () => {
    const owner = await createTestUser(database.prisma, "targets-at-creation");
    const { project } = await owner.api.project.create({ workspaceId: owner.workspace.id, prompt: "A bakery landing page", deployTargets: ["s3", "vercel"] });
    expect((await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).deployTargets).toEqual(["preview", "vercel", "s3"]);
    expect(await readDeployTargetsStep(database.prisma, project.id)).toEqual(["vercel", "s3"]);
    expect((await owner.api.deployment.targets({ projectId: project.id })).chosen).toEqual(["preview", "vercel", "s3"]);

    const plain = await owner.api.project.create({ workspaceId: owner.workspace.id, prompt: "A todo list" });
    expect(await readDeployTargetsStep(database.prisma, plain.project.id)).toEqual([]);

    await expect(owner.api.project.create({ workspaceId: owner.workspace.id, prompt: "A todo list", deployTargets: ["netlify" as never] })).rejects.toThrow(/deployTargets/);
  });
});
