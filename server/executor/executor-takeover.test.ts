// Takeover on a busy survivor: one instance died holding a run's lease while the surviving
// instance is at full capacity with its own runs and has new work queued. The dead instance's run
// must resume within lease expiry plus one poll — not when the survivor has room again, and
// before the queued new work. The dead instance is simulated the way it leaves the database: a
// run RUNNING under a lease nobody renews (as in executor.test.ts's fencing test).
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
