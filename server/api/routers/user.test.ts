import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpRules } from "../../auth/sign-up-rules";
import { authenticateUser } from "../../users/authenticate-user";
import { callerAs, createTestUser } from "../../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../../testing/test-database";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("accounts on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("signs up with a personal workspace owned by the new user, and signs in with the password", async () => {
    const anonymous = await callerAs(database.prisma, null, { "x-forwarded-for": "10.0.0.1" });
    const user = await anonymous.user.signUp({ email: "  Frank@Example.TEST ", password: "long enough", name: "Frank" });
    expect(user.email).toBe("frank@example.test");

    const stored = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    const memberships = await database.prisma.membership.findMany({ where: { userId: user.id }, include: { workspace: true } });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ role: "OWNER", workspace: { isPersonal: true, name: "Frank's workspace" } });

    expect(await authenticateUser(database.prisma, "frank@example.test", "long enough")).toMatchObject({ id: user.id });
    expect(await authenticateUser(database.prisma, "frank@example.test", "wrong password")).toBeNull();
    expect(await authenticateUser(database.prisma, "nobody@example.test", "long enough")).toBeNull();
  });

  it("refuses a duplicate email and a short password with clear messages", async () => {
    const anonymous = await callerAs(database.prisma, null, { "x-forwarded-for": "10.0.0.2" });
    await anonymous.user.signUp({ email: "gina@example.test", password: "long enough" });
    await expect(anonymous.user.signUp({ email: "GINA@example.test", password: "long enough" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already exists/),
    });
    await expect(anonymous.user.signUp({ email: "hank@example.test", password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await database.prisma.user.count({ where: { email: "hank@example.test" } })).toBe(0);
  });

  it("rate limits sign-ups per address, in the shared database", async () => {
    // The address is the stamped TCP peer (scripts/serve.ts); X-Forwarded-For is ignored without TRUST_PROXY.
    const anonymous = await callerAs(database.prisma, null, { "x-epic-client-address": "198.51.100.9", "x-forwarded-for": "203.0.113.1" });
    const outcomes: string[] = [];
    for (let index = 0; index <= signUpRules.perAddress.points; index++) {
      outcomes.push(
        await anonymous.user
          .signUp({ email: `flood-${index}@example.test`, password: "long enough" })
          .then(() => "ok", (error: TRPCError) => error.code),
      );
    }
    expect(outcomes.filter((outcome) => outcome === "ok")).toHaveLength(signUpRules.perAddress.points);
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
    // Another forwarded-for value from the same peer is still the same client.
    const spoofing = await callerAs(database.prisma, null, { "x-epic-client-address": "198.51.100.9", "x-forwarded-for": "203.0.113.2" });
    await expect(spoofing.user.signUp({ email: "flood-spoof@example.test", password: "long enough" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    const elsewhere = await callerAs(database.prisma, null, { "x-epic-client-address": "198.51.100.10" });
    await expect(elsewhere.user.signUp({ email: "flood-other@example.test", password: "long enough" })).resolves.toBeTruthy();
  });

  it("issues API tokens that authenticate as the user until revoked", async () => {
    const ivy = await createTestUser(database.prisma, "ivy");
    const token = await ivy.api.user.createApiToken({ name: "cli", workspaceId: ivy.workspace.id, scope: "WRITE" });
    expect(token.secret).toMatch(/^epic_/);
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).not.toContain(token.secret);

    const viaToken = await callerAs(database.prisma, null, { authorization: `Bearer ${token.secret}` });
    expect((await viaToken.user.me()).id).toBe(ivy.user.id);
    expect((await viaToken.workspace.list()).map((workspace) => workspace.id)).toEqual([ivy.workspace.id]);

    await ivy.api.user.revokeApiToken({ tokenId: token.id });
    const revoked = await callerAs(database.prisma, null, { authorization: `Bearer ${token.secret}` });
    await expect(revoked.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Tokens never manage tokens, not even their own revocation: only a session does.
    await expect(viaToken.user.revokeApiToken({ tokenId: token.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
