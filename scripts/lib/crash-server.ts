// The real server for crash tests and the faults bench (bench/faults.ts): `scripts/start.ts`,
// what `npm start` runs, spawned on a data folder of its own (PGlite on disk, the embedded
// executor, the offline provider) with its own temporary folder, so whatever a step leaves in the
// scratch space can be counted. It is killed with SIGKILL — the whole process tree: start.ts, the
// Next server, Chromium, the app's test process — and started again on the same folder.
// Fault points (server/faults/fault-point.ts) let a test kill it inside a chosen step.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import type { FaultPoint } from "../../server/faults/fault-point";

const root = fileURLToPath(new URL("../..", import.meta.url));
const migrationsDir = path.join(root, "prisma", "migrations");
const finishedStatuses = ["SUCCEEDED", "READY_WITH_GAPS", "FAILED", "CANCELLED"];

/** The folder PGlite keeps the database in, under a data folder (as databaseConfigFromEnv has it). */
const pgliteDir = (dataDir: string) => path.join(dataDir, "pglite");

/** A migrated database in `dataDir` with one signed-up user and a WRITE API token of their workspace. */
export async function prepareCrashDataDir(dataDir: string): Promise<{ token: string; workspaceId: string }> {
  const database = createDatabase({ kind: "pglite", dataDir: pgliteDir(dataDir) });
  try {
    await migrateDatabase(database.driver, { migrationsDir, log: () => {} });
    const { createTestUser } = await import("../../server/testing/callers");
    const user = await createTestUser(database.prisma, "crash");
    const { secret } = await user.api.user.createApiToken({ workspaceId: user.workspace.id, name: "crash", scope: "WRITE" });
    return { token: secret, workspaceId: user.workspace.id };
  } finally {
    await database.close();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Every live process under `pid` (children, grandchildren…), read from /proc. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/**
 * SIGKILL for `pid` and everything under it, as `kill -9` of a whole tree would: frozen first
 * (SIGSTOP, until no new process appears), so none can fork or reparent away, then killed.
 * Chromium runs in a process group of its own, so killing the group alone would miss it.
 */
export function killProcessTree(pid: number): number[] {
  const frozen = new Set<number>([pid]);
  signal(pid, "SIGSTOP");
  for (let round = 0; round < 20; round++) {
    const found = descendantsOf(pid).filter((child) => !frozen.has(child));
    if (found.length === 0) break;
    for (const child of found) {
      frozen.add(child);
      signal(child, "SIGSTOP");
    }
  }
  for (const target of frozen) signal(target, "SIGKILL");
  return [...frozen];
}

export type FaultLine = { faultPoint: FaultPoint; runId: string };
export type TimedLine = { ms: number; line: string };

export type CrashServer = {
  url: string;
  pid: number;
  /** Resolves once a run stopped at `point` (server/faults/fault-point.ts): the run's id. */
  waitForFault(point: FaultPoint, timeoutMs?: number): Promise<string>;
  faults: FaultLine[];
  /** Every line the server printed, with the milliseconds since it was spawned (start-up timings). */
  lines: TimedLine[];
  /** kill -9 of the whole process tree; resolves when start.ts is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), then SIGKILL of whatever is left after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  output(): string;
};

export type CrashServerOptions = {
  dataDir: string;
  /** The server's TMPDIR: the scratch space (server/scratch/) is `<tmpDir>/epic-scratch`. */
  tmpDir: string;
  port: number;
  faultPoints?: FaultPoint[];
  env?: Record<string, string>;
  /** Start-up can build the app (first start, or sources changed): minutes on a small machine. */
  readyTimeoutMs?: number;
};

/** The environment of the harness itself that must not reach the server (Vitest's, mostly). */
const harnessOnly = /^(VITEST.*|NODE_ENV|SKIP_ENV_VALIDATION|EPIC_STAMPS_PEER_ADDRESS|EPIC_FAULT_POINTS|TEST|PORT|DATA_DIR|DATABASE_URL|NEXTAUTH_URL)$/;

export async function startCrashServer(options: CrashServerOptions): Promise<CrashServer> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !harnessOnly.test(name)) env[name] = value;
  Object.assign(env, {
    TMPDIR: options.tmpDir,
    NEXT_TELEMETRY_DISABLED: "1",
    // The harness polls its runs' statuses: the API's per-user read limit (300 a minute) would
    // otherwise slow the polling down, and with it what the crash tests and benches time.
    API_RATE_LIMIT_READS: "100000",
    ...(options.faultPoints?.length ? { EPIC_FAULT_POINTS: options.faultPoints.join(",") } : {}),
    ...options.env,
  });
  // tsx as a loader of the spawned node itself (not its CLI, which would add a process between).
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(options.port), "--data-dir", options.dataDir], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid!;
  const spawnedAt = performance.now();
  const lines: TimedLine[] = [];
  let output = "";
  const faults: FaultLine[] = [];
  const listeners = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const listener of listeners) listener();
  });
  const onLine = (line: string) => {
    output += `${line}\n`;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (lines.length < 5000) lines.push({ ms: Math.round(performance.now() - spawnedAt), line });
    if (line.startsWith("{") && line.includes('"faultPoint"')) {
      try {
        faults.push(JSON.parse(line) as FaultLine);
      } catch {
        // not ours
      }
    }
    for (const listener of listeners) listener();
  };
  readline.createInterface({ input: child.stdout! }).on("line", onLine);
  readline.createInterface({ input: child.stderr! }).on("line", onLine);

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const listener = () => {
        const found = check();
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (hasExited) {
          done();
          reject(new Error(`the server exited while waiting for ${what}; its output:\n${output.slice(-8000)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${what} within ${timeoutMs} ms; the server's output:\n${output.slice(-8000)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      listeners.add(listener);
      listener();
    });

  const server: CrashServer = {
    url: `http://127.0.0.1:${options.port}`,
    pid,
    faults,
    lines,
    output: () => output,
    waitForFault: (point, timeoutMs = 120_000) => waitFor(() => faults.find((line) => line.faultPoint === point)?.runId, timeoutMs, `run stopped at fault point "${point}"`),
    async kill() {
      if (!hasExited) killProcessTree(pid);
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (hasExited) return;
      signal(pid, "SIGTERM");
      const timer = setTimeout(() => killProcessTree(pid), graceMs);
      await exited;
      clearTimeout(timer);
      // A clean stop of start.ts ends the server; anything still under it (it was reparented) goes too.
      killProcessTree(pid);
    },
  };
  try {
    await waitFor(() => (/\[epic\] Ready in/.test(output) ? true : undefined), options.readyTimeoutMs ?? 600_000, "ready server");
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}

/** A small client of the server's REST API (server/api/rest), authenticated with an API token. */
export function restClient(baseUrl: string, token: string) {
  const call = async <T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<{ status: number; json: T }> => {
    // A client that polls is rate-limited like any other (300 reads a minute by default): on a 429
    // it waits as long as Retry-After says, as a well-behaved client would, then asks again.
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${baseUrl}/api/v1${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const retryAfter = Number(response.headers.get("retry-after"));
      if (response.status === 429 && attempt < 10 && Number.isFinite(retryAfter)) {
        await response.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, retryAfter) * 1000));
        continue;
      }
      return { status: response.status, json: (await response.json()) as T };
    }
  };
  return {
    call,
    /** A new project from a prompt; its first run starts at once. */
    async createProject(workspaceId: string, prompt: string): Promise<{ projectId: string; runId: string }> {
      const { status, json } = await call<{ project: { id: string }; run: { id: string } }>("POST", `/workspaces/${workspaceId}/projects`, { prompt });
      if (status !== 201) throw new Error(`creating a project answered ${status}: ${JSON.stringify(json)}`);
      return { projectId: json.project.id, runId: json.run.id };
    },
    async runStatus(runId: string): Promise<string> {
      const { status, json } = await call<{ status: string }>("GET", `/runs/${runId}`);
      if (status !== 200) throw new Error(`reading run ${runId} answered ${status}: ${JSON.stringify(json)}`);
      return json.status;
    },
    /** Polls until every run has finished; resolves with their statuses (throws after `timeoutMs`). */
    async waitForRuns(runIds: string[], timeoutMs = 180_000): Promise<Record<string, string>> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const statuses: Record<string, string> = {};
        for (const runId of runIds) statuses[runId] = await this.runStatus(runId);
        if (Object.values(statuses).every((status) => finishedStatuses.includes(status))) return statuses;
        if (Date.now() > deadline) throw new Error(`runs not finished after ${timeoutMs} ms: ${JSON.stringify(statuses)}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    },
  };
}

/** Files and folders under `dir`, as paths relative to it (none when it does not exist). */
function listTree(dir: string, prefix = ""): string[] {
  let entries: string[];
  try {
    entries = readdirSync(path.join(dir, prefix));
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const relative = path.join(prefix, entry);
    let isDirectory = false;
    try {
      isDirectory = statSync(path.join(dir, relative)).isDirectory();
    } catch {
      // removed meanwhile
    }
    return [relative, ...(isDirectory ? listTree(dir, relative) : [])];
  });
}

/** What steps may leave in the temporary folder: the scratch space, Chromium's own folder, and QA's folders of earlier releases and Playwright's. */
export function leftoverScratch(tmpDir: string): string[] {
  const legacy = /^(epic-qa-|epic-chromium-|playwright_chromiumdev_profile-|playwright-artifacts-)/;
  const topLevel = listTree(tmpDir).filter((entry) => !entry.includes(path.sep) && legacy.test(entry));
  return [...listTree(path.join(tmpDir, "epic-scratch")).map((entry) => path.join("epic-scratch", entry)), ...topLevel];
}

export type CrashReport = {
  runs: { id: string; status: string }[];
  /** Versions, deployments and completed agent steps beyond one per (run, step). */
  duplicateVersions: number;
  duplicateDeployments: number;
  duplicateSteps: number;
  /** Agent tasks still RUNNING (every run has finished, so none should be). */
  staleTasks: number;
  interruptedTasks: number;
  /** Step attempts still RUNNING (every run has finished, so none should be). */
  staleStepAttempts: number;
  /**
   * runId → its resumed events, one per interruption: "agent.resumed" as "<agent>/<taskType>[/<round>]",
   * "step.resumed" as "step <stepKey>[ reused <kind>]".
   */
  resumed: Record<string, string[]>;
  /** runId → its versions and preview deployments. */
  versions: Record<string, number>;
  deployments: Record<string, number>;
  /** runId → its qa.result events, in order: the round, how many checks were kept, and each check. */
  qaResults: Record<string, Array<{ attempt: number; kept: number; checks: Array<{ id: string; status: string; isFromEarlierAttempt: boolean; durationMs: number }> }>>;
  /** Rows of the QA check memo left (a finished QA step clears its own). */
  qaCheckMemoRows: number;
};

export type StoredQaCheck = { runId: string; stepKey: string; checkId: string; durationMs: number };

/** The QA check memo (QaCheckResult) as a killed server left it: the checks its QA steps had passed. */
export async function readQaCheckMemo(dataDir: string): Promise<StoredQaCheck[]> {
  const database = createDatabase({ kind: "pglite", dataDir: pgliteDir(dataDir) });
  try {
    const rows = await database.prisma.qaCheckResult.findMany({ orderBy: { createdAt: "asc" } });
    return rows.map((row) => ({ runId: row.runId, stepKey: row.stepKey, checkId: row.checkId, durationMs: Number((row.result as { durationMs?: unknown }).durationMs) }));
  } finally {
    await database.close();
  }
}

/** Reads what the runs left in the database, once the server is stopped (PGlite has one owner at a time). */
export async function inspectCrashDataDir(dataDir: string): Promise<CrashReport> {
  const database = createDatabase({ kind: "pglite", dataDir: pgliteDir(dataDir) });
  try {
    return await inspectRunsDatabase(database.prisma);
  } finally {
    await database.close();
  }
}

/** What the runs left in a database: duplicates, tasks still RUNNING, resumed steps, QA results. */
export async function inspectRunsDatabase(db: Database["prisma"]): Promise<CrashReport> {
  const runs = await db.run.findMany({ select: { id: true, status: true }, orderBy: { createdAt: "asc" } });
  const versions = await db.projectVersion.findMany({ where: { runId: { not: null } }, select: { runId: true, stepKey: true } });
  const deployments = await db.deployment.findMany({ where: { runId: { not: null } }, select: { runId: true, stepKey: true, target: true } });
  const tasks = await db.agentTask.findMany({ select: { id: true, runId: true, status: true, agentName: true, taskType: true, round: true } });
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const events = await db.runEvent.findMany({
    where: { type: { in: ["agent.resumed", "step.resumed", "agent.completed", "version.created", "qa.result"] } },
    select: { runId: true, type: true, payload: true },
    orderBy: [{ runId: "asc" }, { seq: "asc" }],
  });
  const staleStepAttempts = await db.stepAttempt.count({ where: { status: "RUNNING" } });
  const beyondOne = (keys: string[]) => keys.length - new Set(keys).size;
  const resumed: Record<string, string[]> = {};
  const completedSteps: string[] = [];
  const createdVersions: string[] = [];
  const qaResults: CrashReport["qaResults"] = {};
  for (const event of events) {
    const payload = event.payload as Record<string, unknown>;
    if (event.type === "qa.result") {
      const qa = payload as { attempt: number; keptFromEarlierAttempt?: number; checks: Array<{ id: string; status?: string; passed: boolean; isFromEarlierAttempt?: boolean; durationMs: number }> };
      (qaResults[event.runId] ??= []).push({
        attempt: qa.attempt,
        kept: qa.keptFromEarlierAttempt ?? 0,
        checks: qa.checks.map((check) => ({ id: check.id, status: check.status ?? (check.passed ? "passed" : "failed"), isFromEarlierAttempt: check.isFromEarlierAttempt ?? false, durationMs: check.durationMs })),
      });
    } else if (event.type === "agent.resumed") {
      (resumed[event.runId] ??= []).push([payload.agent, payload.taskType, payload.round].filter((part) => part !== undefined && part !== null).join("/"));
    } else if (event.type === "step.resumed") {
      const reused = payload.reused as { kind: string } | null;
      (resumed[event.runId] ??= []).push(`step ${String(payload.stepKey)}${reused ? ` reused ${reused.kind}` : ""}`);
    } else if (event.type === "agent.completed") {
      // One step, one completion: keyed by the step (agent, task, round), not by the attempt's task.
      const task = taskById.get(String(payload.taskId));
      completedSteps.push(task ? `${event.runId}/${task.agentName}/${task.taskType}/${task.round ?? ""}` : `${event.runId}/unknown task ${String(payload.taskId)}`);
    } else {
      createdVersions.push(`${event.runId}/${String(payload.versionId)}`);
    }
  }
  const count = (rows: { runId: string | null }[]) => {
    const byRun: Record<string, number> = {};
    for (const row of rows) if (row.runId) byRun[row.runId] = (byRun[row.runId] ?? 0) + 1;
    return byRun;
  };
  return {
    runs: runs.map((run) => ({ id: run.id, status: run.status })),
    duplicateVersions: beyondOne(versions.map((row) => `${row.runId}/${row.stepKey}`)) + beyondOne(createdVersions),
    duplicateDeployments: beyondOne(deployments.map((row) => `${row.runId}/${row.target}/${row.stepKey}`)),
    duplicateSteps: beyondOne(completedSteps),
    staleTasks: tasks.filter((task) => task.status === "RUNNING").length,
    staleStepAttempts,
    interruptedTasks: tasks.filter((task) => task.status === "INTERRUPTED").length,
    resumed,
    versions: count(versions),
    deployments: count(deployments.filter((row) => row.target === "preview")),
    qaResults,
    qaCheckMemoRows: await db.qaCheckResult.count(),
  };
}
