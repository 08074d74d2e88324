import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../server/testing/test-database";
import { signUpUser } from "../../server/users/sign-up-user";
import { isLoopbackHost, prepareSetupToken } from "./setup-token";

describe("npm start's setup token", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("is needed only beyond loopback, with open sign-up, while there is no admin", async () => {
    expect(isLoopbackHost("127.0.0.1") && isLoopbackHost("localhost") && isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(await prepareSetupToken(database.prisma, { host: "127.0.0.1", isSignUpEnabled: true })).toBeNull();
    expect(await prepareSetupToken(database.prisma, { host: "0.0.0.0", isSignUpEnabled: false })).toBeNull();
    const token = await prepareSetupToken(database.prisma, { host: "0.0.0.0", isSignUpEnabled: true });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await prepareSetupToken(database.prisma, { host: "::", isSignUpEnabled: true, configuredToken: "operator-chosen-token" })).toBe("operator-chosen-token");

    await signUpUser(database.prisma, { email: "admin@example.test", password: "long enough", setupToken: token! }, { setupToken: token! });
    expect(await prepareSetupToken(database.prisma, { host: "0.0.0.0", isSignUpEnabled: true })).toBeNull();
  });
});
