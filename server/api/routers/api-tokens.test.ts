// API tokens act in one workspace, within their scope, until they expire or are revoked; they
// never mint tokens. Real procedures, real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../../projects/create-project";
import { callerAs, createTestUser } from "../../testing/callers";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";

describe.each(testDatabaseKinds)("API token scopes and workspaces on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function ownerWithTeam() {
    const owner = await createTestUser(database.prisma, "owner");
    const team = await owner.api.workspace.create({ name: "Team" });
    const { project } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A notes app" });
    const tokenCaller = async (scope: "READ" | "WRITE" | "ADMIN", workspaceId = owner.workspace.id) => {
      const token = await owner.api.user.createApiToken({ name: `${scope} token`, workspaceId, scope });
      return { token, api: await callerAs(database.prisma, null, { authorization: `Bearer ${token.secret}` }) };
    };
    return { owner, team, project, tokenCaller };
  }

  it("expires in 90 days by default and shows its scope, workspace and last use in the list", async () => {
    const { owner, tokenCaller } = await ownerWithTeam();
    const { token, api } = await tokenCaller("READ");
    const days = (token.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    await api.user.me();
    const [listed] = await owner.api.user.listApiTokens();
    expect(listed).toMatchObject({ id: token.id, scope: "READ", workspace: { id: owner.workspace.id } });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(token.secret);
  });

  it("a read token reads but cannot write; a write token writes but cannot administer", async () => {
    const { owner, project, tokenCaller } = await ownerWithTeam();
    const reader = await tokenCaller("READ");
    expect((await reader.api.project.get({ projectId: project.id })).id).toBe(project.id);
    await expectTRPCError(reader.api.project.rename({ projectId: project.id, name: "renamed" }), "FORBIDDEN", /read scope/);
    await expectTRPCError(reader.api.project.create({ workspaceId: owner.workspace.id, prompt: "Another app" }), "FORBIDDEN");

    const writer = await tokenCaller("WRITE");
    await writer.api.project.rename({ projectId: project.id, name: "renamed" });
    await expectTRPCError(writer.api.workspace.rename({ workspaceId: owner.workspace.id, name: "Mine" }), "FORBIDDEN", /admin/);
    await expectTRPCError(writer.api.workspace.invite({ workspaceId: owner.workspace.id, email: "x@example.test", role: "MEMBER" }), "FORBIDDEN");

    const admin = await tokenCaller("ADMIN");
    await admin.api.workspace.rename({ workspaceId: owner.workspace.id, name: "Mine" });
  });

  it("a token cannot reach another workspace, not even its own user's", async () => {
    const { owner, team, project, tokenCaller } = await ownerWithTeam();
    const teamToken = await tokenCaller("ADMIN", team.id);
    expect((await teamToken.api.workspace.list()).map((workspace) => workspace.id)).toEqual([team.id]);
    await expectTRPCError(teamToken.api.project.get({ projectId: project.id }), "NOT_FOUND");
    await expectTRPCError(teamToken.api.project.list({ workspaceId: owner.workspace.id }), "NOT_FOUND");
    await expectTRPCError(teamToken.api.run.list({ projectId: project.id }), "NOT_FOUND");
    await expectTRPCError(teamToken.api.workspace.members({ workspaceId: owner.workspace.id }), "NOT_FOUND");
    // Stranger's workspace: the same answer as for a missing one.
    const stranger = await createTestUser(database.prisma, "stranger");
    await expectTRPCError(teamToken.api.workspace.get({ workspaceId: stranger.workspace.id }), "NOT_FOUND");
  });

  it("a token cannot mint, list or revoke tokens, create workspaces or act on the account", async () => {
    const { owner, tokenCaller } = await ownerWithTeam();
    const admin = await tokenCaller("ADMIN");
    await expectTRPCError(admin.api.user.createApiToken({ name: "child", workspaceId: owner.workspace.id, scope: "ADMIN" }), "FORBIDDEN", /sign in/);
    await expectTRPCError(admin.api.user.listApiTokens(), "FORBIDDEN");
    await expectTRPCError(admin.api.user.revokeApiToken({ tokenId: admin.token.id }), "FORBIDDEN");
    await expectTRPCError(admin.api.workspace.create({ name: "Side door" }), "FORBIDDEN");
    await expectTRPCError(admin.api.user.updateProfile({ name: "Renamed by token" }), "FORBIDDEN");
  });

  it("revoking a token revokes everything it could do", async () => {
    const { owner, project, tokenCaller } = await ownerWithTeam();
    const { token, api } = await tokenCaller("ADMIN");
    await api.project.rename({ projectId: project.id, name: "before revoke" });
    await owner.api.user.revokeApiToken({ tokenId: token.id });
    const after = await callerAs(database.prisma, null, { authorization: `Bearer ${token.secret}` });
    for (const call of [
      after.user.me(),
      after.workspace.list(),
      after.project.get({ projectId: project.id }),
      after.project.rename({ projectId: project.id, name: "after revoke" }),
      after.workspace.rename({ workspaceId: owner.workspace.id, name: "after revoke" }),
    ]) {
      await expectTRPCError(call, "UNAUTHORIZED");
    }
    // Nothing it made outlives it: it could mint no other token.
    expect(await owner.api.user.listApiTokens()).toEqual([]);
    expect(await database.prisma.apiToken.count({ where: { userId: owner.user.id, revokedAt: null } })).toBe(0);
  });

  it("refuses admin tokens to members who are not admins, and tokens for workspaces one is not in", async () => {
    const { owner, team } = await ownerWithTeam();
    const stranger = await createTestUser(database.prisma, "stranger");
    await expectTRPCError(stranger.api.user.createApiToken({ name: "x", workspaceId: team.id, scope: "READ" }), "NOT_FOUND");
    const member = await createTestUser(database.prisma, "member");
    await database.prisma.membership.create({ data: { workspaceId: team.id, userId: member.user.id, role: "MEMBER" } });
    await expectTRPCError(member.api.user.createApiToken({ name: "x", workspaceId: team.id, scope: "ADMIN" }), "FORBIDDEN");
    await expect(member.api.user.createApiToken({ name: "x", workspaceId: team.id, scope: "WRITE", expiresInDays: 7 })).resolves.toMatchObject({
      scope: "WRITE",
    });
    await expectTRPCError(owner.api.user.createApiToken({ name: "x", workspaceId: team.id, scope: "READ", expiresInDays: 400 }), "BAD_REQUEST");
  });
});
