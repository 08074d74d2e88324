// One run, one trace, end to end: a loopback OTLP/HTTP receiver, OTEL_EXPORTER_OTLP_ENDPOINT
// pointing at it, and a real pipeline run (tRPC procedure, real Inngest client, the embedded
// executor driving /api/inngest's handler, the offline agents). Every step of the run, each in a
// request of its own, and every agent under them land in the one trace whose id the Run row and
// the admin run view carry; database queries are spans of that trace too. /api/metrics, scraped
// before and after, moved with the run.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentNames } from "../plan/agent-names";
import { waitForRun } from "../testing/wait-for-run";

type OtlpValue = { stringValue?: string; intValue?: string | number };
type OtlpSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes: Array<{ key: string; value: OtlpValue }> };

const spans: OtlpSpan[] = [];
const receiver = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    if (request.url?.startsWith("/v1/traces")) {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
      for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
    }
    response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));

const METRICS_TOKEN = "metrics-token-for-the-trace-test";
const dataDir = mkdtempSync(path.join(tmpdir(), "epic-run-trace-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3995";
process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
process.env.TRACE_URL_TEMPLATE = "https://grafana.example.com/explore?traceId={traceId}";
process.env.METRICS_TOKEN = METRICS_TOKEN;
delete process.env.DATABASE_URL;

const { startTracing, flushTraces } = await import("./tracing");
const { getMigratedDatabase } = await import("../db");
const { ensureAppExecutor } = await import("../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../testing/callers");
const { sendWithInngest } = await import("../pipeline/send-event");
const { getExecutorRunView } = await import("../executor-admin/executor-run-views");
const metricsRoute = await import("../../app/api/metrics/route");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;

async function scrape(): Promise<string> {
  const response = await metricsRoute.GET(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }), undefined as never);
  expect(response.status).toBe(200);
  return response.text();
}

