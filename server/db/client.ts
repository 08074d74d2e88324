// The one place that knows which database is behind Prisma: embedded PGlite on disk
// (the zero-setup default) or PostgreSQL when DATABASE_URL is set.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { getLogger } from "../observability/logger";
import { withTracedQueries } from "./traced-queries";

const log = getLogger("db");

export type Db = PrismaClient;

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; connectionString: string };

/** Raw access for the migration runner and LISTEN/NOTIFY; application code uses `prisma`. */
export type Driver = { kind: "pglite"; pglite: PGlite } | { kind: "postgres"; pool: pg.Pool };

export type Database = {
  prisma: Db;
  driver: Driver;
  close: () => Promise<void>;
};

export function databaseConfigFromEnv(env: { DATABASE_URL?: string; DATA_DIR?: string }): DatabaseConfig {
  return env.DATABASE_URL
    ? { kind: "postgres", connectionString: env.DATABASE_URL }
    : // The default repeats env.ts's for builds, which run with validation (and its defaults) skipped.
      { kind: "pglite", dataDir: path.resolve(env.DATA_DIR ?? ".data", "pglite") };
}

export type DatabaseOptions = {
  /** A span per query (server/db/traced-queries.ts): on when traces are exported. */
  isTraced?: boolean;
};

export function createDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): Database {
  const traced = (client: PrismaClient) => (options.isTraced ? withTracedQueries(client, "postgresql") : client);
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.connectionString, max: 10 });
    // An idle connection the server closes (restart, failover, a dropped database) is an 'error'
    // event on the pool; unheard, it would crash the process. The pool discards that client and
    // opens a new one on the next query, so logging is all there is to do.
    pool.on("error", (error) => log.warn({ err: error }, "an idle PostgreSQL connection was closed"));
    const prisma = traced(new PrismaClient({ adapter: new PrismaPg(pool) }));
    return {
      prisma,
      driver: { kind: "postgres", pool },
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  // PGlite creates only the last folder of its path.
  mkdirSync(path.dirname(config.dataDir), { recursive: true });
  const pglite = new PGlite(config.dataDir);
  const prisma = traced(new PrismaClient({ adapter: new PrismaPGlite(pglite) }));
  return {
    prisma,
    driver: { kind: "pglite", pglite },
    // $disconnect leaves PGlite open, and an open PGlite keeps the process alive.
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
