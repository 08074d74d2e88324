// Whether this instance can do its job, part by part: the database answers, its schema has
// every committed migration, and a browser starts for QA's acceptance checks. Served by
// /api/ready. A missing browser makes the instance "degraded", not unready: runs still build,
// test and deploy (their browser checks marked not verified), so it should keep its traffic.
import type { BrowserStatus } from "../browser/browser-status";
import type { Database } from "../db/client";
import { readMigrationStatus } from "../db/migrate";

export type ReadinessReport = {
  status: "ready" | "degraded" | "unavailable";
  checks: {
    database: { status: "ok"; kind: "pglite" | "postgres" } | { status: "failed"; message: string };
    migrations: { status: "ok"; applied: number } | { status: "pending"; applied: number; pending: string[] } | { status: "failed"; message: string };
    browser:
      | { status: "ok" }
      | { status: "unavailable"; problem: string; message: string; effect: string; fix: string };
  };
};

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
}

export async function checkReadiness(input: { database: Database; browser: () => Promise<BrowserStatus>; migrationsDir?: string }): Promise<ReadinessReport> {
  const [database, browser] = await Promise.all([
    input.database.prisma.$queryRaw`SELECT 1`.then(
      () => ({ status: "ok" as const, kind: input.database.driver.kind }),
      (error: unknown) => ({ status: "failed" as const, message: messageOf(error) }),
    ),
    input.browser(),
  ]);
  let migrations: ReadinessReport["checks"]["migrations"] = { status: "failed", message: "the database is unavailable" };
  if (database.status === "ok") {
    try {
      const found = await readMigrationStatus(input.database.driver, { migrationsDir: input.migrationsDir });
      migrations = found.pending.length === 0 ? { status: "ok", applied: found.applied } : { status: "pending", applied: found.applied, pending: found.pending };
    } catch (error) {
      migrations = { status: "failed", message: messageOf(error) };
    }
  }
  const browserCheck: ReadinessReport["checks"]["browser"] = browser.isAvailable
    ? { status: "ok" }
    : {
        status: "unavailable",
        problem: browser.problem,
        message: browser.summary,
        effect: "Browser checks are unavailable: runs deploy what passed the static checks and the app's own tests, and end Ready with gaps with every browser check not verified.",
        fix: browser.fixCommand,
      };
  const isUsable = database.status === "ok" && migrations.status === "ok";
  return {
    status: !isUsable ? "unavailable" : browserCheck.status === "ok" ? "ready" : "degraded",
    checks: { database, migrations, browser: browserCheck },
  };
}

/** 503 only when the instance cannot serve at all; "degraded" still serves. */
export function readinessHttpStatus(report: ReadinessReport): number {
  return report.status === "unavailable" ? 503 : 200;
}
