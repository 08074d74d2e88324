// Handing ready runs to a worker. In one transaction: lock ready rows with SKIP LOCKED (so two
// workers never take the same run), then admit them while their concurrency keys have room.
// Counting the runs that hold a key is made safe across workers by a transaction-scoped
// advisory lock per key: the next worker to count the same key waits for our commit.
// Runs whose lease expired (their worker died) come first: a run already under way is taken over
// before new work starts, and `onlyTakeovers` leases nothing else (the worker loop asks for them
// even when it is at capacity, see executor.ts).
import { z } from "zod";
import type { Db } from "../../db/client";
import { getLogger } from "../../observability/logger";
import { createId } from "../store/create-id";
import { withTransaction } from "../store/with-transaction";

const log = getLogger("executor");

const ZConcurrency = z.array(z.object({ key: z.string(), limit: z.number() }));

/**
 * `leaseOwner` is a fencing token, new for every lease: every write of the driver checks it, so
 * a driver whose lease expired and was taken again — even by its own process — writes nothing.
 */
export type LeasedExecutorRun = {
  id: string;
  functionId: string;
  isFirstStart: boolean;
  leaseOwner: string;
  /** Set when the run was taken over: the lease that expired (its worker died or stalled). */
  takenOverFrom: { leaseOwner: string | null; leaseExpiredAt: Date } | null;
};

export type LeaseResult = {
  leased: LeasedExecutorRun[];
  /** Ready runs left waiting because a concurrency key was full. */
  blockedCount: number;
};

export async function leaseExecutorRuns(
  db: Db,
  {
    workerId,
    limit,
    leaseMs,
    now = new Date(),
    excludeIds = [],
    onlyTakeovers = false,
  }: { workerId: string; limit: number; leaseMs: number; now?: Date; excludeIds?: string[]; onlyTakeovers?: boolean },
): Promise<LeaseResult> {
  if (limit <= 0) return { leased: [], blockedCount: 0 };
  const result = await leaseInTransaction(db, { workerId, limit, leaseMs, now, excludeIds, onlyTakeovers });
  // After the commit, so a lease that rolled back (or was retried) is not reported.
  for (const run of result.leased) if (run.takenOverFrom) logExpiredLease(run, run.takenOverFrom, workerId, now);
  return result;
}

function logExpiredLease(run: LeasedExecutorRun, expired: NonNullable<LeasedExecutorRun["takenOverFrom"]>, workerId: string, now: Date): void {
  const { leaseOwner, leaseExpiredAt } = expired;
  log.warn(
    {
      executorRunId: run.id,
      functionId: run.functionId,
      previousLeaseOwner: leaseOwner ?? null,
      leaseExpiredAt: leaseExpiredAt.toISOString(),
      expiredForMs: Math.max(0, now.getTime() - leaseExpiredAt.getTime()),
      workerId,
    },
    "lease expired: its worker died or stalled; this worker leased the run",
  );
}

