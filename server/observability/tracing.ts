// Traces over OpenTelemetry, only when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans for API requests
// (the route guard), agent tasks (runAgentTask) and executor steps, exported over OTLP/HTTP. Unset,
// the SDK is never loaded and the OTel API hands out no-op spans (a few nanoseconds each).
// The OTel packages are pinned to the line inngest already uses (API 1.9, SDK 2.x).
import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { env } from "../env";

const TRACER_NAME = "epic-ai-dev";

export type TracingConfig = { endpoint: string | undefined; serviceName?: string };

const globalForTracing = globalThis as unknown as { __epicTracing?: Promise<{ shutdown(): Promise<void>; forceFlush(): Promise<void> } | null> };

/** Starts the tracer provider once per process when an OTLP endpoint is configured. */
export function startTracing(config: TracingConfig = { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME }) {
  if (!config.endpoint) return Promise.resolve(null);
  return (globalForTracing.__epicTracing ??= (async () => {
    const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
    ]);
    const exporter = new OTLPTraceExporter({ url: `${config.endpoint!.replace(/\/+$/, "")}/v1/traces` });
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ "service.name": config.serviceName ?? "epic-ai-dev" }),
      spanProcessors: [new BatchSpanProcessor(exporter)],
    });
    provider.register();
    return provider;
  })());
}

/** Sends the spans still buffered (tests; a serverless function before it freezes). */
export async function flushTraces(): Promise<void> {
  await (await globalForTracing.__epicTracing)?.forceFlush();
}

/** The current trace's id, for log lines and error reports; undefined outside a recorded span. */
export function currentTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && context.traceFlags & 1 ? context.traceId : undefined;
}

/** Runs `work` inside a span named `name`; a throw marks the span failed and is rethrown. */
export async function withSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
