// The owner keeps signing in while an attacker sprays wrong passwords at the account from many
// addresses; the attacker is slowed to a few guesses per address. Real limiter, real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { authenticateUser } from "../users/authenticate-user";
import { admitSignInAttempt, recordSignInResult, signInRules, type SignInAttempt } from "./sign-in-guard";

describe.each(testDatabaseKinds)("sign-in abuse limits on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  /** The whole sign-in path minus HTTP: admit, check the password, record the outcome. */
  async function signIn(attempt: SignInAttempt, password: string): Promise<"ok" | "wrong" | { retryAfterSeconds: number }> {
    const refusal = await admitSignInAttempt(database.prisma, attempt);
    if (refusal) return { retryAfterSeconds: refusal.retryAfterSeconds! };
    const user = await authenticateUser(database.prisma, attempt.email, password);
    await recordSignInResult(database.prisma, attempt, user !== null);
    return user ? "ok" : "wrong";
  }

  it("lets the owner in with the right password while an attacker sprays wrong ones", async () => {
    const { user } = await createTestUser(database.prisma, "owner");
    const owner = { email: user.email, address: "198.51.100.20" };

    // One attacking address: a few guesses, then 429 with a retry-after, for that pair only.
    const single: Array<Awaited<ReturnType<typeof signIn>>> = [];
    for (let index = 0; index < 8; index++) single.push(await signIn({ email: user.email, address: "203.0.113.1" }, `wrong-${index}`));
    expect(single.slice(0, signInRules.pair.points)).toEqual(Array(signInRules.pair.points).fill("wrong"));
    expect(single.at(-1)).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect((single.at(-1) as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(60);

    // Many attacking addresses push the account over its limit…
    for (let address = 2; address < 12; address++) {
      for (let index = 0; index < 3; index++) await signIn({ email: user.email, address: `203.0.113.${address}` }, "wrong");
    }
    // …after which an address that already failed gets no more guesses,
    expect(await signIn({ email: user.email, address: "203.0.113.5" }, "wrong")).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // a fresh address still gets one (wrong) guess, then none,
    expect(await signIn({ email: user.email, address: "203.0.113.99" }, "wrong")).toBe("wrong");
    expect(await signIn({ email: user.email, address: "203.0.113.99" }, "password-123")).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // and the owner, at their own address, signs in — again and again.
    expect(await signIn(owner, "password-123")).toBe("ok");
    expect(await signIn(owner, "password-123")).toBe("ok");
    // The owner on a new network too (a fresh pair with the right password).
    expect(await signIn({ ...owner, address: "198.51.100.77" }, "password-123")).toBe("ok");
  });

  it("limits one address across many accounts, and counts parallel attempts (no check-then-act gap)", async () => {
    // Admission only (no password hashing): every admitted attempt here is a failure.
    const admitted = async (attempt: SignInAttempt) => {
      const refusal = await admitSignInAttempt(database.prisma, attempt);
      if (!refusal) await recordSignInResult(database.prisma, attempt, false);
      return refusal === null;
    };
    const address = "203.0.113.200";
    const spray = await Promise.all(
      Array.from({ length: signInRules.address.points + 10 }, (_, index) => admitted({ email: `nobody-${index}@example.test`, address })),
    );
    expect(spray.filter(Boolean).length).toBeLessThanOrEqual(signInRules.address.points);
    expect(spray.filter((isAdmitted) => !isAdmitted).length).toBeGreaterThanOrEqual(10);

    const burst = await Promise.all(Array.from({ length: 20 }, () => admitted({ email: "parallel@example.test", address: "203.0.113.201" })));
    expect(burst.filter(Boolean).length).toBeLessThanOrEqual(signInRules.pair.points);
  });
});
