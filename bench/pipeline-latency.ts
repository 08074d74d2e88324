// Pipeline latency: the product's real pipeline, in-process on the embedded executor with the
// offline provider (as server/pipeline/pipeline.test.ts runs it): ten prompts, one after the
// other, each from `project.create` to a ready preview (its run Succeeded or Ready with gaps: a
// deployed preview whose every planned requirement's checks ran in Chromium), against the browser
// floor (bench/browser-floor.ts) measured in the same child process before and after the runs. The app's database and executor are process singletons, so the measuring runs in a
// child process (`node --import tsx bench/pipeline-latency.ts`) that prints its figures as JSON;
// `runPipelineLatencyBench()` starts it and `formatPipelineLatency()` prints the table.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { RunEventPayload } from "../server/events/run-events";
import { isFinishedRunStatus } from "../server/events/run-statuses";
import { percentile } from "./stats";

export const pipelinePrompts = [
  "A todo app for tasks with priorities and due dates",
  "A small CRM for contacts, companies and deals",
  "An inventory tracker for products, stock levels and suppliers",
  "A recipe box with ingredients and cooking steps",
  "An expense tracker with categories and monthly totals",
  "A kanban board with columns and cards",
  "A sales dashboard with charts of revenue by region",
  "A landing page for a coffee subscription startup",
  "A pomodoro timer with work and break sessions",
  "A unit converter for length, weight and temperature",
];

export const pipelineAgents = ["PromptCompiler", "CodeGen", "DB", "Infra", "QA", "Deploy"] as const;

export type PipelineRunFigures = {
  prompt: string;
  status: string;
  /** Run.error when the run did not succeed. */
  error: string | null;
  /** project.create called → run finished with a preview (Run.finishedAt). */
  totalMs: number;
  /** Acceptance checks QA ran on the last version, and how many passed. */
  checks: number;
  checksPassed: number;
  /** The plan's requirements by outcome (passed, failed, unverified, unsupported). */
  requirements: Record<string, number>;
  /** project.create called → run started by the executor. */
  queuedMs: number;
  /** Agent → summed AgentTask durations (startedAt → completedAt) in this run. */
  agentMs: Record<string, number>;
};

export type PipelineLatencyResult = { runs: PipelineRunFigures[]; floorMs: number[] };

/** A run that ends with a deployed preview: Succeeded, or Ready with gaps (unmet requirements named). */
const isReadyPreview = (status: string) => status === "SUCCEEDED" || status === "READY_WITH_GAPS";

