// Applies the committed SQL migrations in prisma/migrations (written by
// `npm run db:migration:new`) to PGlite or PostgreSQL. It runs on every app start, so the
// common case, nothing pending, costs two small queries.
//
// Bookkeeping uses Prisma's own `_prisma_migrations` table and checksums, so a database
// migrated here looks the same to Prisma's tooling as one migrated by `prisma migrate deploy`.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { Driver } from "./client";
import { getLogger } from "../observability/logger";

const migrateLog = getLogger("migrate");

export type MigrateOptions = {
  migrationsDir?: string;
  log?: (line: string) => void;
};

/** A migration problem that needs a person: the message says what happened and what to do. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

type Migration = { name: string; sql: string; checksum: string };

type MigrationRow = {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

/** The few operations the runner needs, over either driver. */
type Session = {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction; `exec` there may hold several statements. */
  transaction(work: (tx: TransactionSession) => Promise<void>): Promise<void>;
  /** Serialises runners across processes (Postgres); a no-op where there is one opener. */
  withMigrationLock<T>(log: (line: string) => void, work: () => Promise<T>): Promise<T>;
};

type TransactionSession = {
  exec(sql: string): Promise<void>;
  query(sql: string, params: unknown[]): Promise<void>;
};

// Same key as `prisma migrate deploy`, so this runner and Prisma's CLI also exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's DDL for its bookkeeping table.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function migrateDatabase(
  driver: Driver,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations");
  const log = options.log ?? ((line: string) => migrateLog.info(line));
  const migrations = await readMigrations(migrationsDir);

  if (driver.kind === "pglite") {
    return serialisePerPGlite(driver.pglite, () => run(pgliteSession(driver.pglite), migrations, log));
  }
  const client = await driver.pool.connect();
  let failed = false;
  try {
    return await run(postgresSession(client), migrations, log);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure the session may still hold the advisory lock or an aborted
    // transaction; closing it releases both, and failures are rare enough not to matter.
    client.release(failed);
  }
}

export type MigrationStatus = { applied: number; pending: string[] };

/**
 * Which committed migrations the database lacks, without applying anything (for /api/ready).
 * Throws MigrationError when the history cannot be trusted (a failed or edited migration).
 */
export async function readMigrationStatus(driver: Driver, options: Pick<MigrateOptions, "migrationsDir"> = {}): Promise<MigrationStatus> {
  const migrations = await readMigrations(options.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations"));
  const status = async (session: Session) => {
    const pending = pendingMigrations(migrations, await readHistory(session), () => {});
    return { applied: migrations.length - pending.length, pending: pending.map((migration) => migration.name) };
  };
  if (driver.kind === "pglite") return status(pgliteSession(driver.pglite));
  const client = await driver.pool.connect();
  try {
    return await status(postgresSession(client));
  } finally {
    client.release();
  }
}

async function run(
  session: Session,
  migrations: Migration[],
  log: (line: string) => void,
): Promise<{ applied: string[] }> {
  // Fast path, without the lock: usually everything is applied already.
  if (pendingMigrations(migrations, await readHistory(session), log).length === 0) return { applied: [] };

  return session.withMigrationLock(log, async () => {
    await session.query(CREATE_MIGRATIONS_TABLE);
    // Read again under the lock: another instance may have migrated in the meantime.
    const pending = pendingMigrations(migrations, await readHistory(session), () => {});
    const applied: string[] = [];
    for (const migration of pending) {
      log(`Applying ${migration.name}`);
      await applyMigration(session, migration);
      applied.push(migration.name);
    }
    return { applied };
  });
}

// ─── Migration files ─────────────────────────────────────────────────────────

async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  if (!existsSync(migrationsDir)) {
    throw new MigrationError(
      `No migrations directory at ${migrationsDir}. Start the app from the project root ` +
        `or pass migrationsDir.`,
    );
  }
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(names.map((name) => readMigration(migrationsDir, name)));
}

async function readMigration(migrationsDir: string, name: string): Promise<Migration> {
  const file = path.join(migrationsDir, name, "migration.sql");
  if (!existsSync(file)) {
    throw new MigrationError(
      `${path.join(migrationsDir, name)} has no migration.sql; remove the folder or restore the file.`,
    );
  }
  const bytes = await readFile(file);
  // Prisma's checksum: SHA-256 of the file's bytes, hex.
  return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
}

// ─── History ────────────────────────────────────────────────────────────────

