// The database behind an end-to-end flow test that drives the app's own singletons (the db, the
// embedded executor). Those read DATABASE_URL when they first load, so the choice is made here,
// before any server module is imported: PGlite in the test's data folder by default, or a fresh
// PostgreSQL database when EPIC_FLOW_DATABASE=postgres (set by the `*.postgres.integration.test.ts`
// twins, so each flow runs on both databases). Only leaf imports: nothing here may read the env.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type FlowDatabaseKind = "pglite" | "postgres";

const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL twins run: always on CI (a missing server fails there), else when reachable. */
export async function isPostgresFlowEnabled(): Promise<boolean> {
  if (process.env.CI && !["0", "false"].includes(process.env.CI)) return true;
  return withAdmin(async () => true).catch(() => false);
}

/** Points the app at the flow's database; `drop()` removes a PostgreSQL one after the app closed it. */
export async function pointAppAtFlowDatabase(): Promise<{ kind: FlowDatabaseKind; drop(): Promise<void> }> {
  if (process.env.EPIC_FLOW_DATABASE !== "postgres") {
    delete process.env.DATABASE_URL;
    return { kind: "pglite", drop: async () => {} };
  }
  const name = `epic_flow_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return {
    kind: "postgres",
    drop: async () => {
      delete process.env.DATABASE_URL;
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
