// Faults: N runs on the real server (`scripts/start.ts`, PGlite on disk, embedded executor,
// offline provider) while its whole process tree is killed with SIGKILL M times at random
// moments, each time started again on the same data folder. Then counts what the crashes left:
// runs not finished, versions, deployments or agent steps made twice, agent tasks still RUNNING,
// files left in the scratch space — and how long each restart took to get every interrupted run
// going again. Not a test: it prints what it saw (the crash test, server/pipeline/
// crash-recovery.integration.test.ts, is the one that fails).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  freePort,
  inspectCrashDataDir,
  leftoverScratch,
  prepareCrashDataDir,
  restClient,
  startCrashServer,
  type CrashServer,
} from "../scripts/lib/crash-server";
import { providerFaultScenarios, runProviderFault, faultCallTimeoutSeconds, type ProviderFaultResult } from "../server/llm/testing/provider-faults";
import { formatTable } from "./pipeline-latency";
import { percentile } from "./stats";

const prompts = [
  "landing page for Rosie's Bakery with our menu and opening hours",
  "a todo list where I can add tasks and mark them done",
  "a portfolio site for a photographer with a gallery and a contact form",
  "a recipe collection with search by ingredient",
  "an event page for a community meetup with a schedule and RSVP form",
  "a habit tracker where I tick off daily habits",
  "a small CRM to keep track of customers and notes",
  "an inventory list for a bike shop with stock levels",
];

export type FaultsBenchResult = {
  runs: number;
  kills: number;
  completed: number;
  /** Runs that ended FAILED or CANCELLED (finished, but not live). */
  failed: number;
  duplicateVersions: number;
  duplicateDeployments: number;
  duplicateSteps: number;
  staleTasks: number;
  leakedFiles: number;
  /** "agent.resumed" and "step.resumed" events: steps cut off by a kill and run again (one event per interruption). */
  resumedSteps: number;
  /** Per restart: spawn → serving, and spawn → every run that was unfinished at the kill under way again (or finished). */
  readyMs: number[];
  recoverMs: number[];
  totalMs: number;
};

type Options = { runs?: number; kills?: number; seed?: number; log?: (line: string) => void };

