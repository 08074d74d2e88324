// Traces against a loopback OTLP/HTTP receiver: a request's span and the agent task under it
// arrive, in one trace; log lines written inside carry its trace id; a request carrying a
// traceparent continues the caller's trace. (A whole run's trace: run-trace.integration.test.ts.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRoute } from "../http/route-guard";
import { runAgentTask } from "../pipeline/run-agent-task";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createLogger } from "./logger";
import { reportError, startErrorReporting } from "./error-reporting";
import { traceViewOf } from "../executor-admin/executor-run-views";
import { currentTraceparent, flushTraces, recordRootSpan, startTracing, traceIdOfTraceparent, withSpan } from "./tracing";

type OtlpSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes: Array<{ key: string; value: Record<string, unknown> }> };

describe("traces", () => {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const envelopes: string[] = [];
  let server: http.Server;
  let database: TestDatabase;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        paths.push(request.url ?? "");
        if (!request.url?.startsWith("/v1/traces")) {
          envelopes.push(Buffer.concat(chunks).toString("utf8"));
          return void response.writeHead(200).end("{}");
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.cleanup();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("exports the request's span with the agent task's span inside it, and logs carry the trace id", async () => {
    expect(await startTracing({ endpoint: undefined })).toBeNull();
    const { port } = server.address() as AddressInfo;
    expect(await startTracing({ endpoint: `http://127.0.0.1:${port}` })).not.toBeNull();

    const owner = await createTestUser(database.prisma, "traces");
    const { run, project } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A notes app" });
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString("utf8")), done()) }) });
    const route = guardRoute(async () => {
      await runAgentTask(
        database.prisma,
        { runId: run.id, projectId: project.id, agentName: "QA", taskType: "qa", input: {} },
        async () => {
          logger.info("checking");
          return { value: 1, usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, attempts: 1 };
        },
        () => null,
      );
      return Response.json({ ok: true });
    });
    expect((await route(new Request("http://localhost/api/things"), undefined as never)).status).toBe(200);
    await flushTraces();

    expect(paths).toContain("/v1/traces");
    const request = spans.find((span) => span.name === "GET /api/things")!;
    const agent = spans.find((span) => span.name === "agent QA")!;
    expect(request).toBeDefined();
    expect(agent).toBeDefined();
    expect(agent.traceId).toBe(request.traceId);
    expect(agent.parentSpanId).toBe(request.spanId);
    expect(agent.attributes).toContainEqual({ key: "epic.run_id", value: { stringValue: run.id } });
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "checking", traceId: request.traceId, runId: run.id, agent: "QA" });
  });

  it("continues a caller's trace from its traceparent header; the admin view links a trace only with a template", async () => {
    const traceId = "a1".repeat(16);
    const caller = `00-${traceId}-${"b2".repeat(8)}-01`;
    const route = guardRoute(async () => Response.json({ traceparent: currentTraceparent() }));
    const answer = (await (await route(new Request("http://localhost/api/continued", { headers: { traceparent: caller } }), undefined as never)).json()) as { traceparent: string };
    const ignored = guardRoute(async () => Response.json({ traceparent: currentTraceparent() }));
    const fresh = (await (await ignored(new Request("http://localhost/api/fresh", { headers: { traceparent: `00-${"0".repeat(32)}-${"b2".repeat(8)}-01` } }), undefined as never)).json()) as { traceparent: string };
    await flushTraces();

    const span = spans.find((candidate) => candidate.name === "GET /api/continued")!;
    expect(span.traceId).toBe(traceId);
    expect(span.parentSpanId).toBe("b2".repeat(8));
    expect(answer.traceparent).toBe(`00-${traceId}-${span.spanId}-01`);
    // An invalid traceparent (all-zero trace id) is ignored: the request starts a trace of its own.
    expect(traceIdOfTraceparent(fresh.traceparent)).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdOfTraceparent(fresh.traceparent)).not.toBe("0".repeat(32));
    for (const invalid of [null, "", "garbage", `01-${traceId}-${"b2".repeat(8)}-01`, `00-${traceId}-${"0".repeat(16)}-01`]) expect(traceIdOfTraceparent(invalid)).toBeNull();

    expect(traceViewOf(caller, "https://grafana.example.com/explore?traceId={traceId}")).toEqual({ id: traceId, url: `https://grafana.example.com/explore?traceId=${traceId}` });
    // TRACE_URL_TEMPLATE is unset here: the id alone, shown as text.
    expect(traceViewOf(caller)).toEqual({ id: traceId, url: null });
    expect(traceViewOf(null)).toBeNull();
  });

  it("a run started by another run's step.invoke records its root span in the parent run's trace", async () => {
    const parent = recordRootSpan("run parent", {})!;
    const child = recordRootSpan("run child", {}, undefined, parent);
    const lone = recordRootSpan("run lone", {}, undefined, null);
    await flushTraces();
    expect(traceIdOfTraceparent(child)).toBe(traceIdOfTraceparent(parent));
    expect(spans.find((span) => span.name === "run child")?.parentSpanId).toBe(parent.split("-")[2]);
    expect(traceIdOfTraceparent(lone)).not.toBe(traceIdOfTraceparent(parent));
    expect(spans.find((span) => span.name === "run lone")?.parentSpanId).toBeFalsy();
  });

  it("keeps exporting spans when Sentry is configured too, and Sentry still gets errors", async () => {
    const { port } = server.address() as AddressInfo;
    const Sentry = await startErrorReporting({ dsn: `http://key@127.0.0.1:${port}/7` });
    await withSpan("with-sentry", {}, async () => reportError(new Error("error beside traces")));
    await flushTraces();
    await Sentry!.flush(5000);
    expect(spans.some((span) => span.name === "with-sentry")).toBe(true);
    expect(envelopes.some((body) => body.includes("error beside traces"))).toBe(true);
  });
});
