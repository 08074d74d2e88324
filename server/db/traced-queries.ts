// A span for each database query, in the trace of whatever runs it (a request, a run's step, an
// agent). @prisma/instrumentation is not installed, so the queries are wrapped with a Prisma
// client extension instead. Only queries made inside a recorded span get one: the executor's
// polling and lease queries, made outside any, would otherwise each start a trace of their own.
import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { PrismaClient } from "./generated/client";

const TRACER_NAME = "epic-ai-dev";

export function withTracedQueries(prisma: PrismaClient, system: "postgresql"): PrismaClient {
  const extended = prisma.$extends({
    name: "traced-queries",
    query: {
      $allOperations({ model, operation, args, query }) {
        if (!trace.getActiveSpan()?.isRecording()) return query(args);
        const name = model ? `db ${model}.${operation}` : `db ${operation}`;
        const attributes = { "db.system.name": system, "db.operation.name": operation, ...(model ? { "db.collection.name": model } : {}) };
        return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, async (span) => {
          try {
            return await query(args);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
            throw error;
          } finally {
            span.end();
          }
        });
      },
    },
  });
  // A query-only extension changes no method's types: the extended client is used as the plain one.
  return extended as unknown as PrismaClient;
}
