// Takeover on a busy survivor: one instance died holding a run's lease while the surviving
// instance is at full capacity with its own runs and has new work queued. The dead instance's run
// must resume within lease expiry plus one poll — not when the survivor has room again, and
// before the queued new work. First the dead instance is simulated the way it leaves the
// database: a run RUNNING under a lease nobody renews (as in executor.test.ts's fencing test).
// Then, on PostgreSQL, for real: a second executor in its own process (scripts/executor-crash-
// worker.ts) is killed with SIGKILL in the middle of a step, holding the run's lease.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import { getExecutorRun, sendExecutorEvent, startExecutor, type Executor } from ".";
import { createEmbeddedTestClient, createNextServeHandler, waitFor } from "./testing";

const POLL_MS = 200;
const DEAD_LEASE_MS = 1500;
const CAPACITY = 2;
// A loaded test machine: a few hundred milliseconds between "due" and "done" are not a failure.
const SLACK_MS = 1500;

describe.each(testDatabaseKinds)("executor takeover (%s)", { timeout: 120_000 }, (kind) => {
  const { client, signingKey } = createEmbeddedTestClient("takeover-test");
  /** runId → releases the busy run's step. */
  const gates = new Map<string, () => void>();
  const busy = client.createFunction({ id: "busy", triggers: [{ event: "takeover.busy" }] }, async ({ step, runId }) =>
    step.run("work", () => new Promise<string>((resolve) => gates.set(runId, () => resolve("busy done")))),
  );
  const resumable = client.createFunction({ id: "resumable", triggers: [{ event: "takeover.resumable" }] }, async ({ step }) => {
    await step.run("first", () => "one");
    await step.run("second", () => "two");
    return "resumed";
  });
  const handler = createNextServeHandler(client, [busy, resumable]);

  let database: TestDatabase;
  let survivor: Executor;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    survivor = startExecutor({ db: database.prisma, handler, signingKey, pollIntervalMs: POLL_MS, leaseMs: 10_000, maxConcurrentRuns: CAPACITY });
  });
  afterAll(async () => {
    for (const release of gates.values()) release();
    await survivor?.stop();
    await database?.cleanup();
  });

  const db = () => database.prisma;
  const runOf = async (eventName: string, functionId: string) => {
    const { ids } = await sendExecutorEvent(db(), { name: eventName, data: {} });
    return waitFor(() => db().executorRun.findFirst({ where: { eventId: ids[0], functionId } }).then((run) => run ?? undefined), { message: `a ${functionId} run` });
  };

  it("resumes a dead instance's run within lease expiry plus one poll while the survivor is at full capacity, before its queued work", async () => {
    // The survivor at full capacity: every slot holds a run inside a step that does not end.
    const own = [await runOf("takeover.busy", "takeover-test-busy"), await runOf("takeover.busy", "takeover-test-busy")];
    await waitFor(() => own.every((run) => gates.has(run.id)), { message: "the survivor's own runs to be busy" });

    // The dead instance's run: leased (RUNNING, a lease token) by an instance that then died.
    const orphan = await runOf("takeover.resumable", "takeover-test-resumable");
    const leaseExpiresAt = new Date(Date.now() + DEAD_LEASE_MS);
    const { count } = await db().executorRun.updateMany({
      where: { id: orphan.id, status: "QUEUED", leaseOwner: null },
      data: { status: "RUNNING", leaseOwner: "dead-instance/lease", leaseExpiresAt, startedAt: new Date() },
    });
    expect(count).toBe(1);
    // New work queued at the survivor, which has no room for it.
    const queued = await runOf("takeover.busy", "takeover-test-busy");

    const resumed = await waitFor(
      async () => {
        const run = await db().executorRun.findUniqueOrThrow({ where: { id: orphan.id } });
        return run.leaseOwner?.startsWith(`${survivor.workerId}/`) || run.status === "COMPLETED" ? { at: Date.now(), run } : undefined;
      },
      { timeoutMs: 30_000, message: "the dead instance's run to be taken over" },
    );
    expect(resumed.at - leaseExpiresAt.getTime()).toBeLessThanOrEqual(POLL_MS + SLACK_MS);
    const completed = await waitFor(async () => {
      const run = await getExecutorRun(db(), orphan.id);
      return run?.status === "COMPLETED" ? run : undefined;
    });
    expect(completed.output).toBe("resumed");

    // Meanwhile the survivor's own runs were still in their steps and the new work still waited.
    expect(own.every((run) => gates.has(run.id))).toBe(true);
    expect((await db().executorRun.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("QUEUED");

    // Once the survivor has room, the new work runs too.
    for (const run of own) gates.get(run.id)?.();
    await waitFor(() => gates.has(queued.id), { message: "the queued run to start" });
    gates.get(queued.id)?.();
    for (const run of [...own, queued]) {
      await waitFor(async () => ((await getExecutorRun(db(), run.id))?.status === "COMPLETED" ? true : undefined), { message: `run ${run.id} to complete` });
    }
  });
});

const workerScript = fileURLToPath(new URL("../../scripts/executor-crash-worker.ts", import.meta.url));
// Must match the worker's own leaseMs (scripts/executor-crash-worker.ts).
const WORKER_LEASE_MS = 1500;

