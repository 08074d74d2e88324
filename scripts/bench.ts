// `npm run bench`: performance figures, printed as tables. Not a test: nothing here fails on speed.
// `npm run bench -- sse executor pipeline` runs the named benches only; no names runs them all.
import { benchExecutorOverhead, formatExecutorOverhead } from "../bench/executor-overhead";
import { benchExecutorThroughput, formatExecutorThroughput } from "../bench/executor-throughput";
import { formatPipelineLatency, runPipelineLatencyBench } from "../bench/pipeline-latency";
import { benchSseFanout } from "../bench/sse-fanout";
import { ms } from "../bench/stats";

const benches = ["sse", "executor", "pipeline"];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !benches.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(", ")}; known: ${benches.join(", ")}`);
  process.exit(2);
}
const wants = (name: string) => only.length === 0 || only.includes(name);

if (wants("sse")) {
  for (const kind of ["pglite", "postgres"] as const) {
    const result = await benchSseFanout({ kind, subscribers: 1000, events: 20 });
    console.log(
      `SSE fan-out (${kind}): ${result.subscribers} subscribers × ${result.events} events — delivered ${result.delivered}/${result.expected}, latency p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}`,
    );
  }
}

if (wants("executor")) {
  console.log(`\n${formatExecutorOverhead(await benchExecutorOverhead({ steps: 50, runs: 10 }))}`);
  console.log(`\n${formatExecutorThroughput(await benchExecutorThroughput({ runs: 100, steps: 5, maxConcurrentRuns: 100 }))}`);
}

if (wants("pipeline")) {
  // In a child process: the app's database and executor are process singletons.
  console.log(`\n${formatPipelineLatency(await runPipelineLatencyBench())}`);
}
process.exit(0);
