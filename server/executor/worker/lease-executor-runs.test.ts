import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { endLeasesOfEarlierProcess, leaseExecutorRuns } from "./lease-executor-runs";

// The executor's log lines, read back: getLogger hands out children of a logger writing here.
const lines = vi.hoisted(() => [] as Array<Record<string, unknown>>);
vi.mock("../../observability/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../observability/logger")>();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const captured = original.createLogger({ level: "trace", destination, isPretty: false });
  return { ...original, getLogger: (component: string) => captured.child({ component }) };
});

describe.each(testDatabaseKinds)("leaseExecutorRuns on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.cleanup());

  it('logs "lease expired" when it leases a run whose worker\'s lease ran out, and not for new work', async () => {
    const now = new Date();
    const expiredAt = new Date(now.getTime() - 5_000);
    await db.prisma.executorRun.create({
      data: { id: `expired-${kind}`, functionId: "app-fn", status: "RUNNING", event: {}, maxAttempts: 1, leaseOwner: "dead-worker/1", leaseExpiresAt: expiredAt, availableAt: expiredAt },
    });
    await db.prisma.executorRun.create({ data: { id: `fresh-${kind}`, functionId: "app-fn", event: {}, maxAttempts: 1, availableAt: expiredAt } });
    lines.length = 0;

    const { leased } = await leaseExecutorRuns(db.prisma, { workerId: "survivor", limit: 5, leaseMs: 30_000, now });
    expect(leased.map((run) => run.id)).toEqual([`expired-${kind}`, `fresh-${kind}`]);

    const expired = lines.filter((line) => typeof line.msg === "string" && line.msg.startsWith("lease expired"));
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      level: "warn",
      component: "executor",
      executorRunId: `expired-${kind}`,
      previousLeaseOwner: "dead-worker/1",
      leaseExpiredAt: expiredAt.toISOString(),
      expiredForMs: 5_000,
      workerId: "survivor",
    });
  });

  it("ends the leases an earlier process left (PGlite at start-up), so they are taken over on the first poll", async () => {
    const now = new Date();
    const held = new Date(now.getTime() + 25_000);
    await db.prisma.executorRun.create({
      data: { id: `held-${kind}`, functionId: "app-fn", status: "RUNNING", event: {}, maxAttempts: 1, leaseOwner: "earlier-process/1", leaseExpiresAt: held, availableAt: now },
    });
    await db.prisma.executorRun.create({ data: { id: `done-${kind}`, functionId: "app-fn", status: "COMPLETED", event: {}, maxAttempts: 1, leaseExpiresAt: held, availableAt: now } });
    const ids = [`held-${kind}`, `done-${kind}`];
    const leasedOfOurs = async () => (await leaseExecutorRuns(db.prisma, { workerId: "restarted", limit: 10, leaseMs: 30_000, now, onlyTakeovers: true })).leased.filter((run) => ids.includes(run.id));
    expect(await leasedOfOurs()).toEqual([]);

    // (The earlier test's runs, leased by "survivor", are ended too: this database has one owner now.)
    expect(await endLeasesOfEarlierProcess(db.prisma, now)).toBeGreaterThanOrEqual(1);

    const leased = await leasedOfOurs();
    expect(leased.map((run) => run.id)).toEqual([`held-${kind}`]);
    expect(leased[0]!.takenOverFrom?.leaseOwner).toBe("earlier-process/1");
  });
});
