import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestUser } from "../../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../../testing/test-database";
import { INVITATION_TTL_DAYS } from "../../workspaces/invitations";
import type { TWorkspaceRole } from "../../workspaces/schemas";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
type TestUser = Awaited<ReturnType<typeof createTestUser>>;

const tokenOf = (path: string) => decodeURIComponent(path).split("/invite/")[1]!;

describe.each(testDatabaseKinds)("workspace members and invitations on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  /** An owner with a (non-personal) team workspace. */
  async function createTeam(name = "owner") {
    const owner = await createTestUser(database.prisma, name);
    const team = await owner.api.workspace.create({ name: `${name}'s team` });
    return { owner, workspaceId: team.id };
  }

  /** Brings `user` into the workspace the way the app does: an invitation, accepted. */
  async function join(inviter: TestUser, workspaceId: string, user: TestUser, role: TWorkspaceRole) {
    const { token } = await inviter.api.workspace.invite({ workspaceId, email: user.user.email, role });
    return user.api.workspace.acceptInvitation({ token });
  }

  it("invites by email, shows the invitation to the invitee, and accepting makes them a member with that role", async () => {
    const { owner, workspaceId } = await createTeam();
    const invitee = await createTestUser(database.prisma, "invitee");

    const created = await owner.api.workspace.invite({ workspaceId, email: `  ${invitee.user.email.toUpperCase()} `, role: "ADMIN" });
    expect(created.invitation).toMatchObject({ email: invitee.user.email, role: "ADMIN", isExpired: false });
    expect(created.path).toBe(`/signin?callbackUrl=${encodeURIComponent(`/invite/${created.token}`)}`);
    expect(tokenOf(created.path)).toBe(created.token);
    const expiresInDays = (created.invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(INVITATION_TTL_DAYS - 0.01);
    expect(expiresInDays).toBeLessThanOrEqual(INVITATION_TTL_DAYS);
    // Only the hash is stored.
    const stored = await database.prisma.workspaceInvitation.findFirstOrThrow({ where: { workspaceId } });
    expect(stored.tokenHash).not.toContain(created.token);
    expect(await owner.api.workspace.invitations({ workspaceId })).toEqual([expect.objectContaining({ email: invitee.user.email, role: "ADMIN" })]);

    const preview = await invitee.api.workspace.invitation({ token: created.token });
    expect(preview).toMatchObject({
      workspace: { id: workspaceId, name: "owner's team" },
      role: "ADMIN",
      status: "pending",
      isEmailMatch: true,
      memberRole: null,
      invitedBy: { name: "owner", email: owner.user.email },
    });

    expect(await invitee.api.workspace.acceptInvitation({ token: created.token })).toMatchObject({ workspace: { id: workspaceId }, role: "ADMIN", isNewMember: true });
    expect(await owner.api.workspace.members({ workspaceId })).toEqual([
      expect.objectContaining({ id: owner.user.id, role: "OWNER" }),
      expect.objectContaining({ id: invitee.user.id, role: "ADMIN" }),
    ]);
    expect((await database.prisma.workspaceInvitation.findFirstOrThrow({ where: { workspaceId } })).acceptedAt).toBeInstanceOf(Date);
    expect(await owner.api.workspace.invitations({ workspaceId })).toEqual([]);
    expect((await invitee.api.workspace.list()).map((workspace) => workspace.id)).toContain(workspaceId);

    // Accepting again (a double click, a second tab) is a success that changes nothing.
    expect(await invitee.api.workspace.acceptInvitation({ token: created.token })).toMatchObject({ role: "ADMIN", isNewMember: false });
    expect(await database.prisma.membership.count({ where: { workspaceId } })).toBe(2);
    expect(await invitee.api.workspace.invitation({ token: created.token })).toMatchObject({ status: "accepted", memberRole: "ADMIN" });
  });

  it("lets only owners and admins invite, list and revoke invitations, change roles and remove members", async () => {
    const { owner, workspaceId } = await createTeam();
    const member = await createTestUser(database.prisma, "member");
    const viewer = await createTestUser(database.prisma, "viewer");
    const other = await createTestUser(database.prisma, "other");
    await join(owner, workspaceId, member, "MEMBER");
    await join(owner, workspaceId, viewer, "VIEWER");
    const { invitation } = await owner.api.workspace.invite({ workspaceId, email: "pending@example.test", role: "MEMBER" });

    for (const weak of [member, viewer]) {
      const forbidden = { code: "FORBIDDEN" };
      await expect(weak.api.workspace.invite({ workspaceId, email: "someone@example.test", role: "VIEWER" })).rejects.toMatchObject(forbidden);
      await expect(weak.api.workspace.invitations({ workspaceId })).rejects.toMatchObject(forbidden);
      await expect(weak.api.workspace.revokeInvitation({ workspaceId, invitationId: invitation.id })).rejects.toMatchObject(forbidden);
      await expect(weak.api.workspace.changeRole({ workspaceId, userId: other.user.id, role: "VIEWER" })).rejects.toMatchObject(forbidden);
      await expect(weak.api.workspace.changeRole({ workspaceId, userId: weak.user.id, role: "ADMIN" })).rejects.toMatchObject(forbidden);
      await expect(weak.api.workspace.removeMember({ workspaceId, userId: owner.user.id })).rejects.toMatchObject(forbidden);
    }
    await expect(member.api.workspace.removeMember({ workspaceId, userId: viewer.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const admin = await createTestUser(database.prisma, "admin");
    await join(owner, workspaceId, admin, "ADMIN");
    await admin.api.workspace.changeRole({ workspaceId, userId: viewer.user.id, role: "MEMBER" });
    await admin.api.workspace.removeMember({ workspaceId, userId: member.user.id });
    await admin.api.workspace.revokeInvitation({ workspaceId, invitationId: invitation.id });
    expect((await owner.api.workspace.members({ workspaceId })).map((m) => [m.id, m.role])).toEqual([
      [owner.user.id, "OWNER"],
      [viewer.user.id, "MEMBER"],
      [admin.user.id, "ADMIN"],
    ]);
    expect(await owner.api.workspace.invitations({ workspaceId })).toEqual([]);
    // A removed member is out: the workspace is not there for them any more.
    await expect(member.api.workspace.members({ workspaceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps owners' business to owners: an admin cannot grant, change, remove or revoke owners", async () => {
    const { owner, workspaceId } = await createTeam();
    const admin = await createTestUser(database.prisma, "admin");
    const member = await createTestUser(database.prisma, "member");
    await join(owner, workspaceId, admin, "ADMIN");
    await join(owner, workspaceId, member, "MEMBER");
    const ownerOnly = { code: "FORBIDDEN", message: expect.stringMatching(/only an owner/i) };

    await expect(admin.api.workspace.invite({ workspaceId, email: "boss@example.test", role: "OWNER" })).rejects.toMatchObject(ownerOnly);
    await expect(admin.api.workspace.changeRole({ workspaceId, userId: member.user.id, role: "OWNER" })).rejects.toMatchObject(ownerOnly);
    await expect(admin.api.workspace.changeRole({ workspaceId, userId: admin.user.id, role: "OWNER" })).rejects.toMatchObject(ownerOnly);
    await expect(admin.api.workspace.changeRole({ workspaceId, userId: owner.user.id, role: "ADMIN" })).rejects.toMatchObject(ownerOnly);
    await expect(admin.api.workspace.removeMember({ workspaceId, userId: owner.user.id })).rejects.toMatchObject(ownerOnly);
    const ownerInvitation = await owner.api.workspace.invite({ workspaceId, email: "boss@example.test", role: "OWNER" });
    await expect(admin.api.workspace.revokeInvitation({ workspaceId, invitationId: ownerInvitation.invitation.id })).rejects.toMatchObject(ownerOnly);

    // An owner can do all of it.
    await owner.api.workspace.changeRole({ workspaceId, userId: member.user.id, role: "OWNER" });
    await owner.api.workspace.changeRole({ workspaceId, userId: member.user.id, role: "VIEWER" });
    await owner.api.workspace.revokeInvitation({ workspaceId, invitationId: ownerInvitation.invitation.id });
    const coOwner = await createTestUser(database.prisma, "co-owner");
    await join(owner, workspaceId, coOwner, "OWNER");
    await owner.api.workspace.removeMember({ workspaceId, userId: coOwner.user.id });
    expect((await owner.api.workspace.members({ workspaceId })).map((m) => m.role)).toEqual(["OWNER", "ADMIN", "VIEWER"]);
  });

  it("never leaves a workspace without an owner", async () => {
    const { owner, workspaceId } = await createTeam();
    const admin = await createTestUser(database.prisma, "admin");
    await join(owner, workspaceId, admin, "ADMIN");
    const lastOwner = { code: "BAD_REQUEST", message: expect.stringMatching(/only owner/i) };

    await expect(owner.api.workspace.changeRole({ workspaceId, userId: owner.user.id, role: "ADMIN" })).rejects.toMatchObject(lastOwner);
    await expect(owner.api.workspace.leave({ workspaceId })).rejects.toMatchObject(lastOwner);
    await expect(owner.api.workspace.removeMember({ workspaceId, userId: owner.user.id })).rejects.toMatchObject(lastOwner);

    // With a second owner, either may step down or leave, but not both.
    await owner.api.workspace.changeRole({ workspaceId, userId: admin.user.id, role: "OWNER" });
    await owner.api.workspace.changeRole({ workspaceId, userId: owner.user.id, role: "ADMIN" });
    await admin.api.workspace.changeRole({ workspaceId, userId: owner.user.id, role: "OWNER" });
    await owner.api.workspace.leave({ workspaceId });
    await expect(admin.api.workspace.leave({ workspaceId })).rejects.toMatchObject(lastOwner);
    expect(await admin.api.workspace.members({ workspaceId })).toEqual([expect.objectContaining({ id: admin.user.id, role: "OWNER" })]);
  });

  it("lets two owners demoting each other at the same moment leave one owner", async () => {
    const { owner, workspaceId } = await createTeam();
    const other = await createTestUser(database.prisma, "other-owner");
    await join(owner, workspaceId, other, "OWNER");
    const outcomes = await Promise.allSettled([
      owner.api.workspace.changeRole({ workspaceId, userId: other.user.id, role: "MEMBER" }),
      other.api.workspace.changeRole({ workspaceId, userId: owner.user.id, role: "MEMBER" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await database.prisma.membership.count({ where: { workspaceId, role: "OWNER" } })).toBe(1);
  });

  it("lets any member leave, and nobody leave or share their personal workspace", async () => {
    const { owner, workspaceId } = await createTeam();
    const viewer = await createTestUser(database.prisma, "viewer");
    await join(owner, workspaceId, viewer, "VIEWER");
    expect(await viewer.api.workspace.leave({ workspaceId })).toEqual({ workspaceId, userId: viewer.user.id });
    expect((await viewer.api.workspace.list()).map((workspace) => workspace.id)).not.toContain(workspaceId);
    await expect(viewer.api.workspace.leave({ workspaceId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(owner.api.workspace.leave({ workspaceId: owner.workspace.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/personal workspace/),
    });
    await expect(owner.api.workspace.invite({ workspaceId: owner.workspace.id, email: "friend@example.test", role: "MEMBER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Personal workspaces cannot be shared/),
    });
  });

  it("refuses to invite a member, and re-inviting replaces the old link", async () => {
    const { owner, workspaceId } = await createTeam();
    const member = await createTestUser(database.prisma, "member");
    await join(owner, workspaceId, member, "MEMBER");
    await expect(owner.api.workspace.invite({ workspaceId, email: member.user.email.toUpperCase(), role: "VIEWER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/already a member/),
    });
    await expect(owner.api.workspace.invite({ workspaceId, email: owner.user.email, role: "VIEWER" })).rejects.toMatchObject({
      message: expect.stringMatching(/already a member/),
    });

    const invitee = await createTestUser(database.prisma, "reinvited");
    const first = await owner.api.workspace.invite({ workspaceId, email: invitee.user.email, role: "VIEWER" });
    const second = await owner.api.workspace.invite({ workspaceId, email: invitee.user.email, role: "MEMBER" });
    expect(second.invitation.id).toBe(first.invitation.id);
    expect(await owner.api.workspace.invitations({ workspaceId })).toEqual([expect.objectContaining({ email: invitee.user.email, role: "MEMBER" })]);
    const invalidLink = { code: "NOT_FOUND", message: expect.stringMatching(/not valid/) };
    await expect(invitee.api.workspace.invitation({ token: first.token })).rejects.toMatchObject(invalidLink);
    await expect(invitee.api.workspace.acceptInvitation({ token: first.token })).rejects.toMatchObject(invalidLink);
    expect(await invitee.api.workspace.acceptInvitation({ token: second.token })).toMatchObject({ role: "MEMBER", isNewMember: true });
  });

  it("matches the invited email case-insensitively, also for accounts that keep capitals (GitHub)", async () => {
    const { owner, workspaceId } = await createTeam();
    const github = await database.prisma.user.create({ data: { email: "Octo.Cat@Example.TEST", name: "Octo", authProvider: "github" } });
    const api = await callerAs(database.prisma, { id: github.id, email: github.email, name: github.name, image: null });
    const { token } = await owner.api.workspace.invite({ workspaceId, email: "octo.cat@example.test", role: "MEMBER" });
    expect(await api.workspace.invitation({ token })).toMatchObject({ isEmailMatch: true, email: "octo.cat@example.test" });
    await api.workspace.acceptInvitation({ token });
    await expect(owner.api.workspace.invite({ workspaceId, email: "OCTO.CAT@example.test", role: "MEMBER" })).rejects.toMatchObject({
      message: expect.stringMatching(/already a member/),
    });
  });

  it("refuses the wrong account, expired, revoked and used links with clear messages", async () => {
    const { owner, workspaceId } = await createTeam();
    const invitee = await createTestUser(database.prisma, "invitee");
    const stranger = await createTestUser(database.prisma, "stranger");

    const { token, invitation } = await owner.api.workspace.invite({ workspaceId, email: invitee.user.email, role: "MEMBER" });
    expect(await stranger.api.workspace.invitation({ token })).toMatchObject({ isEmailMatch: false, email: invitee.user.email });
    await expect(stranger.api.workspace.acceptInvitation({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(new RegExp(`for ${invitee.user.email}, but you are signed in as ${stranger.user.email}`)),
    });
    expect(await database.prisma.membership.count({ where: { workspaceId, userId: stranger.user.id } })).toBe(0);

    await database.prisma.workspaceInvitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await invitee.api.workspace.invitation({ token })).toMatchObject({ status: "expired" });
    expect(await owner.api.workspace.invitations({ workspaceId })).toEqual([expect.objectContaining({ id: invitation.id, isExpired: true })]);
    await expect(invitee.api.workspace.acceptInvitation({ token })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/expired/) });

    const revoked = await owner.api.workspace.invite({ workspaceId, email: invitee.user.email, role: "MEMBER" });
    await owner.api.workspace.revokeInvitation({ workspaceId, invitationId: revoked.invitation.id });
    await expect(invitee.api.workspace.acceptInvitation({ token: revoked.token })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/revoked/) });
    await expect(owner.api.workspace.revokeInvitation({ workspaceId, invitationId: revoked.invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Used, then removed: the old link does not bring them back.
    const used = await owner.api.workspace.invite({ workspaceId, email: invitee.user.email, role: "MEMBER" });
    await invitee.api.workspace.acceptInvitation({ token: used.token });
    await owner.api.workspace.removeMember({ workspaceId, userId: invitee.user.id });
    await expect(invitee.api.workspace.acceptInvitation({ token: used.token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/already been used/),
    });

    const anonymous = await callerAs(database.prisma, null);
    await expect(anonymous.workspace.invitation({ token: used.token })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.workspace.acceptInvitation({ token: used.token })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows nothing of a workspace to people outside it", async () => {
    const { owner, workspaceId } = await createTeam();
    const other = await createTeam("other-owner");
    const { invitation } = await owner.api.workspace.invite({ workspaceId, email: "pending@example.test", role: "MEMBER" });
    const notFound = { code: "NOT_FOUND" };

    const outsider = other.owner.api.workspace;
    await expect(outsider.members({ workspaceId })).rejects.toMatchObject(notFound);
    await expect(outsider.invitations({ workspaceId })).rejects.toMatchObject(notFound);
    await expect(outsider.invite({ workspaceId, email: "x@example.test", role: "MEMBER" })).rejects.toMatchObject(notFound);
    await expect(outsider.revokeInvitation({ workspaceId, invitationId: invitation.id })).rejects.toMatchObject(notFound);
    await expect(outsider.changeRole({ workspaceId, userId: owner.user.id, role: "VIEWER" })).rejects.toMatchObject(notFound);
    await expect(outsider.removeMember({ workspaceId, userId: owner.user.id })).rejects.toMatchObject(notFound);
    await expect(outsider.leave({ workspaceId })).rejects.toMatchObject(notFound);
    // Their own workspace's id does not reach into this one either.
    await expect(outsider.revokeInvitation({ workspaceId: other.workspaceId, invitationId: invitation.id })).rejects.toMatchObject(notFound);
    await expect(outsider.changeRole({ workspaceId: other.workspaceId, userId: owner.user.id, role: "VIEWER" })).rejects.toMatchObject(notFound);
    await expect(outsider.removeMember({ workspaceId: other.workspaceId, userId: owner.user.id })).rejects.toMatchObject(notFound);
    expect(await owner.api.workspace.invitations({ workspaceId })).toHaveLength(1);
    expect(await database.prisma.membership.findMany({ where: { workspaceId }, select: { role: true } })).toEqual([{ role: "OWNER" }]);
  });

  it("refuses bad input with the field's message", async () => {
    const { owner, workspaceId } = await createTeam();
    await expect(owner.api.workspace.invite({ workspaceId, email: "not-an-email", role: "MEMBER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Enter a valid email address"),
    });
    await expect(owner.api.workspace.invite({ workspaceId, email: `${"a".repeat(250)}@example.test`, role: "MEMBER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // @ts-expect-error -- a role that does not exist, as a hand-written client might send
    await expect(owner.api.workspace.invite({ workspaceId, email: "ok@example.test", role: "SUPERUSER" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.api.workspace.changeRole({ workspaceId, userId: "nope", role: "MEMBER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Invalid id"),
    });
    await expect(owner.api.workspace.acceptInvitation({ token: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("malformed"),
    });
    await expect(owner.api.workspace.invitation({ token: "x".repeat(32) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A well-formed id of nobody in the workspace.
    await expect(owner.api.workspace.changeRole({ workspaceId, userId: (await createTestUser(database.prisma)).user.id, role: "MEMBER" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Member not found",
    });
    expect(await owner.api.workspace.invitations({ workspaceId })).toEqual([]);
  });
});