async function readHistory(session: Session): Promise<MigrationRow[]> {
  const [table] = await session.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  if (!table?.exists) return [];
  return session.query<MigrationRow>(
    `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

/**
 * The migrations still to apply, in name order. Throws when the history cannot be trusted:
 * a migration that failed, or an applied one whose file has changed since.
 */
function pendingMigrations(
  migrations: Migration[],
  rows: MigrationRow[],
  log: (line: string) => void,
): Migration[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) throw failedMigrationError(failed);

  const appliedByName = new Map(live.map((row) => [row.migration_name, row]));
  for (const migration of migrations) {
    const row = appliedByName.get(migration.name);
    if (row && row.checksum !== migration.checksum) throw checksumMismatchError(migration, row);
  }

  const known = new Set(migrations.map((migration) => migration.name));
  const unknown = live.filter((row) => !known.has(row.migration_name)).map((row) => row.migration_name);
  if (unknown.length > 0) {
    log(`The database has migrations this code does not know (newer code ran against it?): ${unknown.join(", ")}`);
  }
  return migrations.filter((migration) => !appliedByName.has(migration.name));
}

function failedMigrationError(row: MigrationRow): MigrationError {
  return new MigrationError(
    `Migration ${row.migration_name} failed at ${row.started_at.toISOString()} and was rolled back, ` +
      `so none of it is applied; no further migrations run until it is resolved.\n` +
      `Error: ${row.logs ?? "(none recorded)"}\n` +
      `Fix the migration (or the data it tripped over), then mark the failure as resolved and start again:\n` +
      `  UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${row.id}';`,
  );
}

function checksumMismatchError(migration: Migration, row: MigrationRow): MigrationError {
  return new MigrationError(
    `Migration ${migration.name} was changed after it was applied to this database ` +
      `(checksum ${row.checksum} applied, ${migration.checksum} on disk).\n` +
      `Applied migrations must not be edited: restore the file from git and put the change ` +
      `into a new migration (npm run db:migration:new -- <name>).`,
  );
}

// ─── Applying ───────────────────────────────────────────────────────────────

/**
 * Applies one migration and its bookkeeping row in a single transaction, so it is either
 * fully applied or not at all. A failure is then recorded in its own statement, which stops
 * later runs until someone has looked at it.
 */
async function applyMigration(session: Session, migration: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await session.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, migration.checksum, migration.name],
      );
      await tx.exec(migration.sql);
      await tx.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordFailure(session, id, migration, message);
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back (nothing of it is applied): ${message}`,
      { cause: error },
    );
  }
}

async function recordFailure(session: Session, id: string, migration: Migration, message: string): Promise<void> {
  try {
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at)
       VALUES ($1, $2, $3, $4, now())`,
      [id, migration.checksum, migration.name, message],
    );
  } catch {
    // The connection is gone; the migration's own error, thrown next, is the one that matters.
  }
}

// ─── Drivers ────────────────────────────────────────────────────────────────

function pgliteSession(pglite: PGlite): Session {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    transaction: async (work) => {
      await pglite.transaction(async (tx) => {
        await work({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async (sql, params) => void (await tx.query(sql, params)),
        });
      });
    },
    // PGlite has a single opener (this process), so only callers within it can race;
    // serialisePerPGlite takes care of those.
    withMigrationLock: (_log, work) => work(),
  };
}

const pgliteRuns = new WeakMap<PGlite, Promise<unknown>>();

/** Runs one migration pass at a time per PGlite instance. */
function serialisePerPGlite<T>(pglite: PGlite, work: () => Promise<T>): Promise<T> {
  const previous = pgliteRuns.get(pglite) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(work);
  pgliteRuns.set(pglite, next);
  return next;
}

function postgresSession(client: pg.PoolClient): Session {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    transaction: async (work) => {
      await client.query("BEGIN");
      try {
        await work({
          exec: async (sql) => void (await client.query(sql)),
          query: async (sql, params) => void (await client.query(sql, params)),
        });
        await client.query("COMMIT");
      } catch (error) {
        // If ROLLBACK fails too, the connection is broken and gets discarded; keep the first error.
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    withMigrationLock: async <T>(log: (line: string) => void, work: () => Promise<T>) => {
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [
        ADVISORY_LOCK_KEY,
      ]);
      if (!rows[0]?.locked) {
        log("Waiting for another instance to finish migrating…");
        await client.query(`SELECT pg_advisory_lock($1)`, [ADVISORY_LOCK_KEY]);
      }
      const unlock = () => client.query(`SELECT pg_advisory_unlock($1)`, [ADVISORY_LOCK_KEY]);
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await unlock().catch(() => {}); // keep the error that matters
        throw error;
      }
      await unlock(); // if this fails, the caller discards the connection, and the lock with it
      return result;
    },
  };
}
