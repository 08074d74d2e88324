// Crash recovery: a worker process (scripts/executor-crash-worker.ts) is killed with SIGKILL
// while one run sleeps and another is in the middle of a step; a second worker finishes both.
// Every step's side effect (a row written by the step) must exist exactly once. For PGlite the
// worker must own the database folder, so this process closes it first.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseConfig } from "../db/client";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";

const root = fileURLToPath(new URL("../..", import.meta.url));
const workerScript = path.join(root, "scripts", "executor-crash-worker.ts");

type WorkerLine = { type: string; name?: string; runId?: string } & Record<string, unknown>;

function startWorker(config: DatabaseConfig, env: Record<string, string>) {
  // tsx as a loader of this very process (not its CLI, which runs the script in a grandchild
  // that SIGKILL would not reach).
  const child = spawn(process.execPath, ["--import", "tsx", workerScript], {
    cwd: root,
    env: { ...process.env, EXECUTOR_CRASH_DATABASE: JSON.stringify(config), ...env },
  });
  const lines: WorkerLine[] = [];
  const waiters: { match: (line: WorkerLine) => boolean; resolve: (line: WorkerLine) => void }[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  readline.createInterface({ input: child.stdout }).on("line", (text) => {
    let line: WorkerLine;
    try {
      line = JSON.parse(text) as WorkerLine;
    } catch {
      return;
    }
    lines.push(line);
    for (const waiter of waiters.splice(0)) {
      if (waiter.match(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  liveWorkers.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      liveWorkers.delete(child);
      resolve(code);
    }),
  );

  return {
    child,
    lines,
    exited,
    /** Resolves at the first line matching `match`; fails if the worker exits or takes too long. */
    // Generous: on a loaded CI machine a PGlite worker can take a long time to start.
    waitForLine(match: (line: WorkerLine) => boolean, timeoutMs = 90_000): Promise<WorkerLine> {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker: no matching line in ${timeoutMs} ms; lines: ${JSON.stringify(lines)}; stderr:\n${stderr}`)), timeoutMs);
        waiters.push({ match, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`worker exited (${code}) before the expected line; stderr:\n${stderr}`));
        });
      });
    },
    async kill(): Promise<void> {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

const liveWorkers = new Set<ChildProcessWithoutNullStreams>();

// A failed or timed-out test must not leave workers behind (they also exit when stdin closes).
afterEach(() => {
  for (const child of liveWorkers) child.kill("SIGKILL");
  liveWorkers.clear();
});

const ZReport = z.object({
  runs: z.array(z.object({ id: z.string(), status: z.string(), output: z.unknown() })),
  effects: z.array(z.object({ runId: z.string(), step: z.string(), count: z.number() })),
});

describe.each(testDatabaseKinds)("executor crash recovery (%s)", (kind) => {
  it("resumes runs after SIGKILL (one sleeping, one in the middle of a step); every step's effect happens once", async () => {
    const database: TestDatabase = await createTestDatabase(kind);
    const driver = database.driver;
    const config: DatabaseConfig =
      driver.kind === "pglite"
        ? { kind: "pglite", dataDir: String(driver.pglite.dataDir) }
        : { kind: "postgres", connectionString: String(driver.pool.options.connectionString) };
    // The workers must be the only ones to open a PGlite folder.
    if (kind === "pglite") await database.close();
    try {
      // Two runs: one naps long enough to be asleep at the kill, the other wakes quickly and
      // hangs inside step "second", holding its lease, when the worker dies.
      const first = startWorker(config, { EXECUTOR_CRASH_SEND: JSON.stringify(["5s", "1s"]), EXECUTOR_CRASH_HANG: "1" });
      const hanging = await first.waitForLine((line) => line.type === "hanging");
      const sleeping = first.lines.find((line) => line.type === "step.sleeping" && line.runId !== hanging.runId);
      await first.kill();
      expect(sleeping).toBeDefined();

      const second = startWorker(config, { EXECUTOR_CRASH_EXPECT: "2" });
      const report = ZReport.parse(await second.waitForLine((line) => line.type === "report"));
      expect(await second.exited).toBe(0);

      const runIds = [String(sleeping?.runId), String(hanging.runId)].sort();
      expect(report.runs.map((run) => run.id).sort()).toEqual(runIds);
      expect(report.runs.every((run) => run.status === "COMPLETED" && run.output === "done")).toBe(true);
      expect(report.effects).toEqual(
        runIds.flatMap((runId) => ["first", "second", "third"].map((step) => ({ runId, step, count: 1 }))),
      );
    } finally {
      await database.cleanup();
    }
  }, 240_000);
});
