// Throwaway databases for integration tests, migrated like production. Every integration
// test runs against each kind in `testDatabaseKinds`:
//
//   describe.each(testDatabaseKinds)("thing (%s)", (kind) => {
//     let db: TestDatabase;
//     beforeAll(async () => { db = await createTestDatabase(kind); });
//     afterAll(() => db.cleanup());
//   });
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { createDatabase, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";

export type TestDatabaseKind = "pglite" | "postgres";
export type TestDatabase = Database & { cleanup(): Promise<void> };

/** The server that test databases are created on; its own database is only used to create and drop them. */
export const testPostgresAdminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const execFileAsync = promisify(execFile);
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
  if (options.migrate === false) return kind === "pglite" ? await createPGliteDatabase() : await createPostgresDatabase();
  // A copy of a database migrated once (per set of migrations) rather than migrating each one:
  // the same schema, made by the same runner, without paying for every migration in every test.
  return kind === "pglite" ? await createPGliteDatabase(await pgliteTemplate()) : await createPostgresDatabase(await postgresTemplate());
}

async function migrated(database: TestDatabase): Promise<TestDatabase> {
  try {
    await migrateDatabase(database.driver, { migrationsDir, log: () => {} });
    return database;
  } catch (error) {
    await database.cleanup();
    throw error;
  }
}

/** Short hash of the runner and every migration's name and SQL: a template is reused only for the very same schema. */
let migrationsHash: Promise<string> | undefined;
function hashMigrations(): Promise<string> {
  return (migrationsHash ??= (async () => {
    const hash = createHash("sha256").update(await readFile(fileURLToPath(new URL("../db/migrate.ts", import.meta.url))));
    for (const entry of (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      hash.update(entry).update(await readFile(path.join(migrationsDir, entry, "migration.sql")).catch(() => Buffer.alloc(0)));
    }
    return hash.digest("hex").slice(0, 16);
  })());
}

// Templates are shared by every test file and worker (and by later runs while the migrations are
// unchanged): each is made under a private name, then renamed into place; a worker that loses
// the race drops its own copy and uses the winner's.
const pgliteTemplatePrefix = "epic-test-pglite-template-";

async function pgliteTemplate(): Promise<string> {
  const hash = await hashMigrations();
  const target = path.join(os.tmpdir(), `${pgliteTemplatePrefix}${hash}`);
  if (await stat(target).then(() => true, () => false)) return target;
  const draft = await createPGliteDatabase();
  const draftDir = path.dirname(draft.dataDir!);
  try {
    await migrated(draft);
  } finally {
    await draft.close();
  }
  const made = path.join(os.tmpdir(), `${pgliteTemplatePrefix}${hash}.${process.pid}.${randomBytes(4).toString("hex")}`);
  await rename(path.join(draftDir, "pglite"), made);
  await rm(draftDir, { recursive: true, force: true });
  await rename(made, target).catch(() => rm(made, { recursive: true, force: true }));
  await sweepOldPGliteTemplates(hash);
  return target;
}

/** Templates of other migration sets, a day old: an earlier checkout's, no longer of use. */
async function sweepOldPGliteTemplates(current: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of await readdir(os.tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith(pgliteTemplatePrefix) || name.startsWith(`${pgliteTemplatePrefix}${current}`)) continue;
    const full = path.join(os.tmpdir(), name);
    const modifiedAt = (await stat(full).catch(() => null))?.mtimeMs ?? Infinity;
    if (modifiedAt < dayAgo) await rm(full, { recursive: true, force: true }).catch(() => {});
  }
}

/** The system's cp (about ten times faster than fs.cp on PGlite's thousand small files); fs.cp where there is none. */
async function copyFolder(from: string, to: string): Promise<void> {
  await execFileAsync("cp", ["-R", from, to]).catch(() => cp(from, to, { recursive: true }));
}

async function postgresTemplate(): Promise<string> {
  const name = `epic_test_template_${await hashMigrations()}`;
  const exists = await withAdminClient((admin) => admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
  if (exists.rowCount) return name;
  const draft = await createPostgresDatabase();
  try {
    await migrated(draft);
  } finally {
    await draft.close();
  }
  await withAdminClient(async (admin) => {
    // A closed pool's server sessions may still be ending: a rename needs the database to itself.
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [draft.name]);
    const renamed = await admin.query(`ALTER DATABASE "${draft.name}" RENAME TO "${name}"`).then(() => true, () => false);
    if (renamed) return;
    // Another worker's template won the race: use it, and drop ours.
    await admin.query(`DROP DATABASE IF EXISTS "${draft.name}" WITH (FORCE)`);
    const won = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!won.rowCount) throw new Error(`Could not make the test database template ${name}`);
  });
  return name;
}

async function createPGliteDatabase(template?: string): Promise<TestDatabase & { dataDir?: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "epic-test-pglite-"));
  if (template) await copyFolder(template, path.join(dir, "pglite"));
  const database = createDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") });
  return {
    ...database,
    dataDir: path.join(dir, "pglite"),
    cleanup: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(template?: string): Promise<TestDatabase & { name: string }> {
  const name = `epic_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  const url = new URL(testPostgresAdminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ kind: "postgres", connectionString: url.toString() });
  return {
    ...database,
    name,
    cleanup: async () => {
      await database.close();
      await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A client of the test PostgreSQL server's admin database (to create and drop databases), closed after `work`. */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
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
