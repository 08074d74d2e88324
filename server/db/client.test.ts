import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, testPostgresAdminUrl, type TestDatabase } from "../testing/test-database";

describe.runIf(testDatabaseKinds.includes("postgres"))("the PostgreSQL pool", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("survives the server closing its idle connections (a restart or failover) and keeps serving queries", async () => {
    expect(await database.prisma.user.count()).toBe(0); // leaves an idle client in the pool
    const name = (await database.prisma.$queryRaw<Array<{ name: string }>>`SELECT current_database() AS name`)[0]!.name;

    const admin = new pg.Client({ connectionString: testPostgresAdminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query("SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // The pool drops the dead connections; the next query opens a new one instead of failing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await database.prisma.user.count()).toBe(0);
  });
});
