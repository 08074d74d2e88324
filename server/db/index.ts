// The process-wide database. One instance per process: PGlite allows a single opener of
// its folder, and Next bundles modules more than once, so the instance lives on globalThis.
import { env } from "../env";
import { createRunEventBus, type RunEventBus } from "../runs/run-event-bus";
import { createDatabase, databaseConfigFromEnv, type Database } from "./client";
import { migrateDatabase } from "./migrate";

const globalForDb = globalThis as unknown as {
  __epicDatabase?: Database;
  __epicDatabaseReady?: Promise<Database>;
};

export function getDatabase(): Database {
  globalForDb.__epicDatabase ??= createDatabase(databaseConfigFromEnv(env));
  return globalForDb.__epicDatabase;
}

/** The database with every committed migration applied (done once per process). */
export function getMigratedDatabase(): Promise<Database> {
  globalForDb.__epicDatabaseReady ??= (async () => {
    const database = getDatabase();
    await migrateDatabase(database.driver);
    return database;
  })();
  return globalForDb.__epicDatabaseReady;
}

export type { Db, Database } from "./client";

const globalForBus = globalThis as unknown as { __epicRunEventBus?: RunEventBus };

/** The process-wide subscriber to run-event notifications (one LISTEN connection per process). */
export function getRunEventBus(): RunEventBus {
  globalForBus.__epicRunEventBus ??= createRunEventBus(getDatabase().driver);
  return globalForBus.__epicRunEventBus;
}
