// `npm run bench`: performance figures, printed as tables. Not a test: nothing here fails on speed.
// `npm run bench -- sse executor compiler pipeline dashboard api deploy-targets faults two-instances` runs the named benches only;
// no names runs them all but two-instances (it needs PostgreSQL and takes minutes).
// The faults bench takes `--runs N --kills M --seed S` (default 6 runs, 2 kills); two-instances takes `--runs N` (default 50).
import { parseArgs } from "node:util";
import { benchApiGateway, formatApiGateway, type ApiBenchResult } from "../bench/api-gateway";
import { benchCompiler, formatCompiler } from "../bench/compiler-latency";
import { benchDeployTargets } from "../bench/deploy-targets";
import { benchDashboardLoad, formatDashboardLoad } from "../bench/dashboard-load";
import { benchExecutorOverhead, formatExecutorOverhead } from "../bench/executor-overhead";
import { benchExecutorThroughput, formatExecutorThroughput } from "../bench/executor-throughput";
import { benchFaults, benchProviderFaults, formatFaults, formatProviderFaults } from "../bench/faults";
import { benchTwoInstances, formatTwoInstances } from "../bench/two-instances";
import { formatPipelineLatency, runPipelineLatencyBench } from "../bench/pipeline-latency";
import { benchSseFanout } from "../bench/sse-fanout";
import { ms } from "../bench/stats";
import { parseBrowserEnv } from "../server/browser/browser-env";
import { testDatabaseKinds } from "../server/testing/test-database";
import { setUpBrowser } from "./lib/browser-setup";

const benches = ["sse", "executor", "compiler", "pipeline", "dashboard", "api", "deploy-targets", "faults", "two-instances"];
const { values: flags, positionals: only } = parseArgs({
  options: { runs: { type: "string" }, kills: { type: "string", default: "2" }, seed: { type: "string", default: "17" } },
  allowPositionals: true,
});
const unknown = only.filter((name) => !benches.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(", ")}; known: ${benches.join(", ")}`);
  process.exit(2);
}
let wants = (name: string) => (only.length === 0 && name !== "two-instances") || only.includes(name);
const startedAt = performance.now();
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// The pipeline and dashboard figures include QA's browser checks: without a browser they would
// measure something else (runs that end "Ready with gaps"), so those two are skipped instead.
if (wants("pipeline") || wants("dashboard")) {
  const browser = await setUpBrowser(parseBrowserEnv(process.env), (line) => console.error(`[bench] ${line}`));
  if (!browser.isReady) {
    console.error(`[bench] Skipping the pipeline and dashboard benches: ${browser.reason}. Run: ${browser.fixCommand}`);
    const selected = wants;
    wants = (name) => selected(name) && name !== "pipeline" && name !== "dashboard";
  }
}

if (wants("sse")) {
  for (const kind of ["pglite", "postgres"] as const) {
    const result = await benchSseFanout({ kind, subscribers: 1000, events: 20 });
    console.log(
      `SSE fan-out (${kind}): ${result.subscribers} subscribers × ${result.events} events — delivered ${result.delivered}/${result.expected}, latency p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}`,
    );
  }
}

if (wants("executor")) {
  let since = performance.now();
  console.log(`\n${formatExecutorOverhead(await benchExecutorOverhead({ steps: 50, runs: 6 }))}\n(bench took ${elapsed(since)})`);
  since = performance.now();
  console.log(`\n${formatExecutorThroughput(await benchExecutorThroughput({ runs: 100, steps: 5, maxConcurrentRuns: 100 }))}\n(bench took ${elapsed(since)})`);
}

if (wants("compiler")) {
  const since = performance.now();
  console.log(`\n${formatCompiler(benchCompiler())}\n(bench took ${elapsed(since)})`);
}

if (wants("pipeline")) {
  const since = performance.now();
  // In a child process: the app's database and executor are process singletons.
  console.log(`\n${formatPipelineLatency(await runPipelineLatencyBench())}\n(bench took ${elapsed(since)})`);
}
if (wants("dashboard")) {
  const since = performance.now();
  const results = await benchDashboardLoad({ log: (line) => console.error(`[dashboard bench] ${line}`) });
  console.log(`\n${formatDashboardLoad(results)}\n(bench took ${elapsed(since)})`);
}
if (wants("api")) {
  const since = performance.now();
  const results: ApiBenchResult[] = [];
  for (const kind of testDatabaseKinds) {
    results.push(await benchApiGateway({ kind, requests: 300, concurrency: 4, log: (line) => console.error(`[api bench] ${line}`) }));
  }
  console.log(`\n${formatApiGateway(results)}\n(bench took ${elapsed(since)})`);
}
if (wants("deploy-targets")) {
  const since = performance.now();
  console.log(`\nDeploy time per target against its loopback fake (real SDKs):\n${(await benchDeployTargets(10)).join("\n")}\n(bench took ${elapsed(since)})`);
}
if (wants("faults")) {
  const since = performance.now();
  const result = await benchFaults({ runs: Number(flags.runs ?? 6), kills: Number(flags.kills), seed: Number(flags.seed), log: (line) => console.error(`[faults bench] ${line}`) });
  console.log(`\n${formatFaults(result)}\n(bench took ${elapsed(since)})`);
  const providerSince = performance.now();
  const providerResults = await benchProviderFaults((line) => console.error(`[faults bench] ${line}`));
  console.log(`\n${formatProviderFaults(providerResults)}\n(bench took ${elapsed(providerSince)})`);
}
if (wants("two-instances")) {
  const since = performance.now();
  const result = await benchTwoInstances({ runs: Number(flags.runs ?? 50), log: (line) => console.error(`[two-instances bench] ${line}`) });
  console.log(`\n${formatTwoInstances(result)}\n(bench took ${elapsed(since)})`);
}
console.log(`\nAll benches took ${elapsed(startedAt)}.`);
process.exit(0);
