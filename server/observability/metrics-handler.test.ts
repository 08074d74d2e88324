import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRoute } from "../http/route-guard";
import { createProject } from "../projects/create-project";
import { runAgentTask } from "../pipeline/run-agent-task";
import { markRunFinished, markRunStarted } from "../runs/run-lifecycle";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { handleMetricsRequest } from "./metrics-handler";
import { httpRouteLabel, openSseConnection, routeLabel } from "./metrics";

const TOKEN = "metrics-token-for-tests-0123456789";

/** One series' value from the exposition text (0 when absent). */
function valueOf(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("/api/metrics", () => {
  let database: TestDatabase;
  let route: (request: Request, context: never) => Promise<Response>;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    route = guardRoute(async (request) => handleMetricsRequest(request, { token: TOKEN, getDb: async () => database.prisma }));
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const scrape = async () => {
    const response = await route(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }), undefined as never);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    return response.text();
  };

  it("is not found while METRICS_TOKEN is unset, and refuses a missing or wrong token", async () => {
    const unset = guardRoute(async (request) => handleMetricsRequest(request, { token: undefined, getDb: async () => database.prisma }));
    expect((await unset(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }), undefined as never)).status).toBe(404);
    const missing = await route(new Request("http://localhost/api/metrics"), undefined as never);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await route(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer wrong-token-wrong-token" } }), undefined as never)).status).toBe(401);
  });

  it("exposes every series, with the executor's queue and the runs by status read from the database", async () => {
    const text = await scrape();
    for (const name of [
      "epic_http_requests_total",
      "epic_http_request_duration_seconds",
      "epic_runs_started_total",
      "epic_runs_finished_total",
      "epic_agent_step_duration_seconds",
      "epic_agent_step_failures_total",
      "epic_llm_tokens_total",
      "epic_llm_cost_usd_total",
      "epic_deploys_total",
      "epic_sse_connections",
      "epic_executor_runs",
      "epic_executor_queue_depth",
      "epic_executor_oldest_runnable_age_seconds",
      "epic_executor_retrying_steps",
      "epic_runs",
      "epic_agent_failures_last_hour",
      "epic_process_resident_memory_bytes",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(valueOf(text, "epic_state_read_ok")).toBe(1);
    expect(valueOf(text, 'epic_executor_runs{status="QUEUED"}')).toBe(0);
  });

  it("counts requests by route and status", async () => {
    const series = 'epic_http_requests_total{method="GET",route="/api/metrics",status="401"}';
    const before = valueOf(await scrape(), series);
    await route(new Request("http://localhost/api/metrics"), undefined as never);
    expect(valueOf(await scrape(), series)).toBe(before + 1);
    expect(routeLabel("/api/v1/projects/cm3x9q2k80000abcd1234efgh/runs")).toBe("/api/v1/projects/:id/runs");
    expect(routeLabel("/api/runs/123/events")).toBe("/api/runs/:id/events");
    expect(routeLabel("/api/trpc/project.get,project.list")).toBe("/api/trpc");
    expect(routeLabel("/preview/k3y/src/app.js")).toBe("/preview/:key");
    expect(httpRouteLabel("/api/wp-admin/setup.php", 404)).toBe("(not found)");
  });

  it("follows a run through its status changes, and the executor's queue through the database", async () => {
    const owner = await createTestUser(database.prisma, "metrics");
    const { run } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A timer app" });
    const started = 'epic_runs_started_total{provider="openai"}';
    const failed = 'epic_runs_finished_total{provider="openai",outcome="failed"}';
    const before = await scrape();
    expect(valueOf(before, 'epic_runs{status="QUEUED"}')).toBeGreaterThanOrEqual(1);

    await markRunStarted(database.prisma, run.id, { brain: "openai · gpt-5-mini" });
    const running = await scrape();
    expect(valueOf(running, started)).toBe(valueOf(before, started) + 1);
    expect(valueOf(running, 'epic_runs{status="RUNNING"}')).toBe(valueOf(before, 'epic_runs{status="RUNNING"}') + 1);

    await markRunFinished(database.prisma, run.id, { status: "FAILED", error: "for the test" });
    const finished = await scrape();
    expect(valueOf(finished, failed)).toBe(valueOf(before, failed) + 1);
    expect(valueOf(finished, 'epic_runs{status="FAILED"}')).toBe(valueOf(before, 'epic_runs{status="FAILED"}') + 1);

    // A runnable executor run that has waited a minute: queue depth 1, lag about 60 s.
    await database.prisma.executorRun.create({ data: { id: "exec-metrics-1", functionId: "app-fn", event: {}, maxAttempts: 1, availableAt: new Date(Date.now() - 60_000) } });
    const queued = await scrape();
    expect(valueOf(queued, "epic_executor_queue_depth")).toBe(1);
    expect(valueOf(queued, "epic_executor_oldest_runnable_age_seconds")).toBeGreaterThanOrEqual(59);
    expect(valueOf(queued, 'epic_executor_runs{status="QUEUED"}')).toBe(1);
  });

  it("times agent tasks, counts their failures and their tokens, by agent", async () => {
    const owner = await createTestUser(database.prisma, "agents");
    const { run, project } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A notes app" });
    const spec = { runId: run.id, projectId: project.id, agentName: "CodeGen" as const, taskType: "codegen", input: {}, model: { provider: "openai", name: "gpt-5-mini" } };
    const before = await scrape();
    await runAgentTask(database.prisma, spec, async () => ({ value: 1, usage: { inputTokens: 100, outputTokens: 40 }, costUsd: 0.01, attempts: 1 }), () => null);
    await expect(runAgentTask(database.prisma, spec, async () => Promise.reject(new Error("model down")), () => null)).rejects.toThrow("model down");
    const after = await scrape();
    const count = (outcome: string) => `epic_agent_step_duration_seconds_count{agent="CodeGen",task="codegen",outcome="${outcome}"}`;
    expect(valueOf(after, count("succeeded"))).toBe(valueOf(before, count("succeeded")) + 1);
    expect(valueOf(after, count("failed"))).toBe(valueOf(before, count("failed")) + 1);
    expect(valueOf(after, 'epic_agent_step_failures_total{agent="CodeGen",task="codegen"}')).toBe(valueOf(before, 'epic_agent_step_failures_total{agent="CodeGen",task="codegen"}') + 1);
    expect(valueOf(after, 'epic_llm_tokens_total{provider="openai",model="gpt-5-mini",direction="input"}')).toBe(
      valueOf(before, 'epic_llm_tokens_total{provider="openai",model="gpt-5-mini",direction="input"}') + 100,
    );
    expect(valueOf(after, 'epic_agent_failures_last_hour{agent="CodeGen"}')).toBe(1);
  });

  it("counts open SSE connections", async () => {
    const before = valueOf(await scrape(), "epic_sse_connections");
    const close = openSseConnection();
    expect(valueOf(await scrape(), "epic_sse_connections")).toBe(before + 1);
    close();
    close();
    expect(valueOf(await scrape(), "epic_sse_connections")).toBe(before);
  });
});
