"use client";
// Browser errors to Sentry, only when the server has SENTRY_DSN: the root layout renders this with
// the DSN read at request time (no rebuild to turn it on or off), and only then is the Sentry
// browser SDK fetched (a chunk of its own). Without it nothing is loaded and nothing is sent.
// Errors only, and little of the page: no breadcrumbs (they would carry request URLs and console
// lines), no user, no query strings. Each event carries the request id of the page load (proxy.ts
// sets it, and the response's X-Request-Id header shows it), so it can be found in the server's logs.
import { useEffect } from "react";

export type BrowserErrorReportingConfig = { dsn: string; environment?: string; release?: string; requestId?: string };

let started: Promise<unknown> | undefined;

function startBrowserErrorReporting(config: BrowserErrorReportingConfig): Promise<unknown> {
  return (started ??= import("@sentry/nextjs").then((Sentry) => {
    Sentry.init({
      dsn: config.dsn,
      environment: config.environment,
      release: config.release,
      tracesSampleRate: 0,
      dataCollection: { userInfo: false, cookies: false, httpHeaders: false, httpBodies: [], urlQueryParams: false },
      integrations: (defaults) => defaults.filter((integration) => integration.name !== "Breadcrumbs"),
      beforeSend: (event) => {
        if (event.request?.url) event.request.url = event.request.url.replace(/[?#].*$/, "");
        if (event.request) delete event.request.query_string;
        return event;
      },
      initialScope: { tags: { runtime: "browser", ...(config.requestId ? { request_id: config.requestId } : {}) } },
    });
  }));
}

export function BrowserErrorReporting({ config }: { config: BrowserErrorReportingConfig }) {
  useEffect(() => {
    void startBrowserErrorReporting(config);
  }, [config]);
  return null;
}
