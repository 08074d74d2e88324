// Two instances, one PostgreSQL: two real servers (`scripts/start.ts`, what `npm start` runs)
// on one fresh PostgreSQL database, configured as an operator would run them behind a load
// balancer (the same NEXTAUTH_URL and secrets), each with its embedded executor. N runs are
// created through both instances' REST APIs at once, and each instance's executor takes whatever
// runs it leases. Then counts what matters when two workers share one queue: runs not finished,
// versions, deployments or agent steps made twice, agent steps that ran more than once, tasks
// left RUNNING — and how the runs spread over time. Not a test: it prints what it saw (the
// takeover test, server/executor/executor-takeover.test.ts, is the one that fails).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { freePort, inspectRunsDatabase, leftoverScratch, restClient, startCrashServer, type CrashServer } from "../scripts/lib/crash-server";
import { testPostgresAdminUrl, withAdminClient } from "../server/testing/test-database";
import { formatTable } from "./pipeline-latency";
import { percentile } from "./stats";

const prompts = [
  "a todo list where I can add tasks and mark them done",
  "landing page for Rosie's Bakery with our menu and opening hours",
  "a habit tracker where I tick off daily habits",
  "a recipe collection with search by ingredient",
  "a small CRM to keep track of customers and notes",
];

export type TwoInstancesBenchResult = {
  instances: number;
  runs: number;
  completed: number;
  failed: number;
  duplicateVersions: number;
  duplicateDeployments: number;
  duplicateSteps: number;
  /** Agent tasks beyond one per step (a step that ran twice: lost lease, double lease). */
  stepsRunTwice: number;
  staleTasks: number;
  leakedFiles: number;
  /** Queued → finished, per run. */
  runMs: number[];
  /** First run created → last run finished. */
  totalMs: number;
};

type Options = { runs?: number; log?: (line: string) => void };

const finished = ["SUCCEEDED", "READY_WITH_GAPS", "FAILED", "CANCELLED"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchTwoInstances({ runs = 50, log = () => {} }: Options = {}): Promise<TwoInstancesBenchResult> {
  const name = `epic_bench_two_${randomBytes(5).toString("hex")}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testPostgresAdminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ kind: "postgres", connectionString: url.toString() });
  const folders = [0, 1].map((index) => ({
    dataDir: mkdtempSync(path.join(tmpdir(), `epic-bench-two-${index}-data-`)),
    tmpDir: mkdtempSync(path.join(tmpdir(), `epic-bench-two-${index}-tmp-`)),
  }));
  const servers: CrashServer[] = [];
  try {
    await migrateDatabase(database.driver, { migrationsDir: path.join(process.cwd(), "prisma", "migrations"), log: () => {} });
    const { createTestUser } = await import("../server/testing/callers");
    const user = await createTestUser(database.prisma, "two-instances");
    const { secret: token } = await user.api.user.createApiToken({ workspaceId: user.workspace.id, name: "bench", scope: "WRITE" });

    const ports = [await freePort(), await freePort()];
    // What an operator sets for instances behind one load balancer: one public URL, shared secrets.
    const shared = {
      DATABASE_URL: url.toString(),
      NEXTAUTH_URL: `http://127.0.0.1:${ports[0]}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      // The bench sends every run at once; the API's per-user limits would turn most away.
      API_RATE_LIMIT_RUNS: String(runs * 2),
      API_RATE_LIMIT_WRITES: String(runs * 4),
    };
    for (const [index, folder] of folders.entries()) {
      log(`starting instance ${index + 1} on port ${ports[index]} (builds first if the sources changed)`);
      servers.push(await startCrashServer({ ...folder, port: ports[index]!, env: shared }));
    }

    const started = performance.now();
    const clients = servers.map((server) => restClient(server.url, token));
    const runIds = await Promise.all(Array.from({ length: runs }, (_, index) => clients[index % 2]!.createProject(user.workspace.id, prompts[index % prompts.length]!).then((created) => created.runId)));
    log(`${runs} runs created, half through each instance`);

    // Read from the database, not the API: polling 50 runs over REST would only measure its rate limit.
    for (;;) {
      const rows = await database.prisma.run.findMany({ where: { id: { in: runIds } }, select: { status: true } });
      const done = rows.filter((row) => finished.includes(row.status)).length;
      if (done === runs) break;
      if (performance.now() - started > 3_600_000) throw new Error(`${runs - done} runs not finished after an hour`);
      await sleep(2000);
    }
    const totalMs = performance.now() - started;
    log(`all ${runs} runs finished after ${(totalMs / 1000).toFixed(0)} s`);
    await Promise.all(servers.map((server) => server.stop()));

    const report = await inspectRunsDatabase(database.prisma);
    const tasks = await database.prisma.agentTask.groupBy({ by: ["runId", "agentName", "taskType", "round"], where: { runId: { in: runIds } }, _count: { _all: true } });
    const rows = await database.prisma.run.findMany({ where: { id: { in: runIds } }, select: { status: true, queuedAt: true, finishedAt: true } });
    return {
      instances: 2,
      runs,
      completed: rows.filter((row) => row.status === "SUCCEEDED" || row.status === "READY_WITH_GAPS").length,
      failed: rows.filter((row) => row.status === "FAILED" || row.status === "CANCELLED").length,
      duplicateVersions: report.duplicateVersions,
      duplicateDeployments: report.duplicateDeployments,
      duplicateSteps: report.duplicateSteps,
      stepsRunTwice: tasks.reduce((sum, group) => sum + group._count._all - 1, 0),
      staleTasks: report.staleTasks,
      leakedFiles: folders.reduce((sum, folder) => sum + leftoverScratch(folder.tmpDir).length, 0),
      runMs: rows.map((row) => (row.finishedAt?.getTime() ?? Date.now()) - row.queuedAt.getTime()),
      totalMs,
    };
  } finally {
    await Promise.all(servers.map((server) => server.kill()));
    await database.close();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => {});
    for (const folder of folders) {
      rmSync(folder.dataDir, { recursive: true, force: true });
      rmSync(folder.tmpDir, { recursive: true, force: true });
    }
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatTwoInstances(result: TwoInstancesBenchResult): string {
  const sorted = [...result.runMs].sort((a, b) => a - b);
  return [
    `Two instances on one PostgreSQL: ${result.runs} runs created at once through both REST APIs, each instance's embedded executor leasing from the one queue (offline provider, QA in Chromium)`,
    "",
    formatTable([
      ["instances", "runs", "completed", "failed", "dup versions", "dup deployments", "dup steps", "steps run twice", "stale tasks", "leaked files", "run time (median / p90 / max)", "all done"],
      [
        String(result.instances),
        String(result.runs),
        `${result.completed}/${result.runs}`,
        String(result.failed),
        String(result.duplicateVersions),
        String(result.duplicateDeployments),
        String(result.duplicateSteps),
        String(result.stepsRunTwice),
        String(result.staleTasks),
        String(result.leakedFiles),
        `${seconds(percentile(sorted, 50))} / ${seconds(percentile(sorted, 90))} / ${seconds(sorted.at(-1) ?? 0)}`,
        seconds(result.totalMs),
      ],
    ]),
  ].join("\n");
}
