// The process-wide database. One instance per process: PGlite allows a single opener of
// its folder, and Next bundles modules more than once, so the instance lives on globalThis.
import { env } from "../env";
import { createRunEventBus } from "../runs/run-event-bus";
import { APP_RECORDS_CHANNEL, createPrismaRecordStore } from "../app-data/prisma-record-store";
import type { AppRecordStore } from "../app-data/schemas";
import { createRunEventHub, type RunEventHub } from "../runs/run-event-hub";
import { createDatabase, databaseConfigFromEnv, type Database } from "./client";
import { migrateDatabase } from "./migrate";

const globalForDb = globalThis as unknown as {
  __epicDatabase?: Database;
  __epicDatabaseReady?: Promise<Database>;
};

export function getDatabase(): Database {
  globalForDb.__epicDatabase ??= createDatabase(databaseConfigFromEnv(env), { isTraced: Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT) });
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

const globalForHub = globalThis as unknown as { __epicRunEventHub?: RunEventHub };

/** The process-wide run-event reader: one LISTEN connection and one table reader per run. */
export function getRunEventHub(): RunEventHub {
  globalForHub.__epicRunEventHub ??= createRunEventHub({ db: getDatabase().prisma, bus: createRunEventBus(getDatabase().driver) });
  return globalForHub.__epicRunEventHub;
}

const globalForAppRecords = globalThis as unknown as { __epicAppRecordStore?: AppRecordStore };

/** The process-wide store of generated apps' shared records, with its own LISTEN channel. */
export function getAppRecordStore(): AppRecordStore {
  globalForAppRecords.__epicAppRecordStore ??= createPrismaRecordStore(getDatabase().prisma, createRunEventBus(getDatabase().driver, APP_RECORDS_CHANNEL));
  return globalForAppRecords.__epicAppRecordStore;
}