/** One series' value from the exposition text (0 when absent). */
function valueOf(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const attribute = (span: OtlpSpan, key: string) => span.attributes.find((candidate) => candidate.key === key)?.value.stringValue;

beforeAll(async () => {
  // What instrumentation.ts does first: tracing, then the database and the executor.
  expect(await startTracing()).not.toBeNull();
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
});

afterAll(async () => {
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a run's trace", { timeout: 300_000 }, () => {
  it("is one trace with a span for every step and every agent, its id on the Run row and in the admin run view; /api/metrics follows the run", async () => {
    const { user, workspace } = await createTestUser(db, "traced");
    const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
    const before = await scrape();

    const { run } = await api.project.create({ workspaceId: workspace.id, prompt: "landing page for Rosie's Bakery with our menu and opening hours" });
    const finished = await waitForRun(db, run.id, ["SUCCEEDED", "READY_WITH_GAPS", "FAILED"]);
    expect(finished.error).toBeNull();
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(finished.status);
    // The executor's run finishes just after the pipeline's last step marks the Run finished.
    const executorRun = await db.executorRun.findFirstOrThrow({ where: { event: { path: ["data", "runId"], equals: run.id } } });
    for (let tries = 0; tries < 100 && (await db.executorRun.findUniqueOrThrow({ where: { id: executorRun.id } })).status !== "COMPLETED"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await flushTraces();

    // The Run row names its trace, the executor run's root span started it, the admin view links it.
    expect(finished.traceId).toMatch(/^[0-9a-f]{32}$/);
    const traceId = finished.traceId!;
    const inTrace = spans.filter((span) => span.traceId === traceId);
    const root = inTrace.find((span) => span.name === "run epic-ai-dev-run-pipeline");
    expect(root, "the run's root span").toBeDefined();
    expect(root!.parentSpanId ?? "").toBe("");
    expect(attribute(root!, "executor.run_id")).toBe(executorRun.id);
    const view = await getExecutorRunView(db, executorRun.id);
    expect(view.trace).toEqual({ id: traceId, url: `https://grafana.example.com/explore?traceId=${traceId}` });

    // Every step the executor stored has a span in the trace, whichever request ran it.
    const steps = await db.executorStep.findMany({ where: { runId: executorRun.id, op: "StepRun" }, select: { name: true } });
    const stepSpans = inTrace.filter((span) => span.name.startsWith("step "));
    for (const step of steps) expect(stepSpans.map((span) => span.name), `step ${step.name}`).toContain(`step ${step.name}`);
    for (const name of ["start", "plan", "codegen", "db", "infra", "create-version", "qa-1", "deploy", "finish"]) {
      expect(stepSpans.map((span) => span.name)).toContain(`step ${name}`);
    }
    // Each step's span hangs from the root: the trace is one tree, not a forest of requests.
    for (const step of stepSpans) expect(step.parentSpanId).toBe(root!.spanId);

    // Every agent, each under the step that ran it.
    const byId = new Map(inTrace.map((span) => [span.spanId, span]));
    const stepAbove = (span: OtlpSpan): OtlpSpan | undefined => {
      for (let parent = byId.get(span.parentSpanId ?? ""); parent; parent = byId.get(parent.parentSpanId ?? "")) if (parent.name.startsWith("step ")) return parent;
      return undefined;
    };
    for (const agent of agentNames) {
      const agentSpan = inTrace.find((span) => span.name === `agent ${agent}`);
      expect(agentSpan, `agent ${agent}`).toBeDefined();
      expect(attribute(agentSpan!, "epic.run_id")).toBe(run.id);
      expect(stepAbove(agentSpan!), `the step above agent ${agent}`).toBeDefined();
    }
    expect(stepAbove(inTrace.find((span) => span.name === "agent PromptCompiler")!)!.name).toBe("step plan");
    expect(stepAbove(inTrace.find((span) => span.name === "agent CodeGen")!)!.name).toBe("step codegen");
    expect(stepAbove(inTrace.find((span) => span.name === "agent Deploy")!)!.name).toBe("step deploy");

    // Database queries are spans of the run's trace, under the agent or step that made them.
    const queries = inTrace.filter((span) => span.name.startsWith("db "));
    expect(queries.length).toBeGreaterThan(0);
    const agentTaskCreate = queries.find((span) => span.name === "db AgentTask.create");
    expect(agentTaskCreate).toBeDefined();
    expect(attribute(agentTaskCreate!, "db.system.name")).toBe("postgresql");
    expect(byId.get(agentTaskCreate!.parentSpanId ?? "")?.name).toMatch(/^agent /);
    // No other trace holds a step or an agent of this run.
    const elsewhere = spans.filter((span) => span.traceId !== traceId && (attribute(span, "epic.run_id") === run.id || attribute(span, "executor.run_id") === executorRun.id));
    expect(elsewhere.map((span) => span.name)).toEqual([]);

    // /api/metrics moved with the run: started and finished by provider, each agent timed, a deploy counted.
    const after = await scrape();
    const provider = "offline";
    expect(valueOf(after, `epic_runs_started_total{provider="${provider}"}`)).toBe(valueOf(before, `epic_runs_started_total{provider="${provider}"}`) + 1);
    const outcome = finished.status.toLowerCase();
    expect(valueOf(after, `epic_runs_finished_total{provider="${provider}",outcome="${outcome}"}`)).toBe(
      valueOf(before, `epic_runs_finished_total{provider="${provider}",outcome="${outcome}"}`) + 1,
    );
    const tasks = await db.agentTask.findMany({ where: { runId: run.id }, select: { agentName: true, taskType: true, status: true } });
    for (const agent of agentNames) {
      const task = tasks.find((candidate) => candidate.agentName === agent && candidate.status === "SUCCEEDED");
      expect(task, `a succeeded ${agent} task`).toBeDefined();
      const series = `epic_agent_step_duration_seconds_count{agent="${agent}",task="${task!.taskType}",outcome="succeeded"}`;
      expect(valueOf(after, series), series).toBeGreaterThan(valueOf(before, series));
    }
    expect(valueOf(after, 'epic_deploys_total{target="preview",outcome="ready"}')).toBe(valueOf(before, 'epic_deploys_total{target="preview",outcome="ready"}') + 1);
    expect(valueOf(after, `epic_runs{status="${finished.status}"}`)).toBe(valueOf(before, `epic_runs{status="${finished.status}"}`) + 1);
  });
});
