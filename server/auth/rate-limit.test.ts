import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";
import { consumeRateLimit } from "./rate-limit";

describe("fixed-window rate limiting", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("allows `limit` hits per window, then refuses until the next window", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));
    const results = [];
    for (const second of [1, 2, 3, 4]) results.push(await consumeRateLimit(database.prisma, "k", rule, at(second)));
    expect(results.map((result) => result.isAllowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(56);
    const nextWindow = await consumeRateLimit(database.prisma, "k", rule, new Date(Date.UTC(2026, 0, 1, 12, 1, 0)));
    expect(nextWindow).toMatchObject({ isAllowed: true, remaining: 2 });
  });
});
