// QA runs a session's checks a few at a time (QA_CHECK_CONCURRENCY lanes), each lane a browser
// context of its own: the app's server sees that many loads at once, never more, and the report
// still lists the checks in plan order with each one's own outcome.
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "~/server/browser/launch-browser";
import type { TPlan } from "~/server/plan/plan-schema";
import { runAcceptanceChecks } from "./run-acceptance-checks";

describe("QA checks in lanes", { timeout: 120_000 }, () => {
  let browser: Browser;
  let app: Server;
  let appUrl: string;
  let inFlight = 0;
  let mostInFlight = 0;

  beforeAll(async () => {
    // Each page load is held for a moment, so loads of checks that run at once overlap here.
    app = createServer((req, res) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        const stored = "<script>localStorage.setItem('seen', String(Number(localStorage.getItem('seen') ?? 0) + 1)); document.title = 'seen ' + localStorage.getItem('seen');</script>";
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!doctype html><html><body><h1>Loaded</h1>${stored}</body></html>`);
      }, 400);
    });
    app.listen(0, "127.0.0.1");
    await once(app, "listening");
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    app?.closeAllConnections();
    app?.close();
  });

  // Every check starts from empty storage, whichever lane runs it after whichever check: the page
  // counts its loads in localStorage, and each check sees its first. The third one fails.
  const plan: Pick<TPlan, "acceptanceChecks"> = {
    acceptanceChecks: ["first", "second", "third", "fourth", "fifth"].map((id) => ({
      id,
      description: `${id} load`,
      requirementIds: [],
      steps: [{ action: "goto" as const, path: "/" }, { action: "expectTitle" as const, text: id === "third" ? "seen 2" : "seen 1" }],
    })),
  };

  it("runs two checks at once when told to, in contexts of their own, and reports them in plan order", async () => {
    mostInFlight = 0;
    const report = await runAcceptanceChecks({ baseUrl: appUrl, plan, browser, stepTimeoutMs: 2_000, retryTimedOutChecks: false, checkConcurrency: 2 });
    expect(mostInFlight).toBe(2);
    expect(report.checks.map((check) => [check.id, check.passed])).toEqual([["first", true], ["second", true], ["third", false], ["fourth", true], ["fifth", true]]);
  });

  it("runs one at a time by default", async () => {
    mostInFlight = 0;
    const report = await runAcceptanceChecks({ baseUrl: appUrl, plan, browser, stepTimeoutMs: 2_000, retryTimedOutChecks: false });
    expect(mostInFlight).toBe(1);
    expect(report.checks.filter((check) => check.passed)).toHaveLength(4);
  });
});
