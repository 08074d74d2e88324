// Executor throughput: many runs of a short function at once on one executor. We send every
// event in one batch and measure until the last run completed, then check in the database
// that every run did complete.
import { sendExecutorEvent } from "../server/executor";
import { testDatabaseKinds, type TestDatabaseKind } from "../server/testing/test-database";
import { createBenchApp, startBenchExecutor } from "./executor-overhead";
import { duration, formatTable } from "./pipeline-latency";
import { percentile } from "./stats";

export type ThroughputResult = {
  kind: TestDatabaseKind;
  expected: number;
  completed: number;
  totalMs: number;
  runsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
};

async function benchThroughputOn(kind: TestDatabaseKind, { runs, steps, maxConcurrentRuns }: { runs: number; steps: number; maxConcurrentRuns: number }) {
  const app = createBenchApp();
  const bench = await startBenchExecutor(kind, app, maxConcurrentRuns);
  try {
    // Warm-up (function sync, query plans), not counted.
    await bench.waitForRuns((await sendExecutorEvent(bench.database.prisma, { name: app.event, data: { steps } })).ids);

    const started = performance.now();
    const { ids } = await sendExecutorEvent(
      bench.database.prisma,
      Array.from({ length: runs }, (_, index) => ({ name: app.event, data: { steps, index } })),
    );
    const times = await bench.waitForRuns(ids, 180_000);
    const finishedAt = times.map((run) => run.completed ?? Number.NaN).filter((at) => !Number.isNaN(at));
    const totalMs = (finishedAt.length > 0 ? Math.max(...finishedAt) : performance.now()) - started;
    const latencies = finishedAt.map((at) => at - started).sort((a, b) => a - b);
    // Trust the database, not the events: every run COMPLETED, with all its steps.
    const completed = await bench.database.prisma.executorRun.count({
      where: { eventId: { in: ids }, functionId: app.functionId, status: "COMPLETED", output: { equals: steps } },
    });
    return {
      kind,
      expected: runs,
      completed,
      totalMs,
      runsPerSecond: (completed / totalMs) * 1000,
      latencyP50: percentile(latencies, 50),
      latencyP99: percentile(latencies, 99),
    } satisfies ThroughputResult;
  } finally {
    await bench.close();
  }
}

export async function benchExecutorThroughput({ runs = 100, steps = 5, maxConcurrentRuns = 100 } = {}) {
  const results: ThroughputResult[] = [];
  const skipped: TestDatabaseKind[] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    if (!testDatabaseKinds.includes(kind)) skipped.push(kind);
    else results.push(await benchThroughputOn(kind, { runs, steps, maxConcurrentRuns }));
  }
  return { runs, steps, maxConcurrentRuns, results, skipped };
}

export function formatExecutorThroughput(result: Awaited<ReturnType<typeof benchExecutorThroughput>>): string {
  const rows = [
    ["database", "completed", "total", "runs/s", "run latency p50", "run latency p99"],
    ...result.results.map((row) => [
      row.kind,
      `${row.completed}/${row.expected}`,
      duration(row.totalMs),
      row.runsPerSecond.toFixed(1),
      duration(row.latencyP50),
      duration(row.latencyP99),
    ]),
  ];
  const skipped = result.skipped.length > 0 ? `\n(skipped: ${result.skipped.join(", ")} — not reachable)` : "";
  return (
    `Executor throughput: ${result.runs} concurrent runs × ${result.steps} steps, one executor (maxConcurrentRuns ${result.maxConcurrentRuns}); latency = batch sent → run completed\n` +
    `${formatTable(rows)}${skipped}`
  );
}
