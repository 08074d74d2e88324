// Executor overhead per step: one function with N sequential `step.run` of an empty body, driven
// by the embedded executor on a fresh database, against the same body called directly. Every
// step is a round trip through the SDK's serve handler (which replays the memoized steps) plus
// the database writes that make it durable; this bench measures what that costs.
import { sendExecutorEvent, startExecutor, type Executor, type ExecutorRunEvent } from "../server/executor";
import { createEmbeddedTestClient, createNextServeHandler } from "../server/executor/testing";
import { createTestDatabase, testDatabaseKinds, type TestDatabase, type TestDatabaseKind } from "../server/testing/test-database";
import { duration, formatTable } from "./pipeline-latency";
import { percentile } from "./stats";

/** Runs one step: `step.run` under the executor, a plain call for the baseline. */
type StepRunner = (id: string, body: () => unknown) => Promise<unknown>;

/** The function body both ways: `steps` sequential steps with nothing in them. */
export async function sequentialSteps(run: StepRunner, steps: number): Promise<number> {
  for (let index = 0; index < steps; index++) await run(`step-${index}`, () => {});
  return steps;
}

/** A bench Inngest app configured like the product in embedded mode (signed, in-process sends). */
export function createBenchApp() {
  const { client, signingKey } = createEmbeddedTestClient("executor-bench");
  const steps = client.createFunction({ id: "steps", triggers: [{ event: "bench.steps" }], retries: 0 }, async ({ event, step }) =>
    sequentialSteps((id, body) => step.run(id, body), Number(event.data.steps)),
  );
  return { signingKey, handler: createNextServeHandler(client, [steps]), event: "bench.steps", functionId: "executor-bench-steps" };
}

export type BenchApp = ReturnType<typeof createBenchApp>;

/** Per run: performance.now() of its lifecycle events, as the executor reports them. */
export type RunTimes = { eventId: string | null; started?: number; steps: number[]; completed?: number; failed?: boolean };

/** A fresh database and a started executor that records run timings; `close()` tears both down. */
export async function startBenchExecutor(kind: TestDatabaseKind, app: BenchApp, maxConcurrentRuns: number) {
  const database: TestDatabase = await createTestDatabase(kind);
  const runs = new Map<string, RunTimes>();
  const byEventId = new Map<string, string>();
  const waiters = new Set<() => void>();
  const record = (event: ExecutorRunEvent) => {
    const now = performance.now();
    if (event.type === "run.queued") {
      runs.set(event.runId, { eventId: event.eventId, steps: [] });
      if (event.eventId) byEventId.set(event.eventId, event.runId);
    }
    const times = runs.get(event.runId);
    if (!times) return;
    if (event.type === "run.started") times.started = now;
    else if (event.type === "step.completed") times.steps.push(now);
    else if (event.type === "run.completed") times.completed = now;
    else if (event.type === "run.failed" || event.type === "run.cancelled") times.failed = true;
    if (event.type.startsWith("run.")) for (const wake of waiters) wake();
  };
  let executor: Executor;
  try {
    executor = startExecutor({
      db: database.prisma,
      driver: database.driver,
      handler: app.handler,
      signingKey: app.signingKey,
      maxConcurrentRuns,
      leaseMs: 60_000,
      onRunEvent: record,
    });
  } catch (error) {
    await database.cleanup();
    throw error;
  }

  /** Resolves once every event's run finished (or `timeoutMs` passed), with their timings. */
  async function waitForRuns(eventIds: string[], timeoutMs = 120_000): Promise<RunTimes[]> {
    const collect = () => eventIds.map((id) => runs.get(byEventId.get(id) ?? "")).filter((times): times is RunTimes => !!times);
    const isDone = () => {
      const found = collect();
      return found.length === eventIds.length && found.every((times) => times.completed !== undefined || times.failed);
    };
    if (!isDone()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(finish, timeoutMs);
        function finish() {
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        }
        function check() {
          if (isDone()) finish();
        }
        waiters.add(check);
      });
    }
    return collect();
  }

  return {
    database,
    waitForRuns,
    async close() {
      await executor.stop();
      await database.cleanup();
    },
  };
}

