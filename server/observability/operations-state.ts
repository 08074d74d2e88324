// What an operator needs to know right now, read from the database: the embedded executor's queue
// and lag, the pipeline's runs by state, and the agents failing in the last hour. /api/metrics
// turns it into gauges at scrape time; the admin health page shows it as it is.
import type { Db } from "../db";
import { getMetrics, sseConnectionCount, type Metrics } from "./metrics";

export type OperationsState = {
  executor: {
    runsByStatus: Record<string, number>;
    /** Runs that could be driven now: available and not leased by a live worker. */
    queueDepth: number;
    /** How long the oldest of those has waited past its availableAt (lease lag), in seconds. */
    oldestRunnableAgeSeconds: number;
    retryingSteps: number;
    unprocessedEvents: number;
  };
  runsByStatus: Record<string, number>;
  failingAgentsLastHour: Array<{ agent: string; failures: number; lastError: string | null }>;
  sseConnections: number;
  readAt: string;
};

export async function readOperationsState(db: Db, now = new Date()): Promise<OperationsState> {
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  const [executorRuns, runnable, retryingSteps, unprocessedEvents, runs, failures] = await Promise.all([
    db.executorRun.groupBy({ by: ["status"], _count: { _all: true } }),
    db.executorRun.aggregate({
      where: {
        status: { in: ["QUEUED", "RUNNING", "WAITING"] },
        availableAt: { lte: now },
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
      },
      _count: { _all: true },
      _min: { availableAt: true },
    }),
    db.executorStep.count({ where: { status: "RETRYING" } }),
    db.executorEvent.count({ where: { processedAt: null } }),
    db.run.groupBy({ by: ["status"], _count: { _all: true } }),
    db.agentTask.groupBy({ by: ["agentName"], where: { status: "FAILED", completedAt: { gte: hourAgo } }, _count: { _all: true }, orderBy: { agentName: "asc" } }),
  ]);
  const lastErrors = await Promise.all(
    failures.map((failure) =>
      db.agentTask.findFirst({ where: { agentName: failure.agentName, status: "FAILED", completedAt: { gte: hourAgo } }, orderBy: { completedAt: "desc" }, select: { error: true } }),
    ),
  );
  const oldest = runnable._min.availableAt;
  return {
    executor: {
      runsByStatus: Object.fromEntries(executorRuns.map((row) => [row.status, row._count._all])),
      queueDepth: runnable._count._all,
      oldestRunnableAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
      retryingSteps,
      unprocessedEvents,
    },
    runsByStatus: Object.fromEntries(runs.map((row) => [row.status, row._count._all])),
    failingAgentsLastHour: failures
      .map((failure, index) => ({ agent: failure.agentName, failures: failure._count._all, lastError: lastErrors[index]?.error?.slice(0, 300) ?? null }))
      .sort((a, b) => b.failures - a.failures),
    sseConnections: sseConnectionCount(),
    readAt: now.toISOString(),
  };
}

const EXECUTOR_RUN_STATUSES = ["QUEUED", "RUNNING", "WAITING", "COMPLETED", "FAILED", "CANCELLED"] as const;
const RUN_STATUSES = ["QUEUED", "RUNNING", "WAITING", "SUCCEEDED", "READY_WITH_GAPS", "FAILED", "CANCELLED"] as const;

/** Sets the scrape-time gauges from a fresh read (every status present, 0 when none). */
export function setStateGauges(state: OperationsState, metrics: Metrics = getMetrics()): void {
  for (const status of EXECUTOR_RUN_STATUSES) metrics.executorRuns.set({ status }, state.executor.runsByStatus[status] ?? 0);
  metrics.executorQueueDepth.set(state.executor.queueDepth);
  metrics.executorOldestRunnableAge.set(state.executor.oldestRunnableAgeSeconds);
  metrics.executorRetryingSteps.set(state.executor.retryingSteps);
  metrics.executorUnprocessedEvents.set(state.executor.unprocessedEvents);
  for (const status of RUN_STATUSES) metrics.runsByStatus.set({ status }, state.runsByStatus[status] ?? 0);
  metrics.agentFailuresLastHour.reset();
  for (const failing of state.failingAgentsLastHour) metrics.agentFailuresLastHour.set({ agent: failing.agent }, failing.failures);
}
