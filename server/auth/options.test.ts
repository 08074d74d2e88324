import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { isOAuthSignInAllowed, shouldUseSecureCookies } from "./options";

describe.each(testDatabaseKinds)("GitHub sign-up obeys AUTH_SIGNUP_ENABLED on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("refuses new people while sign-up is closed, and lets existing accounts in", async () => {
    const newcomer = { provider: "github", providerAccountId: "1001", email: "new@example.test" };
    expect(await isOAuthSignInAllowed(database.prisma, newcomer, true)).toBe(true);
    expect(await isOAuthSignInAllowed(database.prisma, newcomer, false)).toBe(false);
    expect(await isOAuthSignInAllowed(database.prisma, { ...newcomer, email: null }, false)).toBe(false);

    const { user } = await createTestUser(database.prisma, "linked");
    await database.prisma.account.create({
      data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: "2002" },
    });
    expect(await isOAuthSignInAllowed(database.prisma, { provider: "github", providerAccountId: "2002", email: "other@example.test" }, false)).toBe(true);
    // Same email as an existing account: let NextAuth decide (it refuses unlinked accounts itself).
    expect(await isOAuthSignInAllowed(database.prisma, { provider: "github", providerAccountId: "3003", email: user.email.toUpperCase() }, false)).toBe(true);
  });
});

describe("session cookies", () => {
  it("are Secure whenever the public URL is HTTPS", () => {
    expect(shouldUseSecureCookies("https://epic.example.com")).toBe(true);
    expect(shouldUseSecureCookies("http://localhost:3000")).toBe(false);
    expect(shouldUseSecureCookies(undefined)).toBe(false);
  });
});