/** A small seeded generator (mulberry32), so a bench's kill moments can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const finished = ["SUCCEEDED", "READY_WITH_GAPS", "FAILED", "CANCELLED"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchFaults({ runs = 6, kills = 2, seed = 17, log = () => {} }: Options = {}): Promise<FaultsBenchResult> {
  const random = seededRandom(seed);
  const dataDir = mkdtempSync(path.join(tmpdir(), "epic-bench-faults-data-"));
  const tmpDir = mkdtempSync(path.join(tmpdir(), "epic-bench-faults-tmp-"));
  let server: CrashServer | undefined;
  const startedAt = performance.now();
  try {
    const { token, workspaceId } = await prepareCrashDataDir(dataDir);
    const port = await freePort();
    log(`starting the server on port ${port} (builds first if the sources changed)`);
    server = await startCrashServer({ dataDir, tmpDir, port });
    const api = restClient(server.url, token);
    const runIds: string[] = [];
    for (let index = 0; index < runs; index++) runIds.push((await api.createProject(workspaceId, prompts[index % prompts.length]!)).runId);
    log(`${runs} runs started`);

    const readyMs: number[] = [];
    const recoverMs: number[] = [];
    for (let kill = 1; kill <= kills; kill++) {
      // A random moment while runs are still going: 1–6 s after the (re)start.
      await sleep(1000 + random() * 5000);
      const unfinished: string[] = [];
      for (const runId of runIds) if (!finished.includes(await api.runStatus(runId))) unfinished.push(runId);
      await server.kill();
      const killedAt = new Date();
      log(`kill ${kill}/${kills}: SIGKILL of the process tree with ${unfinished.length} run(s) unfinished`);
      const restartedAt = performance.now();
      server = await startCrashServer({ dataDir, tmpDir, port });
      readyMs.push(performance.now() - restartedAt);
      const restarted = restClient(server.url, token);
      // Resumed: finished, or an agent task started after the kill (the step that was cut off, or the next one).
      const waiting = new Set(unfinished);
      while (waiting.size > 0) {
        for (const runId of [...waiting]) {
          const { json } = await restarted.call<{ status: string; agentTasks: { startedAt: string | null }[] }>("GET", `/runs/${runId}`);
          const isGoing = finished.includes(json.status) || json.agentTasks.some((task) => task.startedAt !== null && new Date(task.startedAt) > killedAt);
          if (isGoing) waiting.delete(runId);
        }
        if (performance.now() - restartedAt > 300_000) throw new Error(`runs not resumed 300 s after restart ${kill}: ${[...waiting].join(", ")}`);
        if (waiting.size > 0) await sleep(100);
      }
      recoverMs.push(performance.now() - restartedAt);
      log(`restart ${kill}: serving after ${(readyMs.at(-1)! / 1000).toFixed(1)} s, every interrupted run going again after ${(recoverMs.at(-1)! / 1000).toFixed(1)} s`);
    }

    const statuses = await restClient(server.url, token).waitForRuns(runIds, 600_000);
    await server.stop();
    server = undefined;
    const report = await inspectCrashDataDir(dataDir);
    const values = Object.values(statuses);
    return {
      runs,
      kills,
      completed: values.filter((status) => status === "SUCCEEDED" || status === "READY_WITH_GAPS").length,
      failed: values.filter((status) => status === "FAILED" || status === "CANCELLED").length,
      duplicateVersions: report.duplicateVersions,
      duplicateDeployments: report.duplicateDeployments,
      duplicateSteps: report.duplicateSteps,
      staleTasks: report.staleTasks,
      leakedFiles: leftoverScratch(tmpDir).length,
      resumedSteps: Object.values(report.resumed).flat().length,
      readyMs,
      recoverMs,
      totalMs: performance.now() - startedAt,
    };
  } finally {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatFaults(result: FaultsBenchResult): string {
  const median = (values: number[]) => (values.length ? seconds(percentile([...values].sort((a, b) => a - b), 50)) : "—");
  const max = (values: number[]) => (values.length ? seconds(Math.max(...values)) : "—");
  return [
    `Faults: ${result.runs} runs on the real server (PGlite, embedded executor, offline provider), ${result.kills} × kill -9 of the whole process tree at random moments, restarted on the same data folder`,
    "",
    formatTable([
      ["runs", "kills", "completed", "failed", "dup versions", "dup deployments", "dup steps", "stale tasks", "leaked files", "steps resumed", "restart → serving (median / max)", "restart → all resumed (median / max)"],
      [
        String(result.runs),
        String(result.kills),
        `${result.completed}/${result.runs}`,
        String(result.failed),
        String(result.duplicateVersions),
        String(result.duplicateDeployments),
        String(result.duplicateSteps),
        String(result.staleTasks),
        String(result.leakedFiles),
        String(result.resumedSteps),
        `${median(result.readyMs)} / ${max(result.readyMs)}`,
        `${median(result.recoverMs)} / ${max(result.recoverMs)}`,
      ],
    ]),
    `(whole bench ${seconds(result.totalMs)})`,
  ].join("\n");
}

/**
 * The second table: a model provider answering 429, 500, garbage or nothing, scripted at the fake
 * provider (real wire formats over HTTP) and met by the real agent model layer and run budget.
 * Scenarios run one after another: their times are the back-off and Retry-After waits.
 */
export async function benchProviderFaults(log: (line: string) => void = () => {}): Promise<ProviderFaultResult[]> {
  const results: ProviderFaultResult[] = [];
  for (const scenario of providerFaultScenarios) {
    results.push(await runProviderFault(scenario));
    log(`${scenario.name}: ${results.at(-1)!.outcome}`);
  }
  return results;
}

export function formatProviderFaults(results: ProviderFaultResult[]): string {
  const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
  return [
    `Model provider faults: one structured call (the plan) through the real model layer (AI SDK, openai-compatible) against the fake provider; LLM_TIMEOUT_SECONDS=${faultCallTimeoutSeconds}. A failed call is what a pipeline step sees: the step is then retried twice more by the executor, except for a 401/400.`,
    "",
    formatTable([
      ["scenario", "calls", "retries", "outcome", "error shown (first 80 chars)", "time to outcome", "tokens counted"],
      ...results.map((result) => [
        result.name,
        String(result.calls),
        String(result.calls - 1),
        result.outcome,
        result.error ? clip(result.error) : "—",
        seconds(result.elapsedMs),
        String(result.tokens),
      ]),
    ]),
  ].join("\n");
}