export type OverheadResult = {
  mode: string;
  runs: number;
  /** Per step, over every step of every measured run. */
  stepMedian: number;
  stepP99: number;
  /** Whole run (first step started → completed), median over runs. */
  runMedian: number;
  completed: number;
};

async function benchExecutorSteps(kind: TestDatabaseKind, { steps, runs }: { steps: number; runs: number }): Promise<OverheadResult> {
  const app = createBenchApp();
  const bench = await startBenchExecutor(kind, app, 4);
  try {
    const stepSamples: number[] = [];
    const runSamples: number[] = [];
    let completed = 0;
    // One warm-up run (function sync, query plans, JIT), not counted.
    for (let index = -1; index < runs; index++) {
      const { ids } = await sendExecutorEvent(bench.database.prisma, { name: app.event, data: { steps } });
      const [times] = await bench.waitForRuns(ids);
      if (index < 0 || !times || times.completed === undefined || times.started === undefined) continue;
      completed++;
      runSamples.push(times.completed - times.started);
      // The run.started → first step.completed gap is the first step; then step to step.
      let previous = times.started;
      for (const at of times.steps) {
        stepSamples.push(at - previous);
        previous = at;
      }
    }
    const sortedSteps = stepSamples.sort((a, b) => a - b);
    const sortedRuns = runSamples.sort((a, b) => a - b);
    return {
      mode: `executor (${kind})`,
      runs,
      stepMedian: percentile(sortedSteps, 50),
      stepP99: percentile(sortedSteps, 99),
      runMedian: percentile(sortedRuns, 50),
      completed,
    };
  } finally {
    await bench.close();
  }
}

async function benchDirectSteps({ steps, runs }: { steps: number; runs: number }): Promise<OverheadResult> {
  const direct: StepRunner = async (_id, body) => body();
  const stepSamples: number[] = [];
  const runSamples: number[] = [];
  for (let index = -100; index < runs; index++) {
    const started = performance.now();
    let previous = started;
    const run: StepRunner = async (id, body) => {
      const result = await direct(id, body);
      const now = performance.now();
      if (index >= 0) stepSamples.push(now - previous);
      previous = now;
      return result;
    };
    await sequentialSteps(run, steps);
    if (index >= 0) runSamples.push(performance.now() - started);
  }
  const sortedSteps = stepSamples.sort((a, b) => a - b);
  const sortedRuns = runSamples.sort((a, b) => a - b);
  return {
    mode: "direct (no executor)",
    runs,
    stepMedian: percentile(sortedSteps, 50),
    stepP99: percentile(sortedSteps, 99),
    runMedian: percentile(sortedRuns, 50),
    completed: runs,
  };
}

export async function benchExecutorOverhead({ steps = 50, runs = 10 } = {}) {
  const direct = await benchDirectSteps({ steps, runs: 1000 });
  const results: OverheadResult[] = [direct];
  const skipped: TestDatabaseKind[] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    if (!testDatabaseKinds.includes(kind)) {
      skipped.push(kind);
      continue;
    }
    results.push(await benchExecutorSteps(kind, { steps, runs }));
  }
  return { steps, runs, direct, results, skipped };
}

export function formatExecutorOverhead(result: Awaited<ReturnType<typeof benchExecutorOverhead>>): string {
  const ratio = (value: number) => (result.direct.stepMedian > 0 ? `×${Math.round(value / result.direct.stepMedian).toLocaleString("en-US")}` : "—");
  const rows = [
    ["mode", "runs ok", "ms/step median", "ms/step p99", "run median", "median vs direct"],
    ...result.results.map((row) => [
      row.mode,
      `${row.completed}/${row.runs}`,
      duration(row.stepMedian),
      duration(row.stepP99),
      duration(row.runMedian),
      row === result.direct ? "×1" : ratio(row.stepMedian),
    ]),
  ];
  const skipped = result.skipped.length > 0 ? `\n(skipped: ${result.skipped.join(", ")} — not reachable)` : "";
  return `Executor overhead: ${result.steps} sequential empty step.run per run\n${formatTable(rows)}${skipped}`;
}
