// Whether this instance can do its job, part by part: the database answers, its schema has
// every committed migration, and a browser starts for QA's acceptance checks. Served by
// /api/ready. A missing browser makes the instance "degraded", not unready: runs still build,
// test and deploy (their browser checks marked not verified), so it should keep its traffic.
// So does running generated apps' tests without any sandbox; a sandbox weaker than bubblewrap
// (no network isolation) is reported as "weak" with its fix, and Chromium's own sandbox is listed.
import type { BrowserStatus } from "../browser/browser-status";
import type { ChromiumSandboxStatus } from "../browser/try-launch";
import { BWRAP_FIX, type SandboxKind, type SandboxStatus } from "../sandbox/sandbox-status";
import type { Database } from "../db/client";
import { readMigrationStatus } from "../db/migrate";

export type ReadinessReport = {
  status: "ready" | "degraded" | "unavailable";
  checks: {
    database: { status: "ok"; kind: "pglite" | "postgres" } | { status: "failed"; message: string };
    migrations: { status: "ok"; applied: number } | { status: "pending"; applied: number; pending: string[] } | { status: "failed"; message: string };
    browser:
      | { status: "ok"; isChromiumSandboxed: boolean; chromiumSandboxProblem?: string }
      /** BROWSER_WS_ENDPOINT: connected to a browser elsewhere, whose sandbox is its host's (not named: /api/ready is public). */
      | { status: "ok"; isRemote: true }
      | { status: "unavailable"; problem: string; message: string; effect: string; fix: string };
    /** Where QA runs generated apps' own tests (QA_SANDBOX). */
    qaSandbox:
      | { status: "ok"; kind: SandboxKind; message: string }
      | { status: "weak" | "none"; kind: SandboxKind; message: string; fix: string };
  };
};

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
}

function qaSandboxCheck(sandbox: SandboxStatus): ReadinessReport["checks"]["qaSandbox"] {
  if (!sandbox.warning) return { status: "ok", kind: sandbox.kind, message: sandbox.summary };
  // The summary of a refused sandbox carries the probe's error (with paths): not for anonymous callers.
  const message = sandbox.canRunTests ? sandbox.summary : `QA_SANDBOX=${sandbox.setting} is unavailable on this machine: generated apps' tests are not run (details in the server log).`;
  return { status: sandbox.kind === "none" ? "none" : "weak", kind: sandbox.kind, message, fix: BWRAP_FIX };
}

export async function checkReadiness(input: {
  database: Database;
  browser: () => Promise<BrowserStatus>;
  qaSandbox: () => Promise<SandboxStatus>;
  chromiumSandbox: () => ChromiumSandboxStatus;
  migrationsDir?: string;
}): Promise<ReadinessReport> {
  const [database, browser, sandbox] = await Promise.all([
    input.database.prisma.$queryRaw`SELECT 1`.then(
      () => ({ status: "ok" as const, kind: input.database.driver.kind }),
      (error: unknown) => ({ status: "failed" as const, message: messageOf(error) }),
    ),
    input.browser(),
    input.qaSandbox(),
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
  const chromium = input.chromiumSandbox();
  const browserCheck: ReadinessReport["checks"]["browser"] = browser.isAvailable
    ? browser.source === "remote"
      ? { status: "ok", isRemote: true }
      : chromium.isSandboxed
      ? { status: "ok", isChromiumSandboxed: true }
      : { status: "ok", isChromiumSandboxed: false, chromiumSandboxProblem: chromium.reason }
    : {
        status: "unavailable",
        problem: browser.problem,
        message: browser.summary,
        effect: "Browser checks are unavailable: runs deploy what passed the static checks and the app's own tests, and end Ready with gaps with every browser check not verified.",
        fix: browser.fixCommand,
      };
  const qaSandbox = qaSandboxCheck(sandbox);
  const isUsable = database.status === "ok" && migrations.status === "ok";
  return {
    status: !isUsable ? "unavailable" : browserCheck.status === "ok" && qaSandbox.status !== "none" ? "ready" : "degraded",
    checks: { database, migrations, browser: browserCheck, qaSandbox },
  };
}

/** 503 only when the instance cannot serve at all; "degraded" still serves. */
export function readinessHttpStatus(report: ReadinessReport): number {
  return report.status === "unavailable" ? 503 : 200;
}
