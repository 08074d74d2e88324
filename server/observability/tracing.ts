// Traces over OpenTelemetry, only when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans for API requests
// (the route guard), tRPC procedures, executor steps, agent tasks (runAgentTask), model calls and
// database queries (server/db/traced-queries.ts), exported over OTLP/HTTP. Unset, the SDK is never
// loaded and the OTel API hands out no-op spans (a few nanoseconds each).
//
// A run is one trace although its steps run in separate requests, maybe in other processes: the
// executor records a root span for the run once and stores its W3C traceparent on the run
// (ExecutorRun.traceparent); every later round's spans take it as parent (`withSpan`'s `parent`),
// and an HTTP call to the serve endpoint carries it in a `traceparent` header that the route guard
// continues. The OTel packages are pinned to the line inngest already uses (API 1.9, SDK 2.x).
import { context, ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags, type Attributes, type Context, type Span, type SpanContext } from "@opentelemetry/api";
import { env } from "../env";

const TRACER_NAME = "epic-ai-dev";

export type TracingConfig = { endpoint: string | undefined; serviceName?: string };

const globalForTracing = globalThis as unknown as {
  __epicTracing?: Promise<{ shutdown(): Promise<void>; forceFlush(): Promise<void> } | null>;
  __epicTracingOn?: boolean;
};

/** Whether spans are recorded and exported in this process (startTracing ran with an endpoint). */
export function isTracingOn(): boolean {
  return globalForTracing.__epicTracingOn === true;
}

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
    globalForTracing.__epicTracingOn = true;
    return provider;
  })());
}

/** Sends the spans still buffered (tests; a serverless function before it freezes). */
export async function flushTraces(): Promise<void> {
  await (await globalForTracing.__epicTracing)?.forceFlush();
}

/** The current trace's id, for log lines and error reports; undefined outside a recorded span. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && spanContext.traceFlags & TraceFlags.SAMPLED ? spanContext.traceId : undefined;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE_ID = "0".repeat(32);
const INVALID_SPAN_ID = "0".repeat(16);

/** The W3C traceparent of the active span (recorded, or continued from elsewhere); undefined outside one. */
export function currentTraceparent(): string | undefined {
  const active = trace.getActiveSpan()?.spanContext();
  return active ? traceparentOf(active) : undefined;
}

function traceparentOf(spanContext: SpanContext): string | undefined {
  if (!trace.isSpanContextValid(spanContext)) return undefined;
  return `00-${spanContext.traceId}-${spanContext.spanId}-${(spanContext.traceFlags & 0xff).toString(16).padStart(2, "0")}`;
}

/** The trace id inside a traceparent, or null when it is not a valid one. */
export function traceIdOfTraceparent(traceparent: string | null | undefined): string | null {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  return match && match[1] !== INVALID_TRACE_ID && match[2] !== INVALID_SPAN_ID ? match[1]! : null;
}

/** A context whose parent is the span a traceparent names (a stored run's, an incoming request's). */
export function contextOfTraceparent(traceparent: string | null | undefined): Context | undefined {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!match || !traceIdOfTraceparent(traceparent)) return undefined;
  return trace.setSpanContext(ROOT_CONTEXT, { traceId: match[1]!, spanId: match[2]!, traceFlags: Number.parseInt(match[3]!, 16) & TraceFlags.SAMPLED, isRemote: true });
}

/**
 * Records a finished span that starts a new trace (a run's root), from `startTime` until now, and
 * returns its traceparent for the work that follows elsewhere; undefined when tracing is off.
 */
export function recordRootSpan(name: string, attributes: Attributes, startTime?: Date, parent?: string | null): string | undefined {
  if (!isTracingOn()) return undefined;
  // With a valid parent traceparent (a run started by another run's step.invoke) the span joins
  // that trace as its child instead of starting one of its own.
  const parentContext = parent ? contextOfTraceparent(parent) : undefined;
  const span = parentContext
    ? trace.getTracer(TRACER_NAME).startSpan(name, { attributes, startTime }, parentContext)
    : trace.getTracer(TRACER_NAME).startSpan(name, { attributes, root: true, startTime }, ROOT_CONTEXT);
  span.end();
  return traceparentOf(span.spanContext());
}

/** Where a trace can be looked at: TRACE_URL_TEMPLATE with `{traceId}` filled in; null without one. */
export function traceUrlFor(traceId: string, template: string | undefined = env.TRACE_URL_TEMPLATE): string | null {
  return template ? template.replaceAll("{traceId}", encodeURIComponent(traceId)) : null;
}

export type SpanOptions = {
  /** A traceparent to continue (a run's, an incoming request's) instead of the active span; ignored when not valid. */
  parent?: string | null;
};

/** Runs `work` inside a span named `name`; a throw marks the span failed and is rethrown. */
export async function withSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, options: SpanOptions = {}): Promise<T> {
  const parent = options.parent === undefined ? undefined : contextOfTraceparent(options.parent);
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, parent ?? context.active(), async (span) => {
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
