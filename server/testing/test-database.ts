// Throwaway databases for integration tests, migrated like production. Every integration
// test runs against each kind in `testDatabaseKinds`:
//
//   describe.each(testDatabaseKinds)("thing (%s)", (kind) => {
//     let db: TestDatabase;
//     beforeAll(async () => { db = await createTestDatabase(kind); });
//     afterAll(() => db.cleanup());
//   });
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDatabase, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";

export type TestDatabaseKind = "pglite" | "postgres";
export type TestDatabase = Database & { cleanup(): Promise<void> };

/** The server that test databases are created on; its own database is only used to create and drop them. */
export const testPostgresAdminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresAdminUrl, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// Locally, PostgreSQL is optional and skipped when not running. On CI it is required, so a
// missing server fails the tests instead of silently testing PGlite only.
const onCi = !!process.env.CI && !["0", "false"].includes(process.env.CI);
export const testDatabaseKinds: TestDatabaseKind[] =
  onCi || (await postgresReachable()) ? ["pglite", "postgres"] : ["pglite"];

/**
 * A fresh, empty database of the given kind with every migration applied (or none, with
 * `{ migrate: false }`, for testing migrations themselves). Call `cleanup()` when done: it
 * closes the database and deletes it.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const database = kind === "pglite" ? await createPGliteDatabase() : await createPostgresDatabase();
  if (options.migrate === false) return database;
  try {
    await migrateDatabase(database.driver, { migrationsDir, log: () => {} });
    return database;
  } catch (error) {
    await database.cleanup();
    throw error;
  }
}

async function createPGliteDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "epic-test-pglite-"));
  const database = createDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") });
  return {
    ...database,
    cleanup: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `epic_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testPostgresAdminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ kind: "postgres", connectionString: url.toString() });
  return {
    ...database,
    cleanup: async () => {
      await database.close();
      await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresAdminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const { host, pathname } = new URL(testPostgresAdminUrl);
    throw new Error(
      `Cannot reach the test PostgreSQL at ${host}${pathname} (${error instanceof Error ? error.message : error}). ` +
        `Start it, or point TEST_POSTGRES_URL at one.`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
