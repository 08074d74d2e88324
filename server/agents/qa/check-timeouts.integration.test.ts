// A browser check that times out because the machine (here: the app's server) is slow once runs
// again instead of failing QA; one that times out every time fails, reported as timed out, with
// the load-scaled timeout it had.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { runAcceptanceChecks } from "./run-acceptance-checks";
import { usePageServer } from "./testing/page-server";

describe("QA browser checks that time out", { timeout: 120_000 }, () => {
  const hits = new Map<string, number>();
  // Checks open "#/" under their base URL, so each case has a base of its own: "/slow-once/": the
  // first request never gets an answer (a stalled, overloaded server); "/stuck/": none ever does.
  const page = usePageServer((req, res) => {
    const path = req.url ?? "/";
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    if (path === "/stuck/" || (path === "/slow-once/" && hit === 1)) return;
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end("<!doctype html><html><body><h1>Loaded</h1></body></html>");
  });

  const plan: Pick<TPlan, "acceptanceChecks"> = {
    acceptanceChecks: [{ id: "loads", description: "the page loads", requirementIds: [], steps: [{ action: "goto", path: "/" }, { action: "expectText", text: "Loaded" }] }],
  };

  it("retries a check that timed out once, and it passes", async () => {
    const report = await runAcceptanceChecks({ baseUrl: `${page.appUrl}slow-once/`, plan, browser: page.browser, stepTimeoutMs: 500 });
    expect(hits.get("/slow-once/")).toBe(2);
    expect(report.checks[0]).toMatchObject({ passed: true, status: "passed" });
    expect(report.checks[0]!.message).toMatch(/^passed on a second try; the first timed out/);
  });

  it("fails a check that times out twice, and says it timed out", async () => {
    const report = await runAcceptanceChecks({ baseUrl: `${page.appUrl}stuck/`, plan, browser: page.browser, stepTimeoutMs: 500 });
    expect(hits.get("/stuck/")).toBe(2);
    expect(report.passed).toBe(false);
    expect(report.checks[0]).toMatchObject({ passed: false, status: "failed", isTimedOut: true });
    expect(report.checks[0]!.message).toMatch(/^timed out twice: step 1 .*timed out/);
  });

  it("scales the step timeout with the machine's load, once per check, and says so when it still times out", async () => {
    const report = await runAcceptanceChecks({ baseUrl: `${page.appUrl}stuck/`, plan, browser: page.browser, stepTimeoutMs: 300, readLoad: () => ({ load: 4, cores: 2 }) });
    expect(report.checks[0]).toMatchObject({ passed: false, isTimedOut: true });
    expect(report.checks[0]!.message).toContain("timed out with a step timeout of 0.6 s (load-scaled from 0.3 s at load 4.0 on 2 cores)");
  });
});
