// Creates the next migration from prisma/schema.prisma, offline:
//
//   npm run db:migration:new -- <name>
//
// Prisma diffs the schema as of the last migration (prisma/migrations/schema.snapshot.prisma)
// against the current schema and writes the SQL to prisma/migrations/<timestamp>_<name>/.
// The "before" side is that snapshot rather than a database replaying the SQL files, so
// the diff needs no database, and hand-written additions to a migration.sql (triggers,
// data fixes) are invisible to it instead of being reverted by the next migration.
//
// Prisma 7's CLI cannot diff offline, so this runs Prisma 6 from tools/prisma-migrate
// (see its README.md).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const toolDir = path.join(root, "tools", "prisma-migrate");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");
const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
const lockPath = path.join(migrationsDir, "migration_lock.toml");

const LOCK_FILE = `# Written by npm run db:migration:new; the database provider all migrations are written for.
provider = "postgresql"
`;

// Prisma 6 insists on a datasource url even for a datamodel-only diff; Prisma 7 forbids one
// in the real schema. It is never connected to (the config supplies an in-memory PGlite).
const PLACEHOLDER_URL = "postgresql://offline@localhost/unused";

type DiffResult = { kind: "empty" } | { kind: "changes"; sql: string };

class UsageError extends Error {}

function migrationNameFromArgs(args: string[]): string {
  if (args.length !== 1 || !args[0]) {
    throw new UsageError("Usage: npm run db:migration:new -- <name>   (e.g. add_project_tags)");
  }
  const name = args[0]
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) throw new UsageError(`"${args[0]}" has no letters or digits to name a migration with.`);
  return name;
}

