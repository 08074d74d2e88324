// The platform's one logger (pino): JSON lines on stdout, pretty-printed only in development, at
// LOG_LEVEL. Every line carries the ids of what it happened in — requestId, userId, workspaceId,
// runId, step, agent — from an AsyncLocalStorage context that the route guard, the API's auth and
// the pipeline fill in, so no call site has to pass them. Secrets are removed by path (REDACT_PATHS)
// before a line is written; a secret inside a free-text message is not found: never put one there.
//
// No worker-thread transports: they break in Next's server bundles (and on serverless hosts), so
// lines are written synchronously to stdout and the platform's log collector does the rest.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { env } from "../env";
import { currentTraceId } from "./tracing";

export type LogContext = {
  requestId?: string;
  userId?: string;
  workspaceId?: string;
  projectId?: string;
  runId?: string;
  step?: string;
  agent?: string;
};

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// Keys whose values are secrets wherever they appear (top level, or nested up to three deep, which
// covers `{ req: { headers: { authorization } } }` and `{ err: { config: { token } } }`).
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "newPassword",
  "secret",
  "clientSecret",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "apiKey",
  "api_key",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "credentials",
  "encryptionKey",
  "privateKey",
  "signingKey",
  "setupToken",
] as const;

const pathOf = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const join = (prefix: string, key: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);

export const REDACT_PATHS = SECRET_KEYS.flatMap((name) => {
  const key = pathOf(name);
  return [key, join("*", key), join("*.*", key), join("*.*.*", key)];
});

export const REDACTED = "[redacted]";

const contextStorage = new AsyncLocalStorage<LogContext>();

/** The ids of what the current code runs for (a request, a run's step), or an empty context. */
export function getLogContext(): LogContext {
  return contextStorage.getStore() ?? {};
}

/** Runs `work` with `context` added to the current one: every line logged inside carries it. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return contextStorage.run({ ...getLogContext(), ...definedOnly(context) }, work);
}

/**
 * Adds ids to the current context in place, for ids learned part-way through (the user once the
 * session is read, the workspace once a procedure resolves it). Outside any context, a no-op.
 */
export function addLogContext(context: LogContext): void {
  const store = contextStorage.getStore();
  if (store) Object.assign(store, definedOnly(context));
}

function definedOnly(context: LogContext): LogContext {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined && value !== null)) as LogContext;
}

function prettyStream(): DestinationStream | null {
  try {
    // Loaded only in development (a devDependency), synchronously, on the main thread.
    const require = createRequire(import.meta.url);
    const pretty = require("pino-pretty") as (options: Record<string, unknown>) => DestinationStream;
    return pretty({ colorize: true, sync: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return null;
  }
}

export type CreateLoggerOptions = {
  level?: LogLevel;
  /** Where lines go; default stdout (pretty in development). Tests pass a stream to read them. */
  destination?: DestinationStream;
  isPretty?: boolean;
};

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    // `?? "info"`: with SKIP_ENV_VALIDATION (the build) env carries no defaults.
    level: options.level ?? env.LOG_LEVEL ?? "info",
    base: { service: "epic-ai-dev" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    // The current context's ids on every line; a child logger's own bindings come after them.
    mixin: () => {
      const traceId = currentTraceId();
      return traceId ? { ...getLogContext(), traceId } : { ...getLogContext() };
    },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  };
  const isPretty = options.isPretty ?? (!options.destination && env.NODE_ENV === "development");
  const destination = options.destination ?? (isPretty ? prettyStream() : null) ?? pino.destination({ dest: 1, sync: true });
  return pino(config, destination);
}

// One logger per process, even when Next bundles this module into several server graphs.
const globalForLogger = globalThis as unknown as { __epicLogger?: Logger };

export const logger: Logger = (globalForLogger.__epicLogger ??= createLogger());

/** A logger for one part of the server (`component` on each line), e.g. getLogger("executor"). */
export function getLogger(component: string, bindings: Record<string, unknown> = {}): Logger {
  return logger.child({ component, ...bindings });
}
