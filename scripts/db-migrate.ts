// `npm run db:migrate`: applies the committed migrations to the configured database
// (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR). The app also does this
// on start; this script is for deploy pipelines and for checking a migration by hand.
import { env } from "../server/env";
import { createDatabase, databaseConfigFromEnv, type DatabaseConfig } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";

/** Where the migrations go, without the password a connection string may contain. */
function describeTarget(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `PGlite at ${config.dataDir}`;
  const url = new URL(config.connectionString);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

async function main(): Promise<number> {
  const config = databaseConfigFromEnv(env);
  const target = describeTarget(config);
  const database = createDatabase(config);
  try {
    console.log(`Migrating ${target}`);
    const { applied } = await migrateDatabase(database.driver, { log: (line) => console.log(`  ${line}`) });
    console.log(applied.length === 0 ? "Database is up to date." : `Applied ${applied.length} migration(s).`);
    return 0;
  } catch (error) {
    console.error(`Migrating ${target} failed:\n${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    // An open PGlite (or pg pool) keeps the process alive.
    await database.close();
  }
}

process.exitCode = await main();