describe.skipIf(!testDatabaseKinds.includes("postgres"))("executor takeover from a killed process (postgres)", { timeout: 180_000 }, () => {
  // The survivor serves the worker's function too (same app id and function id, same steps and effects).
  const { client, signingKey } = createEmbeddedTestClient("crash-test");
  const gates = new Map<string, () => void>();
  let database: TestDatabase;
  let survivor: Executor | undefined;
  let worker: ChildProcess | undefined;
  const db = () => database.prisma;
  const recordEffect = (runId: string, step: string) => db().$executeRaw`INSERT INTO "ExecutorCrashTestEffect" ("runId", "step") VALUES (${runId}, ${step})`;
  const busy = client.createFunction({ id: "busy", triggers: [{ event: "takeover.busy" }] }, async ({ step, runId }) =>
    step.run("work", () => new Promise<string>((resolve) => gates.set(runId, () => resolve("busy done")))),
  );
  const durable = client.createFunction({ id: "durable", triggers: [{ event: "crash.test" }] }, async ({ event, step, runId }) => {
    await step.run("first", () => recordEffect(runId, "first"));
    await step.sleep("nap", String(event.data.nap));
    await step.run("second", () => recordEffect(runId, "second"));
    await step.run("third", () => recordEffect(runId, "third"));
    return "done";
  });

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    await db().$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "ExecutorCrashTestEffect" ("id" serial PRIMARY KEY, "runId" text NOT NULL, "step" text NOT NULL)`);
  });
  afterAll(async () => {
    worker?.kill("SIGKILL");
    for (const release of gates.values()) release();
    await survivor?.stop();
    await database?.cleanup();
  });

  it("resumes the runs of an executor killed with SIGKILL mid-step within lease expiry plus one poll, the survivor at full capacity", async () => {
    survivor = startExecutor({ db: db(), handler: createNextServeHandler(client, [busy, durable]), signingKey, pollIntervalMs: POLL_MS, leaseMs: 10_000, maxConcurrentRuns: CAPACITY });
    for (let index = 0; index < CAPACITY; index++) await sendExecutorEvent(db(), { name: "takeover.busy", data: {} });
    await waitFor(() => gates.size === CAPACITY || undefined, { message: "the survivor at full capacity" });

    // The other instance: its own process on the same database, sending its own work. The survivor,
    // full, leaves it alone; the worker hangs inside step "second", holding the run's lease.
    const connectionString = String((database.driver as Extract<TestDatabase["driver"], { kind: "postgres" }>).pool.options.connectionString);
    const child = spawn(process.execPath, ["--import", "tsx", workerScript], {
      cwd: path.dirname(path.dirname(workerScript)),
      env: { ...process.env, EXECUTOR_CRASH_DATABASE: JSON.stringify({ kind: "postgres", connectionString }), EXECUTOR_CRASH_SEND: JSON.stringify(["1s", "1s"]), EXECUTOR_CRASH_HANG: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    worker = child;
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const hanging = new Set<string>();
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.includes('"hanging"')) hanging.add((JSON.parse(line) as { runId: string }).runId);
    });
    await waitFor(() => hanging.size === 2 || undefined, { timeoutMs: 90_000, message: `both of the worker's runs to hang mid-step (stderr: ${stderr})` });
    const orphans = [...hanging];
    // SIGKILL: no lease released, nothing cleaned up.
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const leases = await db().executorRun.findMany({ where: { id: { in: orphans } }, select: { id: true, leaseOwner: true, leaseExpiresAt: true } });
    expect(leases.every((run) => run.leaseOwner !== null && !run.leaseOwner.startsWith(`${survivor!.workerId}/`))).toBe(true);
    const leaseExpiresAt = Math.max(...leases.map((run) => run.leaseExpiresAt!.getTime()));
    expect(leaseExpiresAt - Date.now()).toBeLessThanOrEqual(WORKER_LEASE_MS);

    const takenOverAt = await waitFor(
      async () => {
        const runs = await db().executorRun.findMany({ where: { id: { in: orphans } }, select: { leaseOwner: true, status: true } });
        return runs.every((run) => run.leaseOwner?.startsWith(`${survivor!.workerId}/`) || run.status === "COMPLETED") ? Date.now() : undefined;
      },
      { timeoutMs: 30_000, message: "the killed worker's runs to be taken over" },
    );
    expect(takenOverAt - leaseExpiresAt).toBeLessThanOrEqual(POLL_MS + SLACK_MS);
    for (const runId of orphans) {
      await waitFor(async () => ((await getExecutorRun(db(), runId))?.status === "COMPLETED" ? true : undefined), { message: `run ${runId} to complete` });
    }
    // The survivor's own runs never left their step; every effect of the taken-over runs happened once
    // (the killed step never wrote its effect, and ran once more on the survivor).
    expect(gates.size).toBe(CAPACITY);
    const effects = await db().$queryRaw<{ runId: string; step: string; count: number }[]>`
      SELECT "runId", step, count(*)::int AS count FROM "ExecutorCrashTestEffect" GROUP BY "runId", step ORDER BY "runId", step`;
    expect(effects).toEqual(orphans.sort().flatMap((runId) => ["first", "second", "third"].map((step) => ({ runId, step, count: 1 }))));
  });
});
