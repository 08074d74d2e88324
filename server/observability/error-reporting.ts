// Server errors to Sentry, only when SENTRY_DSN is set: unset, @sentry/nextjs is never imported
// and nothing is sent. Started from instrumentation.ts; the route guard reports the 500s it
// catches (with the request id as a tag), Next's onRequestError the ones it sees itself.
import type * as SentryModule from "@sentry/nextjs";
import { env } from "../env";
import { getLogContext } from "./logger";

type Sentry = typeof SentryModule;

export type ErrorReportingConfig = { dsn: string | undefined; environment?: string; release?: string };

const globalForSentry = globalThis as unknown as { __epicSentry?: Promise<Sentry | null> };

/** Loads and starts Sentry once per process when a DSN is configured; null otherwise. */
export function startErrorReporting(config: ErrorReportingConfig = { dsn: env.SENTRY_DSN, environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV, release: env.SENTRY_RELEASE }): Promise<Sentry | null> {
  if (!config.dsn) return Promise.resolve(null);
  return (globalForSentry.__epicSentry ??= import("@sentry/nextjs").then((loaded) => {
    // Plain Node ESM sees only part of the CommonJS build's named exports; all are on `default`.
    const Sentry = (typeof loaded.captureException === "function" ? loaded : (loaded as unknown as { default: Sentry }).default) as Sentry;
    Sentry.init({
      dsn: config.dsn,
      environment: config.environment,
      release: config.release ?? process.env.npm_package_version,
      // Errors only (traces are OpenTelemetry's job), and nothing of the request: bodies hold
      // prompts and code, headers and cookies hold credentials.
      tracesSampleRate: 0,
      dataCollection: { userInfo: false, cookies: false, httpHeaders: false, httpBodies: [], urlQueryParams: false },
    });
    return Sentry;
  }));
}

export function isErrorReportingLoaded(): boolean {
  return globalForSentry.__epicSentry !== undefined;
}

/** Reports a server error with the current request's and run's ids; a no-op without SENTRY_DSN. */
export async function reportError(error: unknown, extra: Record<string, string | undefined> = {}): Promise<void> {
  const Sentry = await (globalForSentry.__epicSentry ?? Promise.resolve(null));
  if (!Sentry) return;
  const context = { ...getLogContext(), ...extra };
  Sentry.withScope((scope) => {
    for (const [key, value] of Object.entries(context)) if (value) scope.setTag(key, value);
    Sentry.captureException(error);
  });
}
