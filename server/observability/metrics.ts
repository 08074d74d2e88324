// The platform's Prometheus metrics (prom-client), served by /api/metrics. One registry per
// process, anchored on globalThis: Next builds separate module graphs (route handlers,
// instrumentation, the executor), and each would otherwise count into a registry of its own.
// Counters and histograms are updated where things happen (the route guard, run status changes,
// agent tasks, deployments, SSE streams); the executor's queue and the runs by state are read from
// the database at scrape time (refreshStateGauges), so every instance reports the same truth.
import client from "prom-client";

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "epic_" });
  const registers = [registry];
  return {
    registry,
    /** Open SSE streams, kept beside the gauge so the admin page can read it synchronously. */
    sse: { open: 0 },
    httpRequests: new client.Counter({
      name: "epic_http_requests_total",
      help: "API requests answered, by method, route (ids replaced by :id) and status",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "epic_http_request_duration_seconds",
      help: "Time to answer an API request (to the response's headers, for streams)",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    runsStarted: new client.Counter({ name: "epic_runs_started_total", help: "Pipeline runs started, by model provider", labelNames: ["provider"] as const, registers }),
    runsFinished: new client.Counter({
      name: "epic_runs_finished_total",
      help: "Pipeline runs finished, by model provider and outcome (succeeded, ready_with_gaps, failed, cancelled)",
      labelNames: ["provider", "outcome"] as const,
      registers,
    }),
    agentStepDuration: new client.Histogram({
      name: "epic_agent_step_duration_seconds",
      help: "Duration of one agent task (one attempt), by agent, task type and outcome",
      labelNames: ["agent", "task", "outcome"] as const,
      buckets: [0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers,
    }),
    agentStepFailures: new client.Counter({ name: "epic_agent_step_failures_total", help: "Agent tasks that failed, by agent and task type", labelNames: ["agent", "task"] as const, registers }),
    llmTokens: new client.Counter({
      name: "epic_llm_tokens_total",
      help: "Model tokens used by agents, by provider, model and direction (input, output)",
      labelNames: ["provider", "model", "direction"] as const,
      registers,
    }),
    llmCost: new client.Counter({ name: "epic_llm_cost_usd_total", help: "Estimated model cost in US dollars, by provider and model", labelNames: ["provider", "model"] as const, registers }),
    deploys: new client.Counter({
      name: "epic_deploys_total",
      help: "Deployments that ended, by target and outcome (ready, failed, cancelled, rolled_back)",
      labelNames: ["target", "outcome"] as const,
      registers,
    }),
    sseConnections: new client.Gauge({ name: "epic_sse_connections", help: "Run-event streams (SSE) open on this instance", registers }),
    executorRuns: new client.Gauge({ name: "epic_executor_runs", help: "Embedded executor runs by status (read at scrape time)", labelNames: ["status"] as const, registers }),
    executorQueueDepth: new client.Gauge({
      name: "epic_executor_queue_depth",
      help: "Executor runs that could be driven now (available, not leased)",
      registers,
    }),
    executorOldestRunnableAge: new client.Gauge({
      name: "epic_executor_oldest_runnable_age_seconds",
      help: "How long the oldest runnable executor run has waited past its availableAt (lease lag); 0 when none",
      registers,
    }),
    executorRetryingSteps: new client.Gauge({ name: "epic_executor_retrying_steps", help: "Executor steps waiting for a retry", registers }),
    executorUnprocessedEvents: new client.Gauge({ name: "epic_executor_unprocessed_events", help: "Executor events received but not yet fanned out", registers }),
    stateReadOk: new client.Gauge({ name: "epic_state_read_ok", help: "1 when the last scrape read the database-backed gauges, 0 when that failed", registers }),
    runsByStatus: new client.Gauge({ name: "epic_runs", help: "Pipeline runs by status (read at scrape time)", labelNames: ["status"] as const, registers }),
    agentFailuresLastHour: new client.Gauge({ name: "epic_agent_failures_last_hour", help: "Agent tasks failed in the last hour, by agent (read at scrape time)", labelNames: ["agent"] as const, registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The label of an answered request: 404s share one, so scanners probing paths add no series. */
export function httpRouteLabel(pathname: string, status: number): string {
  return status === 404 ? "(not found)" : routeLabel(pathname);
}

const globalForMetrics = globalThis as unknown as { __epicMetrics?: Metrics };

export function getMetrics(): Metrics {
  return (globalForMetrics.__epicMetrics ??= createMetrics());
}

const ID_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{20,31}|[A-Za-z0-9_-]{20,})$/i;

/**
 * The route label of a request path: ids (numbers, UUIDs, cuids, long tokens) become ":id", and
 * only the first six segments count, so the label set stays small whatever clients send. tRPC
 * calls (batched procedure lists in the path) and previews (a project's files) get one label each;
 * their detail is in the traces.
 */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith("/api/trpc/")) return "/api/trpc";
  if (pathname.startsWith("/preview/")) return "/preview/:key";
  const segments = pathname.split("/").filter(Boolean).slice(0, 6);
  return `/${segments.map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment.length > 40 ? ":long" : segment)).join("/")}`;
}

/** The provider part of a brain's label ("openai · gpt-5-mini" → "openai"); "offline" for the spec compiler. */
export function providerOfBrain(label: string): string {
  const [provider, model] = label.split(" · ");
  return model ? provider!.trim() : "offline";
}

/** Counts one open run-event stream; call the returned function (once) when it closes. */
export function openSseConnection(): () => void {
  const metrics = getMetrics();
  metrics.sse.open += 1;
  metrics.sseConnections.set(metrics.sse.open);
  let isClosed = false;
  return () => {
    if (isClosed) return;
    isClosed = true;
    metrics.sse.open -= 1;
    metrics.sseConnections.set(metrics.sse.open);
  };
}

export function sseConnectionCount(): number {
  return getMetrics().sse.open;
}
