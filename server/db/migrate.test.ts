// @vitest-environment node
// The migration runner against real databases: every committed migration, then the ways a
// migration history can go wrong. Tests in a describe share one database and run in order.
import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import type { Driver } from "./client";
import { migrateDatabase, MigrationError } from "./migrate";

const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const migrationNames = (await readdir(migrationsDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const BROKEN = "99991231235959_broken";

async function query<T>(driver: Driver, sql: string, params: unknown[] = []): Promise<T[]> {
  if (driver.kind === "pglite") return (await driver.pglite.query<T>(sql, params)).rows;
  return (await driver.pool.query(sql, params)).rows as T[];
}

function migrate(driver: Driver, dir = migrationsDir) {
  return migrateDatabase(driver, { migrationsDir: dir, log: () => {} });
}

describe.each(testDatabaseKinds)("migrateDatabase on %s", (kind) => {
  let db: TestDatabase;
  const tempDirs: string[] = [];

  /** A copy of the real migrations directory, to tamper with. */
  async function copyOfMigrations(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), "epic-migrations-"));
    tempDirs.push(dir);
    await cp(migrationsDir, dir, { recursive: true });
    return dir;
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind, { migrate: false });
  });

  afterAll(async () => {
    await db?.cleanup();
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("applies every migration to a fresh database", async () => {
    const { applied } = await migrate(db.driver);
    expect(applied).toEqual(migrationNames);

    const tables = await query<{ table_name: string }>(
      db.driver,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "User", "Workspace", "Project", "Run", "RunEvent"]),
    );

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      db.driver,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const expected = await Promise.all(
      migrationNames.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(path.join(migrationsDir, name, "migration.sql")))
          .digest("hex"),
        finished_at: expect.any(Date),
      })),
    );
    expect(rows).toEqual(expected);
  });

  it("applies nothing when everything is applied", async () => {
    expect(await migrate(db.driver)).toEqual({ applied: [] });
  });

  it("refuses updates of RunEvent, but deletes a run's events with the run", async () => {
    const { prisma } = db;
    const user = await prisma.user.create({ data: { email: `append-only-${kind}@example.com` } });
    const workspace = await prisma.workspace.create({ data: { name: "W", slug: `append-only-${kind}` } });
    const project = await prisma.project.create({
      data: { workspaceId: workspace.id, userId: user.id, name: "P", originalPrompt: "build it" },
    });
    const run = await prisma.run.create({
      data: { projectId: project.id, prompt: "build it", events: { create: [{ seq: 1, type: "run.started" }] } },
    });

    await expect(
      prisma.runEvent.updateMany({ where: { runId: run.id }, data: { type: "rewritten" } }),
    ).rejects.toThrow(/RunEvent is append-only/);
    expect((await prisma.runEvent.findFirstOrThrow({ where: { runId: run.id } })).type).toBe("run.started");

    await prisma.run.delete({ where: { id: run.id } });
    expect(await prisma.runEvent.count({ where: { runId: run.id } })).toBe(0);
  });

  it("reports an applied migration whose file was changed", async () => {
    const dir = await copyOfMigrations();
    const first = migrationNames[0]!;
    await appendFile(path.join(dir, first, "migration.sql"), "\n-- edited after the fact\n");

    const result = migrate(db.driver, dir);
    await expect(result).rejects.toThrow(MigrationError);
    await expect(result).rejects.toThrow(`Migration ${first} was changed after it was applied`);
  });

  it("rolls a failing migration back entirely, then refuses to go on until it is resolved", async () => {
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, BROKEN));
    await writeFile(
      path.join(dir, BROKEN, "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
    );

    await expect(migrate(db.driver, dir)).rejects.toThrow(`Migration ${BROKEN} failed and was rolled back`);
    const [halfDone] = await query<{ exists: boolean }>(
      db.driver,
      `SELECT to_regclass('"HalfDone"') IS NOT NULL AS "exists"`,
    );
    expect(halfDone?.exists).toBe(false);

    // The failure is recorded, and blocks every later run, whatever the migrations directory.
    const [failed] = await query<{ id: string; logs: string }>(
      db.driver,
      `SELECT id, logs FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NULL`,
      [BROKEN],
    );
    expect(failed?.logs).toMatch(/NoSuchTable/);
    for (const attempt of [dir, migrationsDir]) {
      await expect(migrate(db.driver, attempt)).rejects.toThrow(
        new RegExp(`Migration ${BROKEN} failed at .* no further migrations run until it is resolved`, "s"),
      );
    }

    // The way out the error message describes: fix the migration, mark the failure resolved.
    await writeFile(path.join(dir, BROKEN, "migration.sql"), `CREATE TABLE "HalfDone" ("id" INTEGER);\n`);
    await query(db.driver, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [failed?.id]);
    expect(await migrate(db.driver, dir)).toEqual({ applied: [BROKEN] });
  });
});

// Only PostgreSQL has several sessions that could race; PGlite has one opener by design.
describe.skipIf(!testDatabaseKinds.includes("postgres"))("migrateDatabase on concurrent PostgreSQL instances", () => {
  it("migrates a fresh database once when instances start together", async () => {
    const fresh = await createTestDatabase("postgres", { migrate: false });
    try {
      // Two calls check out two pool connections: two sessions competing for the lock.
      const results = await Promise.all([migrate(fresh.driver), migrate(fresh.driver)]);
      expect(results.flatMap((result) => result.applied).sort()).toEqual(migrationNames);

      const counts = await query<{ migration_name: string; count: string }>(
        fresh.driver,
        `SELECT migration_name, count(*) AS count FROM "_prisma_migrations"
          GROUP BY migration_name ORDER BY migration_name`,
      );
      expect(counts).toEqual(migrationNames.map((name) => ({ migration_name: name, count: "1" })));
    } finally {
      await fresh.cleanup();
    }
  });
});
