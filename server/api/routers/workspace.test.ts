import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../../testing/test-database";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("workspace settings on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const settings = { modelProvider: "offline" as const, modelName: null, runBudgetTokens: 50_000, runBudgetUsd: 2.5, requirePlanApproval: true };

  it("lets an owner set budgets and the approval default, and reports which providers are configured", async () => {
    const owner = await createTestUser(database.prisma, "settings-owner");
    await owner.api.workspace.updateSettings({ workspaceId: owner.workspace.id, ...settings });
    const stored = await owner.api.workspace.settings({ workspaceId: owner.workspace.id });
    expect(stored).toMatchObject({ runBudgetTokens: 50_000, runBudgetUsd: 2.5, requirePlanApproval: true, modelProvider: "offline" });
    expect(stored.configuredProviders).toContain("offline");
  });

  it("refuses unconfigured providers, nonsense budgets, and members who are not admins", async () => {
    const owner = await createTestUser(database.prisma, "settings-owner2");
    const member = await createTestUser(database.prisma, "settings-member");
    await database.prisma.membership.create({ data: { workspaceId: owner.workspace.id, userId: member.user.id, role: "MEMBER" } });

    await expect(
      owner.api.workspace.updateSettings({ workspaceId: owner.workspace.id, ...settings, modelProvider: "anthropic" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/not configured/) });
    await expect(owner.api.workspace.updateSettings({ workspaceId: owner.workspace.id, ...settings, runBudgetTokens: 5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(member.api.workspace.updateSettings({ workspaceId: owner.workspace.id, ...settings })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await owner.api.workspace.settings({ workspaceId: owner.workspace.id })).runBudgetTokens).toBeNull();
  });
});
