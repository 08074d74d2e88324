// The first-admin rule on an exposed server: with a setup token configured, only the sign-up that
// presents it becomes the admin, once; everyone else is a plain user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { countPlatformAdmins, signUpUser } from "./sign-up-user";

describe.each(testDatabaseKinds)("first admin with a setup token on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const setupToken = "a-one-time-setup-token-from-the-log";
  const roles = async (email: string) => (await database.prisma.user.findUniqueOrThrow({ where: { email } })).roles;

  it("a stranger who signs up first is a user; the token holder becomes the admin, once", async () => {
    await signUpUser(database.prisma, { email: "first@example.test", password: "long enough" }, { setupToken });
    expect(await roles("first@example.test")).toEqual(["USER"]);

    await expect(
      signUpUser(database.prisma, { email: "guess@example.test", password: "long enough", setupToken: "wrong-token-wrong-token" }, { setupToken }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await signUpUser(database.prisma, { email: "owner@example.test", password: "long enough", setupToken }, { setupToken });
    expect(await roles("owner@example.test")).toEqual(["USER", "ADMIN"]);

    await expect(signUpUser(database.prisma, { email: "again@example.test", password: "long enough", setupToken }, { setupToken })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await countPlatformAdmins(database.prisma)).toBe(1);
  });
});
