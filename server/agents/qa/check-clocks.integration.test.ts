// QA's checks share one browser context, and a fake clock, once a check installs it, stays with
// the context: each check with a clock step must see its own time, and each check without one
// the real time and timers that fire as real ones do, whatever ran before it.
import { describe, expect, it } from "vitest";
import type { TAcceptanceCheck } from "~/server/plan/plan-schema";
import { runAcceptanceChecks } from "./run-acceptance-checks";
import { usePageServer } from "./testing/page-server";

const clockPage = `<!doctype html><html><head><title>Clock</title></head><body>
<p id="today"></p><p id="timer">waiting</p>
<script>
const iso = (date) => date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0");
document.getElementById("today").textContent = "Today is " + iso(new Date());
setTimeout(() => { document.getElementById("timer").textContent = "fired"; }, 300);
</script></body></html>`;

const check = (id: string, steps: TAcceptanceCheck["steps"]): TAcceptanceCheck => ({ id, description: id, requirementIds: [], steps });

describe("fake clocks across a session's checks", { timeout: 120_000 }, () => {
  const page = usePageServer((req, res) => {
    if (req.url !== "/") return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(clockPage);
  });

  it("gives each check its own time: a set clock, moved on by the check, and the real one back after it", async () => {
    const plan = {
      acceptanceChecks: [
        check("spring", [{ action: "clock", at: "2026-03-15T09:00" }, { action: "goto", path: "/" }, { action: "expectText", text: "Today is 2026-03-15" }, { action: "advanceClock", ms: 1_000 }, { action: "expectText", text: "fired" }]),
        check("real-after-spring", [{ action: "goto", path: "/" }, { action: "expectText", text: "Today is {{today}}" }, { action: "expectText", text: "fired" }]),
        check("christmas", [{ action: "clock", at: "2025-12-24T18:00" }, { action: "goto", path: "/" }, { action: "expectText", text: "Today is 2025-12-24" }]),
        check("real-after-christmas", [{ action: "goto", path: "/" }, { action: "expectText", text: "Today is {{today}}" }, { action: "expectText", text: "fired" }]),
      ],
    };
    const report = await runAcceptanceChecks({ baseUrl: page.appUrl, plan, browser: page.browser, stepTimeoutMs: 3_000, retryTimedOutChecks: false });
    expect(report.checks.map((result) => [result.id, result.passed, result.message ?? ""])).toEqual([
      ["spring", true, ""],
      ["real-after-spring", true, ""],
      ["christmas", true, ""],
      ["real-after-christmas", true, ""],
    ]);
  });
});
