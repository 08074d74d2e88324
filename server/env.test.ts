import { afterEach, describe, expect, it, vi } from "vitest";

// Validation runs at import: each case imports a fresh copy of the module with only its own
// variables in process.env (in this process: a child process per case took a second each).
const ownEnv = process.env;
afterEach(() => {
  process.env = ownEnv;
});

async function importEnvWith(vars: Record<string, string>) {
  process.env = { PATH: ownEnv.PATH, ...vars } as unknown as NodeJS.ProcessEnv;
  vi.resetModules();
  try {
    await import("./env");
    return { ok: true, output: "" };
  } catch (error) {
    return { ok: false, output: error instanceof Error ? error.message : String(error) };
  } finally {
    process.env = ownEnv;
  }
}

describe("environment validation", () => {
  it("starts with no configuration at all", async () => {
    expect((await importEnvWith({})).ok).toBe(true);
  });

  it("names a malformed DATABASE_URL and says what is expected", async () => {
    const { ok, output } = await importEnvWith({ DATABASE_URL: "mysql://nope" });
    expect(ok).toBe(false);
    expect(output).toContain("DATABASE_URL: expected a postgres:// or postgresql:// connection string");
  });

  it("requires a session secret in production", async () => {
    const { ok, output } = await importEnvWith({ NODE_ENV: "production" });
    expect(ok).toBe(false);
    expect(output).toContain("NEXTAUTH_SECRET");
  });

  it("refuses half a GitHub OAuth configuration", async () => {
    const { ok, output } = await importEnvWith({ GITHUB_ID: "abc" });
    expect(ok).toBe(false);
    expect(output).toContain("GITHUB_ID/GITHUB_SECRET");
  });

  it("names a BROWSER_WS_ENDPOINT that is not a WebSocket URL, and an unknown EXECUTOR_MODE", async () => {
    const http = await importEnvWith({ BROWSER_WS_ENDPOINT: "http://127.0.0.1:9222" });
    expect(http.ok).toBe(false);
    expect(http.output).toContain("BROWSER_WS_ENDPOINT: expected a ws:// or wss:// endpoint");
    expect((await importEnvWith({ BROWSER_WS_ENDPOINT: "wss://chrome.example.com/playwright?token=abc", BROWSER_WS_PROTOCOL: "playwright" })).ok).toBe(true);
    const mode = await importEnvWith({ EXECUTOR_MODE: "cron" });
    expect(mode.ok).toBe(false);
    expect(mode.output).toContain('EXECUTOR_MODE: expected "loop" or "tick"');
    expect((await importEnvWith({ EXECUTOR_MODE: "tick" })).ok).toBe(true);
  });

  it("names a relative CHROMIUM_PATH and a malformed browser search list", async () => {
    const relative = await importEnvWith({ CHROMIUM_PATH: "chromium" });
    expect(relative.ok).toBe(false);
    expect(relative.output).toContain("CHROMIUM_PATH: expected an absolute path");
    const search = await importEnvWith({ EPIC_BROWSER_SEARCH_PATHS: "browsers" });
    expect(search.ok).toBe(false);
    expect(search.output).toContain("EPIC_BROWSER_SEARCH_PATHS");
    const install = await importEnvWith({ EPIC_BROWSER_AUTO_INSTALL: "maybe" });
    expect(install.ok).toBe(false);
    expect(install.output).toContain('EPIC_BROWSER_AUTO_INSTALL: expected "true" or "false"');
  });

  it("takes EXECUTOR_CONCURRENCY as a whole number of runs, at least 1", async () => {
    expect((await importEnvWith({ EXECUTOR_CONCURRENCY: "4" })).ok).toBe(true);
    for (const value of ["0", "many", "2.5"]) {
      const { ok, output } = await importEnvWith({ EXECUTOR_CONCURRENCY: value });
      expect(ok).toBe(false);
      expect(output).toContain("EXECUTOR_CONCURRENCY");
    }
  });

  it("takes QA_CHECK_CONCURRENCY as a whole number of checks, 1 to 16", async () => {
    expect((await importEnvWith({ QA_CHECK_CONCURRENCY: "3" })).ok).toBe(true);
    for (const value of ["0", "2.5", "17", "two"]) {
      const { ok, output } = await importEnvWith({ QA_CHECK_CONCURRENCY: value });
      expect(ok).toBe(false);
      expect(output).toContain("QA_CHECK_CONCURRENCY");
    }
  });

  it("takes QA_BROWSER_CONCURRENCY as a whole number of browser sessions, 1 to 64", async () => {
    expect((await importEnvWith({ QA_BROWSER_CONCURRENCY: "3" })).ok).toBe(true);
    for (const value of ["0", "two", "1.5", "65"]) {
      const { ok, output } = await importEnvWith({ QA_BROWSER_CONCURRENCY: value });
      expect(ok).toBe(false);
      expect(output).toContain("QA_BROWSER_CONCURRENCY");
    }
  });

  it("wants TRACE_URL_TEMPLATE as an http(s) URL with {traceId} in it", async () => {
    expect((await importEnvWith({ TRACE_URL_TEMPLATE: "https://grafana.example.com/explore?traceId={traceId}" })).ok).toBe(true);
    const missing = await importEnvWith({ TRACE_URL_TEMPLATE: "https://grafana.example.com/explore" });
    expect(missing.ok).toBe(false);
    expect(missing.output).toContain("TRACE_URL_TEMPLATE: expected {traceId} in the URL");
    const notUrl = await importEnvWith({ TRACE_URL_TEMPLATE: "grafana/{traceId}" });
    expect(notUrl.ok).toBe(false);
    expect(notUrl.output).toContain("TRACE_URL_TEMPLATE: expected an http(s) URL");
  });

  it("accepts the browser variables in their documented forms", async () => {
    expect((await importEnvWith({ CHROMIUM_PATH: "/usr/bin/chromium", EPIC_BROWSER_SEARCH_PATHS: "/opt/a:/opt/b", EPIC_BROWSER_AUTO_INSTALL: "false" })).ok).toBe(true);
  });

  it("wants a wildcard PREVIEW_ORIGIN, and TRUST_PROXY as true, false or a count", async () => {
    const single = await importEnvWith({ PREVIEW_ORIGIN: "https://preview.example.com" });
    expect(single.ok).toBe(false);
    expect(single.output).toContain("PREVIEW_ORIGIN: expected a wildcard origin");
    expect((await importEnvWith({ PREVIEW_ORIGIN: "https://*.preview.example.com" })).ok).toBe(true);
    const proxy = await importEnvWith({ TRUST_PROXY: "yes" });
    expect(proxy.ok).toBe(false);
    expect(proxy.output).toContain("TRUST_PROXY");
    expect((await importEnvWith({ TRUST_PROXY: "2" })).ok).toBe(true);
    expect((await importEnvWith({ MAX_BODY_BYTES: "10" })).output).toContain("MAX_BODY_BYTES: expected at least 1024 bytes");
  });
});
