import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Validation runs at import, so each case is a fresh process with its own environment.
function importEnvWith(vars: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "-e", 'await import("./server/env.ts")'], {
    env: { PATH: process.env.PATH, ...vars } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  return { ok: result.status === 0, output: result.stderr + result.stdout };
}

describe("environment validation", () => {
  it("starts with no configuration at all", () => {
    expect(importEnvWith({}).ok).toBe(true);
  });

  it("names a malformed DATABASE_URL and says what is expected", () => {
    const { ok, output } = importEnvWith({ DATABASE_URL: "mysql://nope" });
    expect(ok).toBe(false);
    expect(output).toContain("DATABASE_URL: expected a postgres:// or postgresql:// connection string");
  });

  it("requires a session secret in production", () => {
    const { ok, output } = importEnvWith({ NODE_ENV: "production" });
    expect(ok).toBe(false);
    expect(output).toContain("NEXTAUTH_SECRET");
  });

  it("refuses half a GitHub OAuth configuration", () => {
    const { ok, output } = importEnvWith({ GITHUB_ID: "abc" });
    expect(ok).toBe(false);
    expect(output).toContain("GITHUB_ID/GITHUB_SECRET");
  });

  it("names a BROWSER_WS_ENDPOINT that is not a WebSocket URL, and an unknown EXECUTOR_MODE", () => {
    const http = importEnvWith({ BROWSER_WS_ENDPOINT: "http://127.0.0.1:9222" });
    expect(http.ok).toBe(false);
    expect(http.output).toContain("BROWSER_WS_ENDPOINT: expected a ws:// or wss:// endpoint");
    expect(importEnvWith({ BROWSER_WS_ENDPOINT: "wss://chrome.example.com/playwright?token=abc", BROWSER_WS_PROTOCOL: "playwright" }).ok).toBe(true);
    const mode = importEnvWith({ EXECUTOR_MODE: "cron" });
    expect(mode.ok).toBe(false);
    expect(mode.output).toContain('EXECUTOR_MODE: expected "loop" or "tick"');
    expect(importEnvWith({ EXECUTOR_MODE: "tick" }).ok).toBe(true);
  });

  it("names a relative CHROMIUM_PATH and a malformed browser search list", () => {
    const relative = importEnvWith({ CHROMIUM_PATH: "chromium" });
    expect(relative.ok).toBe(false);
    expect(relative.output).toContain("CHROMIUM_PATH: expected an absolute path");
    const search = importEnvWith({ EPIC_BROWSER_SEARCH_PATHS: "browsers" });
    expect(search.ok).toBe(false);
    expect(search.output).toContain("EPIC_BROWSER_SEARCH_PATHS");
    const install = importEnvWith({ EPIC_BROWSER_AUTO_INSTALL: "maybe" });
    expect(install.ok).toBe(false);
    expect(install.output).toContain('EPIC_BROWSER_AUTO_INSTALL: expected "true" or "false"');
  });

  it("takes EXECUTOR_CONCURRENCY as a whole number of runs, at least 1", () => {
    expect(importEnvWith({ EXECUTOR_CONCURRENCY: "4" }).ok).toBe(true);
    for (const value of ["0", "many", "2.5"]) {
      const { ok, output } = importEnvWith({ EXECUTOR_CONCURRENCY: value });
      expect(ok).toBe(false);
      expect(output).toContain("EXECUTOR_CONCURRENCY");
    }
  });

  it("takes QA_BROWSER_CONCURRENCY as a whole number of browser sessions, 1 to 64", () => {
    expect(importEnvWith({ QA_BROWSER_CONCURRENCY: "3" }).ok).toBe(true);
    for (const value of ["0", "two", "1.5", "65"]) {
      const { ok, output } = importEnvWith({ QA_BROWSER_CONCURRENCY: value });
      expect(ok).toBe(false);
      expect(output).toContain("QA_BROWSER_CONCURRENCY");
    }
  });

  it("wants TRACE_URL_TEMPLATE as an http(s) URL with {traceId} in it", () => {
    expect(importEnvWith({ TRACE_URL_TEMPLATE: "https://grafana.example.com/explore?traceId={traceId}" }).ok).toBe(true);
    const missing = importEnvWith({ TRACE_URL_TEMPLATE: "https://grafana.example.com/explore" });
    expect(missing.ok).toBe(false);
    expect(missing.output).toContain("TRACE_URL_TEMPLATE: expected {traceId} in the URL");
    const notUrl = importEnvWith({ TRACE_URL_TEMPLATE: "grafana/{traceId}" });
    expect(notUrl.ok).toBe(false);
    expect(notUrl.output).toContain("TRACE_URL_TEMPLATE: expected an http(s) URL");
  });

  it("accepts the browser variables in their documented forms", () => {
    expect(importEnvWith({ CHROMIUM_PATH: "/usr/bin/chromium", EPIC_BROWSER_SEARCH_PATHS: "/opt/a:/opt/b", EPIC_BROWSER_AUTO_INSTALL: "false" }).ok).toBe(true);
  });

  it("wants a wildcard PREVIEW_ORIGIN, and TRUST_PROXY as true, false or a count", () => {
    const single = importEnvWith({ PREVIEW_ORIGIN: "https://preview.example.com" });
    expect(single.ok).toBe(false);
    expect(single.output).toContain("PREVIEW_ORIGIN: expected a wildcard origin");
    expect(importEnvWith({ PREVIEW_ORIGIN: "https://*.preview.example.com" }).ok).toBe(true);
    const proxy = importEnvWith({ TRUST_PROXY: "yes" });
    expect(proxy.ok).toBe(false);
    expect(proxy.output).toContain("TRUST_PROXY");
    expect(importEnvWith({ TRUST_PROXY: "2" }).ok).toBe(true);
    expect(importEnvWith({ MAX_BODY_BYTES: "10" }).output).toContain("MAX_BODY_BYTES: expected at least 1024 bytes");
  });
});