/** Installs the tool folder from its lockfile when missing or not matching its package.json. */
function ensureToolInstalled(): void {
  const manifest = JSON.parse(readFileSync(path.join(toolDir, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  const stale = Object.entries(manifest.dependencies).filter(
    ([name, version]) => installedVersion(path.join(toolDir, "node_modules", name)) !== version,
  );
  if (stale.length === 0) return;

  console.log(`Installing tools/prisma-migrate (${stale.map(([name]) => name).join(", ")})…`);
  const result = spawnSync("npm", ["ci", "--prefix", toolDir, "--no-audit", "--no-fund"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) {
    throw new Error("Installing tools/prisma-migrate failed (see npm's output above).");
  }
}

function installedVersion(packageDir: string): string | undefined {
  const file = path.join(packageDir, "package.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version;
}

/** The schema as Prisma 6 accepts it: no generator (Prisma 7 options), a placeholder url. */
function toDiffableSchema(schema: string, source: string): string {
  const withoutGenerators = schema.replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "");
  let hasDatasource = false;
  const withUrl = withoutGenerators.replace(/^datasource\s+\w+\s*\{/m, (opening) => {
    hasDatasource = true;
    return `${opening}\n  url = "${PLACEHOLDER_URL}"`;
  });
  if (!hasDatasource) throw new Error(`${source} has no datasource block.`);
  return withUrl;
}

async function existingMigrationNames(): Promise<string[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The schema the last migration was generated from, or null when there are no migrations yet. */
async function previousSchema(migrationNames: string[]): Promise<string | null> {
  const hasSnapshot = existsSync(snapshotPath);
  if (migrationNames.length > 0 && !hasSnapshot) {
    throw new Error(
      `prisma/migrations has migrations but no schema.snapshot.prisma, so there is nothing to diff against.\n` +
        `Restore it from git (it is the schema.prisma the latest migration was generated from).`,
    );
  }
  if (migrationNames.length === 0 && hasSnapshot) {
    throw new Error(
      `prisma/migrations/schema.snapshot.prisma exists but there are no migrations.\n` +
        `Delete it to generate a first migration from an empty database.`,
    );
  }
  return hasSnapshot ? readFile(snapshotPath, "utf8") : null;
}

function timestampNow(): string {
  // 2026-01-31T12:34:56.789Z -> 20260131123456 (UTC, like Prisma's own migration names)
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

function nextMigrationName(name: string, existing: string[]): string {
  const timestamp = timestampNow();
  const latest = existing.at(-1);
  if (latest && latest.slice(0, 14) >= timestamp) {
    throw new Error(
      `The latest migration (${latest}) is not older than now (${timestamp}); is the clock wrong?\n` +
        `Migrations are applied in name order, so a new one must sort after it.`,
    );
  }
  return `${timestamp}_${name}`;
}

/** Runs `prisma migrate diff` from tools/prisma-migrate; `from` null means an empty database. */
async function runPrismaDiff(from: string | null, to: string, workDir: string): Promise<DiffResult> {
  // Named after their sources so Prisma's error messages point the right way.
  const fromFile = path.join(workDir, "schema.snapshot.prisma");
  const toFile = path.join(workDir, "schema.prisma");
  const outFile = path.join(workDir, "migration.sql");
  await writeFile(toFile, toDiffableSchema(to, "prisma/schema.prisma"));
  if (from !== null) await writeFile(fromFile, toDiffableSchema(from, "prisma/migrations/schema.snapshot.prisma"));

  const cli = path.join(toolDir, "node_modules", "prisma", "build", "index.js");
  const args = [
    cli,
    "migrate",
    "diff",
    "--config",
    path.join(toolDir, "prisma.config.ts"),
    ...(from === null ? ["--from-empty"] : ["--from-schema-datamodel", fromFile]),
    "--to-schema-datamodel",
    toFile,
    "--script",
    "--exit-code",
    "--output",
    outFile,
  ];
  const { code, output } = await runNode(args, {
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    // Otherwise Prisma downloads a query engine it never uses here; any existing file will do.
    PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
  });
  // --exit-code: 0 = no difference, 2 = difference, anything else = error.
  if (code === 0) return { kind: "empty" };
  if (code === 2) return { kind: "changes", sql: await readFile(outFile, "utf8") };
  throw new Error(
    `prisma migrate diff failed (exit code ${code}):\n${output.trim()}\n` +
      `(Line numbers there are one more than in the original file: a datasource url line is added.)`,
  );
}

function runNode(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: toolDir,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // On Ctrl-C the child normally gets the signal too; forward it in case it was sent to us
    // alone, and stay alive so the caller's cleanup runs once the child has exited.
    const forward = () => child.kill("SIGINT");
    process.on("SIGINT", forward);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      process.off("SIGINT", forward);
      if (signal) reject(new Error(`prisma migrate diff was stopped by ${signal}.`));
      else resolve({ code, output });
    });
  });
}

/** Writes the migration, the snapshot and the lock file; on failure restores what was there. */
async function writeMigration(name: string, sql: string, schema: string): Promise<string> {
  const dir = path.join(migrationsDir, name);
  const hadMigrationsDir = existsSync(migrationsDir);
  const previous = {
    snapshot: existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null,
    lock: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
  };
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await writeFile(snapshotPath, schema);
    await writeFile(lockPath, LOCK_FILE);
    return dir;
  } catch (error) {
    await rm(hadMigrationsDir ? dir : migrationsDir, { recursive: true, force: true });
    if (hadMigrationsDir) {
      await restoreFile(snapshotPath, previous.snapshot);
      await restoreFile(lockPath, previous.lock);
    }
    throw error;
  }
}

async function restoreFile(file: string, content: string | null): Promise<void> {
  if (content === null) await rm(file, { force: true });
  else await writeFile(file, content);
}

async function main(): Promise<void> {
  const name = migrationNameFromArgs(process.argv.slice(2));
  ensureToolInstalled();

  // Read once: the snapshot must be exactly the schema the SQL was generated from,
  // even if the file is edited while Prisma runs.
  const schema = await readFile(schemaPath, "utf8");
  const existing = await existingMigrationNames();
  const from = await previousSchema(existing);

  const workDir = await mkdtemp(path.join(os.tmpdir(), "epic-new-migration-"));
  try {
    const base = from === null ? "an empty database" : existing.at(-1);
    console.log(`Diffing ${base} against prisma/schema.prisma…`);
    const diff = await runPrismaDiff(from, schema, workDir);
    if (diff.kind === "empty") {
      console.log("No changes: prisma/schema.prisma matches the latest migration. Nothing written.");
      return;
    }
    const dir = await writeMigration(nextMigrationName(name, existing), diff.sql, schema);
    console.log(`Created ${path.relative(root, path.join(dir, "migration.sql"))}`);
    console.log(
      "Review it (add hand-written SQL below the generated part if needed), then run `npm run db:migrate`.",
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
