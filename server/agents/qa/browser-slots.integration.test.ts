// The bound on concurrent browser QA sessions, with real Chromium: three QA sessions at once on an
// instance allowed two. The app under test holds its page until the test lets it go, so the first
// two sessions are provably inside their checks while the third waits for a slot (it has not
// launched a browser nor asked for a page), then runs once a slot is freed and says it waited.
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPlan } from "~/server/plan/plan-schema";
import { createBrowserSlots } from "./browser-slots";
import { runAcceptanceChecks } from "./run-acceptance-checks";

describe("browser QA sessions beyond the instance's bound", { timeout: 180_000 }, () => {
  let app: Server;
  let appUrl: string;
  const arrived: string[] = [];
  const held: Array<() => void> = [];

  beforeAll(async () => {
    // Each session has a base of its own ("/a/", "/b/", "/c/"); its page is answered when the test says.
    app = createServer((req, res) => {
      // Only the pages count (Chromium may ask for a favicon once a page has loaded).
      if (!/^\/[a-z]\/$/.test(req.url ?? "")) return void res.writeHead(404).end();
      arrived.push(req.url!);
      held.push(() => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end("<!doctype html><html><body><h1>Loaded</h1></body></html>"));
    });
    app.listen(0, "127.0.0.1");
    await once(app, "listening");
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    app?.closeAllConnections();
    app?.close();
  });

  const plan: Pick<TPlan, "acceptanceChecks"> = {
    acceptanceChecks: [{ id: "loads", description: "the page loads", requirementIds: [], steps: [{ action: "goto", path: "/" }, { action: "expectText", text: "Loaded" }] }],
  };

  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 60_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it("runs two at once and queues the third until one of them ends; the third says how long it waited", async () => {
    const slots = createBrowserSlots(2);
    const waits: Record<string, number> = {};
    const session = (name: string) =>
      runAcceptanceChecks({
        baseUrl: `${appUrl}${name}/`,
        plan,
        slots,
        // Generous, so a busy test machine does not time the held pages out.
        stepTimeoutMs: 60_000,
        onBrowserSlot: (slot) => {
          waits[name] = slot.waitedMs;
        },
      });
    const a = session("a");
    const b = session("b");
    await until(() => arrived.length === 2, "the first two sessions' pages");
    const c = session("c");
    await until(() => slots.waiting() === 1, "the third session to queue");
    // Give the third every chance to (wrongly) start: it must still be waiting, its page not asked for.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([slots.active(), slots.waiting()]).toEqual([2, 1]);
    expect(arrived.sort()).toEqual(["/a/", "/b/"]);
    expect(waits.c).toBeUndefined();

    held.shift()!();
    await until(() => arrived.length === 3, "the third session's page");
    expect(arrived[2]).toBe("/c/");
    while (held.length > 0) held.shift()!();
    const reports = await Promise.all([a, b, c]);
    for (const report of reports) expect(report.checks[0]).toMatchObject({ passed: true, status: "passed" });
    expect(waits.a).toBe(0);
    expect(waits.b).toBe(0);
    expect(waits.c).toBeGreaterThanOrEqual(1_500);
    expect(reports[2]!.browserWaitMs).toBe(waits.c);
    expect([slots.active(), slots.waiting()]).toEqual([0, 0]);
  });
});