// The bench tables' formatting, shared with the executor benches. Kept here because this module
// must not import server code at load (the child sets DATA_DIR first).
/** A duration given in ms: µs below 0.1 ms (the direct baseline), seconds from 10 s. */
export const duration = (value: number) =>
  Number.isNaN(value)
    ? "—"
    : value < 0.1
      ? `${(value * 1000).toFixed(2)} µs`
      : value >= 10_000
        ? `${(value / 1000).toFixed(1)} s`
        : `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** A plain text table: first row is the header; numbers right-aligned, text left-aligned. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const isNumeric = (cell: string) => /^[\d×.,/ µms%—-]+$/.test(cell) && /\d/.test(cell);
  const line = (row: string[]) =>
    row.map((cell, column) => (isNumeric(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((width) => "─".repeat(width)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

const resultMarker = "PIPELINE_LATENCY_RESULT ";
const progressPrefix = "[pipeline bench] ";

/** The child's work: fresh DATA_DIR before any server module loads, then the runs. */
async function measureInThisProcess(prompts: string[]): Promise<PipelineLatencyResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "epic-bench-pipeline-"));
  process.env.DATA_DIR = dataDir;
  process.env.NEXTAUTH_URL ??= "http://localhost:3999";
  delete process.env.DATABASE_URL;

  const { getMigratedDatabase } = await import("../server/db");
  const { ensureAppExecutor } = await import("../inngest/embedded-executor");
  const { callerAs, createTestUser } = await import("../server/testing/callers");
  const { sendWithInngest } = await import("../server/pipeline/send-event");
  const { measureBrowserFloor } = await import("./browser-floor");

  const database = await getMigratedDatabase();
  const db = database.prisma;
  try {
    await ensureAppExecutor();
    const { user, workspace } = await createTestUser(db, "bench");
    const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);

    const floorMs = await measureBrowserFloor(5);
    console.error(`${progressPrefix}database migrated, executor started, browser floor ${floorMs.map(duration).join(", ")}; running ${prompts.length} prompts`);
    const runs: PipelineRunFigures[] = [];
    for (const prompt of prompts) {
      const calledAt = Date.now();
      const { run } = await api.project.create({ workspaceId: workspace.id, prompt });
      const deadline = Date.now() + 180_000;
      // Only the columns the figures need: the whole row carries the plan, and reading it 20 times
      // a second would load the one database thread the run itself is using.
      const readRun = () => db.run.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, error: true, startedAt: true, finishedAt: true } });
      let finished = await readRun();
      while (!isFinishedRunStatus(finished.status) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = await readRun();
      }
      const tasks = await db.agentTask.findMany({ where: { runId: run.id } });
      const agentMs: Record<string, number> = {};
      for (const task of tasks) {
        if (!task.startedAt || !task.completedAt) continue;
        agentMs[task.agentName] = (agentMs[task.agentName] ?? 0) + (task.completedAt.getTime() - task.startedAt.getTime());
      }
      const qa = await db.runEvent.findFirst({ where: { runId: run.id, type: "qa.result" }, orderBy: { seq: "desc" } });
      const report = qa?.payload as RunEventPayload<"qa.result"> | undefined;
      const requirements: Record<string, number> = {};
      for (const requirement of report?.requirements ?? []) requirements[requirement.outcome] = (requirements[requirement.outcome] ?? 0) + 1;
      const figures = {
        prompt,
        status: finished.status,
        error: isReadyPreview(finished.status) ? null : (finished.error ?? `still ${finished.status} after 180 s`),
        totalMs: (finished.finishedAt?.getTime() ?? Date.now()) - calledAt,
        queuedMs: (finished.startedAt?.getTime() ?? Number.NaN) - calledAt,
        agentMs,
        checks: report?.checks.length ?? 0,
        checksPassed: report?.checks.filter((check) => check.passed).length ?? 0,
        requirements,
      };
      runs.push(figures);
      console.error(`${progressPrefix}${runs.length}/${prompts.length} ${finished.status} in ${duration(figures.totalMs)}: ${prompt}`);
    }
    floorMs.push(...(await measureBrowserFloor(5)));
    console.error(`${progressPrefix}browser floor after the runs ${floorMs.slice(5).map(duration).join(", ")}`);
    return { runs, floorMs };
  } finally {
    const executor = await ensureAppExecutor().catch(() => null);
    await executor?.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the bench in a child process and returns what it measured. */
export async function runPipelineLatencyBench({ prompts = pipelinePrompts, timeoutMs = 900_000 } = {}): Promise<PipelineLatencyResult> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(prompts)], {
    cwd: path.resolve(path.dirname(script), ".."),
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let pending = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    // Progress lines go through as they come; the rest is shown only if the child fails.
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith(progressPrefix)) process.stderr.write(`${line}\n`);
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  const line = output.split("\n").find((candidate) => candidate.startsWith(resultMarker));
  if (code !== 0 || !line) throw new Error(`The pipeline bench's child process ended with ${code}:\n${output.slice(-4000)}`);
  return JSON.parse(line.slice(resultMarker.length)) as PipelineLatencyResult;
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export function formatPipelineLatency(result: PipelineLatencyResult): string {
  const ready = result.runs.filter((run) => isReadyPreview(run.status));
  const totals = ready.map((run) => run.totalMs).sort((a, b) => a - b);
  const floor = median(result.floorMs);
  const perRun = [
    ["prompt", "status", "prompt→ready", "checks passed", "requirements", ...pipelineAgents],
    ...result.runs.map((run) => [
      run.prompt.length > 40 ? `${run.prompt.slice(0, 39)}…` : run.prompt,
      run.status,
      duration(run.totalMs),
      `${run.checksPassed}/${run.checks}`,
      Object.entries(run.requirements).map(([outcome, count]) => `${count} ${outcome}`).join(", ") || "—",
      ...pipelineAgents.map((agent) => (run.agentMs[agent] === undefined ? "—" : duration(run.agentMs[agent]))),
    ]),
  ];
  const summary = [
    ["ready previews", "prompt→ready median", "p90", "browser floor median", "median ÷ floor", "queued median", ...pipelineAgents.map((agent) => `${agent} median`)],
    [
      `${ready.length}/${result.runs.length}`,
      duration(percentile(totals, 50)),
      duration(percentile(totals, 90)),
      duration(floor),
      `${(percentile(totals, 50) / floor).toFixed(2)}×`,
      duration(median(ready.map((run) => run.queuedMs))),
      ...pipelineAgents.map((agent) => duration(median(ready.flatMap((run) => (run.agentMs[agent] === undefined ? [] : [run.agentMs[agent]]))))),
    ],
  ];
  const failures = result.runs.filter((run) => !isReadyPreview(run.status)).map((run) => `\n  ${run.status}: ${run.prompt} — ${run.error}`);
  return (
    `Pipeline latency: ${result.runs.length} prompts, sequential, offline provider, embedded executor on PGlite (project.create → a preview, Succeeded or Ready with gaps, every planned requirement's checks run)\n` +
    `Browser floor (launch Chromium, load a 3-file app from loopback, type, click, reload, read, screenshot; ${result.floorMs.length} rounds): ${result.floorMs.map(duration).join(", ")}\n` +
    `${formatTable(summary)}\n\n${formatTable(perRun)}` +
    (failures.length > 0 ? `\nNo preview (left out of the medians):${failures.join("")}` : "")
  );
}

const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const prompts = process.argv[2] ? (JSON.parse(process.argv[2]) as string[]) : pipelinePrompts;
  const result = await measureInThisProcess(prompts);
  process.stdout.write(`${resultMarker}${JSON.stringify(result)}\n`);
  process.exit(0);
}
