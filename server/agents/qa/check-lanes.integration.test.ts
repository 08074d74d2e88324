// QA runs a session's checks a few at a time (QA_CHECK_CONCURRENCY lanes), each lane a browser
// context of its own: the app's server sees that many loads at once, never more, and the report
// still lists the checks in plan order with each one's own outcome.
import { describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { runAcceptanceChecks } from "./run-acceptance-checks";
import { usePageServer } from "./testing/page-server";

describe("QA checks in lanes", { timeout: 120_000 }, () => {
  let inFlight = 0;
  let mostInFlight = 0;
  // Each page load is held for a moment, so loads of checks that run at once overlap here.
  const page = usePageServer((req, res) => {
    // The browser's own request for a favicon is no load of the app.
    if (req.url !== "/") {
      res.writeHead(404).end();
      return;
    }
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      const stored = "<script>localStorage.setItem('seen', String(Number(localStorage.getItem('seen') ?? 0) + 1)); document.title = 'seen ' + localStorage.getItem('seen');</script>";
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!doctype html><html><body><h1>Loaded</h1>${stored}</body></html>`);
    }, 400);
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
    const report = await runAcceptanceChecks({ baseUrl: page.appUrl, plan, browser: page.browser, stepTimeoutMs: 2_000, retryTimedOutChecks: false, checkConcurrency: 2 });
    expect(mostInFlight).toBe(2);
    expect(report.checks.map((check) => [check.id, check.passed])).toEqual([["first", true], ["second", true], ["third", false], ["fourth", true], ["fifth", true]]);
  });

  it("runs one at a time by default", async () => {
    mostInFlight = 0;
    const report = await runAcceptanceChecks({ baseUrl: page.appUrl, plan, browser: page.browser, stepTimeoutMs: 2_000, retryTimedOutChecks: false });
    expect(mostInFlight).toBe(1);
    expect(report.checks.filter((check) => check.passed)).toHaveLength(4);
  });
});
