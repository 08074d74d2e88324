// CEL expressions as Inngest uses them: trigger `if`s (`event` = the incoming event),
// waitForEvent / cancelOn `if`s (`event` = the run's triggering event, `async` = the incoming
// event), and concurrency / idempotency keys.
import { parse } from "@marcbachmann/cel-js";

type Compiled = ReturnType<typeof parse>;
const cache = new Map<string, Compiled>();

function compile(expression: string): Compiled {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression);
    // The set of expressions is the set of functions' configs: small, but bound it anyway.
    if (cache.size > 1000) cache.clear();
    cache.set(expression, compiled);
  }
  return compiled;
}

/**
 * Whether `expression` holds. A missing field or a type error means "does not match", as in
 * Inngest: an event without the awaited field must not resume a run.
 */
export function matchesExpression(expression: string, context: Record<string, unknown>): boolean {
  try {
    return compile(expression)(context) === true;
  } catch {
    return false;
  }
}

/** The string value of a key expression such as `event.data.projectId`; null if it fails. */
export function evaluateKeyExpression(expression: string, context: Record<string, unknown>): string | null {
  try {
    const value: unknown = compile(expression)(context);
    if (value === null || value === undefined) return null;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
    return JSON.stringify(value);
  } catch {
    return null;
  }
}
