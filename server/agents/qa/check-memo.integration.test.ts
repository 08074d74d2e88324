// The acceptance-check memo in a real browser: passes are stored as they pass, a run again of the
// same step keeps them and runs the rest, a failure is never kept, and a stored result counts only
// for the same check against the same app. The memo here is the interface's simplest form (a Map);
// the pipeline's database-backed one is tested in server/pipeline/qa-check-memo.test.ts.
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "~/server/browser/launch-browser";
import type { TAcceptanceCheck } from "~/server/plan/plan-schema";
import { fingerprintApp } from "./check-fingerprint";
import { runAcceptanceChecks, type CheckMemo, type StoredCheck } from "./run-acceptance-checks";

/** A memo in memory, keyed like the database's (check, fingerprint), counting what it was asked. */
function memoryMemo(): CheckMemo & { entries: StoredCheck[]; stores: string[] } {
  const entries: StoredCheck[] = [];
  const stores: string[] = [];
  return {
    entries,
    stores,
    async load(fingerprints) {
      return entries.filter((entry) => fingerprints.includes(entry.fingerprint));
    },
    async store(check) {
      stores.push(check.checkId);
      if (!entries.some((entry) => entry.checkId === check.checkId && entry.fingerprint === check.fingerprint)) entries.push(check);
    },
  };
}

describe("acceptance checks with a memo (real browser)", { timeout: 180_000 }, () => {
  let browser: Browser;
  let app: Server;
  let origin: string;
  const hits = new Map<string, number>();
  const app1 = fingerprintApp([{ path: "index.html", content: "one" }]);
  const app2 = fingerprintApp([{ path: "index.html", content: "two" }]);

  beforeAll(async () => {
    // Each check opens a page of its own, so the server counts which checks ran. "/noisy/" logs a
    // console error (the check still passes, but QA must not).
    app = createServer((req, res) => {
      const path = req.url ?? "/";
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const script = path.startsWith("/noisy/") ? "<script>console.error('noisy page')</script>" : "";
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!doctype html><html><body><h1>Loaded ${path}</h1>${script}</body></html>`);
    });
    app.listen(0, "127.0.0.1");
    await once(app, "listening");
    origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    app?.closeAllConnections();
    app?.close();
  });

  const opens = (id: string, text = "Loaded"): TAcceptanceCheck => ({
    id,
    description: `${id} opens`,
    requirementIds: [],
    steps: [{ action: "goto", path: `${origin}/${id}/` }, { action: "expectText", text }],
  });
  const run = (checks: TAcceptanceCheck[], memo: CheckMemo, appFingerprint = app1) =>
    runAcceptanceChecks({ baseUrl: `${origin}/`, plan: { acceptanceChecks: checks }, browser, stepTimeoutMs: 1_000, retryTimedOutChecks: false, memo: { checks: memo, appFingerprint } });
  const hitsOf = (id: string) => hits.get(`/${id}/`) ?? 0;

  it("stores only passed checks; run again, keeps them, runs the failed one again, and still takes a screenshot", async () => {
    const memo = memoryMemo();
    const checks = [opens("a1"), opens("a2"), opens("a3", "Never shown")];
    const first = await run(checks, memo);
    expect(first.checks.map((check) => check.status)).toEqual(["passed", "passed", "failed"]);
    expect(memo.entries.map((entry) => entry.checkId)).toEqual(["a1", "a2"]);
    expect(memo.entries.every((entry) => entry.result.passed)).toBe(true);

    const again = await run(checks, memo);
    expect([hitsOf("a1"), hitsOf("a2"), hitsOf("a3")]).toEqual([1, 1, 2]);
    expect(again.checks.map((check) => [check.id, check.status, check.isFromEarlierAttempt ?? false])).toEqual([
      ["a1", "passed", true],
      ["a2", "passed", true],
      ["a3", "failed", false],
    ]);
    // The kept results are the stored ones, word for word.
    expect(again.checks[1]).toEqual({ ...memo.entries[1]!.result, isFromEarlierAttempt: true });
    expect(memo.stores).toEqual(["a1", "a2"]);
    // a2 (the screenshot's check) was kept: a3, the next that ran, took it.
    expect(again.screenshot).not.toBeNull();
  });

  it("a failed result that found its way into the memo is run again, never reused", async () => {
    const memo = memoryMemo();
    const checks = [opens("b1"), opens("b2")];
    await run(checks, memo);
    const stored = memo.entries[1]!;
    memo.entries[1] = { ...stored, result: { ...stored.result, passed: false, status: "failed", message: "stored as failed" } };
    const again = await run(checks, memo);
    expect([hitsOf("b1"), hitsOf("b2")]).toEqual([1, 2]);
    expect(again.checks.map((check) => check.isFromEarlierAttempt ?? false)).toEqual([true, false]);
    expect(again.checks[1]).toMatchObject({ passed: true, status: "passed" });
  });

  it("another build of the app, or a changed check, reuses nothing", async () => {
    const memo = memoryMemo();
    await run([opens("c1"), opens("c2")], memo);
    const otherApp = await run([opens("c1"), opens("c2")], memo, app2);
    expect(otherApp.checks.some((check) => check.isFromEarlierAttempt)).toBe(false);
    const changed = await run([opens("c1", "Loaded /c1/"), opens("c2")], memo);
    expect(changed.checks.map((check) => check.isFromEarlierAttempt ?? false)).toEqual([false, true]);
    expect([hitsOf("c1"), hitsOf("c2")]).toEqual([3, 2]);
  });

  it("everything kept: nothing runs, the stored console errors still fail QA, and one load of the app gives the screenshot", async () => {
    const memo = memoryMemo();
    const checks = [opens("d1"), opens("noisy")];
    const first = await run(checks, memo);
    expect(first.checks.every((check) => check.passed)).toBe(true);
    expect(first.consoleErrors).toEqual(["console: noisy page"]);
    expect(memo.entries.find((entry) => entry.checkId === "noisy")!.consoleErrors).toEqual(["console: noisy page"]);

    const rootHits = hits.get("/") ?? 0;
    const again = await run(checks, memo);
    expect([hitsOf("d1"), hitsOf("noisy")]).toEqual([1, 1]);
    expect(again.checks.every((check) => check.isFromEarlierAttempt)).toBe(true);
    expect(again.consoleErrors).toEqual(["console: noisy page"]);
    expect(again.passed).toBe(false);
    expect(hits.get("/")).toBe(rootHits + 1);
    expect(again.screenshot).not.toBeNull();
  });

  it("without a memo every check runs, as before", async () => {
    const report = await runAcceptanceChecks({ baseUrl: `${origin}/`, plan: { acceptanceChecks: [opens("e1")] }, browser, stepTimeoutMs: 1_000 });
    expect(report.checks[0]).toMatchObject({ passed: true });
    expect(report.checks[0]!.isFromEarlierAttempt).toBeUndefined();
    expect(report.screenshot).not.toBeNull();
  });
});