async function leaseInTransaction(
  db: Db,
  { workerId, limit, leaseMs, now, excludeIds, onlyTakeovers }: { workerId: string; limit: number; leaseMs: number; now: Date; excludeIds: string[]; onlyTakeovers: boolean },
): Promise<LeaseResult> {
  return withTransaction(db, async (tx) => {
    const nowText = now.toISOString();
    // Only a held lease sets leaseExpiresAt (parking, retrying and finishing clear it), so a
    // non-null one in the past is a dead worker's run.
    const candidates = await tx.$queryRaw<{ id: string; functionId: string; status: string; concurrency: unknown; leaseOwner: string | null; leaseExpiresAt: Date | null }[]>`
      SELECT id, "functionId", status::text AS status, concurrency, "leaseOwner", "leaseExpiresAt" FROM "ExecutorRun"
      WHERE status IN ('QUEUED', 'RUNNING', 'WAITING')
        AND "availableAt" <= ${nowText}::timestamp
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${nowText}::timestamp)
        AND (NOT ${onlyTakeovers}::boolean OR "leaseExpiresAt" IS NOT NULL)
        AND NOT (id = ANY(${excludeIds}::text[]))
      ORDER BY ("leaseExpiresAt" IS NULL), "availableAt", id
      LIMIT ${limit * 4}
      FOR UPDATE SKIP LOCKED`;
    if (candidates.length === 0) return { leased: [], blockedCount: 0 };

    const slotsByRun = new Map(candidates.map((run) => [run.id, ZConcurrency.catch([]).parse(run.concurrency)]));
    const keys = [...new Set([...slotsByRun.values()].flat().map((slot) => slot.key))].sort();
    const held = new Map<string, number>();
    if (keys.length > 0) {
      for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      const counts = await tx.$queryRaw<{ key: string; count: number }[]>`
        SELECT k AS key, count(*)::int AS count
        FROM "ExecutorRun", unnest("concurrencyKeys") AS k
        WHERE status = 'RUNNING'
          AND "leaseOwner" IS NOT NULL
          AND "leaseExpiresAt" >= ${nowText}::timestamp
          AND k = ANY(${keys}::text[])
        GROUP BY k`;
      for (const row of counts) held.set(row.key, Number(row.count));
    }

    const admitted: typeof candidates = [];
    let blockedCount = 0;
    for (const run of candidates) {
      if (admitted.length >= limit) break;
      const slots = slotsByRun.get(run.id) ?? [];
      if (slots.some((slot) => (held.get(slot.key) ?? 0) >= slot.limit)) {
        blockedCount++;
        continue;
      }
      for (const slot of slots) held.set(slot.key, (held.get(slot.key) ?? 0) + 1);
      admitted.push(run);
    }
    if (admitted.length === 0) return { leased: [], blockedCount };

    const expiresText = new Date(now.getTime() + leaseMs).toISOString();
    const leaseOwner = `${workerId}/${createId(now.getTime())}`;
    await tx.$executeRaw`
      UPDATE "ExecutorRun"
      SET "leaseOwner" = ${leaseOwner},
          "leaseExpiresAt" = ${expiresText}::timestamp,
          status = 'RUNNING',
          "startedAt" = COALESCE("startedAt", ${nowText}::timestamp)
      WHERE id = ANY(${admitted.map((run) => run.id)}::text[])`;
    return {
      leased: admitted.map((run) => ({
        id: run.id,
        functionId: run.functionId,
        isFirstStart: run.status === "QUEUED",
        leaseOwner,
        takenOverFrom: run.leaseExpiresAt ? { leaseOwner: run.leaseOwner, leaseExpiredAt: new Date(run.leaseExpiresAt) } : null,
      })),
      blockedCount,
    };
  });
}

/** Extends a held lease; false when the lease is gone (expired and taken, or the run ended). */
export async function renewLease(db: Db, { runId, leaseOwner, leaseMs }: { runId: string; leaseOwner: string; leaseMs: number }) {
  const { count } = await db.executorRun.updateMany({
    where: { id: runId, leaseOwner, status: "RUNNING" },
    data: { leaseExpiresAt: new Date(Date.now() + leaseMs) },
  });
  return count > 0;
}

/** When the earliest parked, queued or lease-expiring run becomes ready; null if none. */
export async function nextReadyTime(db: Db): Promise<Date | null> {
  const rows = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min(GREATEST("availableAt", COALESCE("leaseExpiresAt", "availableAt"))) AS at
    FROM "ExecutorRun"
    WHERE status IN ('QUEUED', 'RUNNING', 'WAITING')`;
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * Ends every lease at once: for a database only this process can open (PGlite on disk), whose
 * leases at start-up all belong to an earlier process of ours that died (a crash, `kill -9`).
 * Its runs are then taken over on the first poll instead of when their leases would expire.
 * Never call it on a database other instances share. Returns how many leases it ended.
 */
export async function endLeasesOfEarlierProcess(db: Db, now = new Date()): Promise<number> {
  const nowText = now.toISOString();
  const ended = await db.$executeRaw`
    UPDATE "ExecutorRun" SET "leaseExpiresAt" = ${new Date(now.getTime() - 1).toISOString()}::timestamp
    WHERE "leaseExpiresAt" >= ${nowText}::timestamp AND status IN ('QUEUED', 'RUNNING', 'WAITING')`;
  if (ended > 0) log.warn({ runs: ended }, "leases of an earlier process of this database (it stopped without releasing them) ended at start; its runs resume now");
  return ended;
}
