// Every kind of acceptance-check step against a real page in headless Chromium: the fixture app
// in ./testing/step-fixture is served under the preview CSP, and each step must pass where the
// page agrees and fail, with a message naming what was expected, where it does not.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium } from "./run-acceptance-checks";
import { runStep, type Step, type StepContext } from "./run-step";
import { serveDirectory, type ServedDirectory } from "./serve-directory";

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "testing/step-fixture");

let browser: Browser;
let served: ServedDirectory;
let context: BrowserContext;
let page: Page;
let stepContext: StepContext;

beforeAll(async () => {
  [browser, served] = await Promise.all([launchChromium(), serveDirectory({ root: fixture, prefix: "/preview/fixture/" })]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  stepContext = { baseUrl: served.baseUrl, timeout: 1_500, clockAt: null };
});
afterEach(() => context.close());

const run = async (...steps: Step[]) => {
  for (const step of steps) await runStep(page, stepContext, step);
};
const fails = (step: Step) => expect(runStep(page, stepContext, step)).rejects.toThrow();

describe("acceptance-check steps in a real browser", () => {
  it("fills by label, resolves date tokens against a fixed clock, and scopes text to a labelled section", async () => {
    await run(
      { action: "clock", at: "2026-03-15" },
      { action: "goto", path: "/" },
      { action: "expectText", text: "Today is 2026-03-15" },
      { action: "fill", label: "Title", value: "Matilda" },
      { action: "fill", label: "Due date", value: "{{today-1}}" },
      { action: "click", role: "button", name: "Add loan" },
      { action: "fill", label: "Title", value: "The Hobbit" },
      { action: "fill", label: "Due date", value: "{{today+7}}" },
      { action: "check", label: "Paid" },
      { action: "click", role: "button", name: "Add loan" },
      { action: "expectText", text: "Matilda", within: "Overdue loans" },
      { action: "expectNoText", text: "The Hobbit", within: "Overdue loans" },
      { action: "expectText", text: "The Hobbit due 2026-03-22 (paid)", within: "Loans" },
      { action: "expectCount", role: "listitem", within: "Overdue loans", count: 1 },
      { action: "expectCount", role: "listitem", name: "Matilda", count: 2 },
      { action: "expectOrder", texts: ["The Hobbit", "Matilda"], within: "Loans" },
      { action: "expectValue", label: "Total", value: "2" },
    );
    await fails({ action: "expectText", text: "The Hobbit", within: "Overdue loans" });
    // "Loans" is also a loose match for the "Overdue loans" section above it: the exact name wins.
    await fails({ action: "expectNoText", text: "The Hobbit", within: "Loans" });
    await fails({ action: "expectOrder", texts: ["Matilda", "The Hobbit"], within: "Loans" });
    await fails({ action: "expectCount", role: "listitem", within: "Overdue loans", count: 2 });
  });

  it("compares outputs numerically at the precision asked for", async () => {
    await run({ action: "goto", path: "/" }, { action: "expectValue", label: "Miles", value: "6.21" });
    await expect(runStep(page, stepContext, { action: "expectValue", label: "Miles", value: "6.3" })).rejects.toThrow(/Miles.*6\.3.*6\.214/);
  });

  it("reads a chart's type and legend", async () => {
    await run(
      { action: "goto", path: "/" },
      { action: "expectChart", name: "Spending by category", chartType: "pie", segmentCount: 2, segments: [{ label: "Food", value: "60", share: "60%" }, { label: "rent", share: "40%" }] },
    );
    await expect(runStep(page, stepContext, { action: "expectChart", name: "Spending by category", chartType: "bar" })).rejects.toThrow(/bar chart.*pie chart/);
    await fails({ action: "expectChart", name: "Spending by category", segments: [{ label: "Travel" }] });
  });

  it("judges appearance, title and element states", async () => {
    await run(
      { action: "goto", path: "/" },
      { action: "expectStyle", check: "dark-background" },
      { action: "expectStyle", check: "large-text", value: "19" },
      { action: "expectStyle", check: "serif-font" },
      { action: "expectStyle", check: "accent-hue", value: "#7c9a6e" },
      { action: "expectTitle", text: "fixture library" },
      { action: "expectElement", role: "checkbox", name: "Paid", state: "unchecked" },
      { action: "check", label: "Paid" },
      { action: "expectElement", role: "checkbox", name: "Paid", state: "checked" },
      { action: "expectElement", role: "heading", name: "Overdue loans" },
    );
    await fails({ action: "expectStyle", check: "light-background" });
    await fails({ action: "expectTitle", text: "Something else" });
  });

  it("uploads a generated picture through a file input, and tells a drawn image from a broken one", async () => {
    await run({ action: "goto", path: "/" });
    await fails({ action: "expectElement", role: "img", name: "Cover of Dune", state: "loaded" });
    await run(
      { action: "upload", label: "Cover photo", file: "picture", within: "Cover" },
      { action: "expectElement", role: "img", name: "Cover of Dune", state: "loaded", within: "Cover" },
      { action: "expectElement", role: "img", name: "Broken cover", state: "visible" },
    );
    await fails({ action: "expectElement", role: "img", name: "Broken cover", state: "loaded" });
  });

  it("moves a fake clock forward, firing the app's timers", async () => {
    await run(
      { action: "clock", at: "2026-03-15T09:00" },
      { action: "goto", path: "/" },
      { action: "click", role: "button", name: "Start" },
      { action: "expectText", text: "Work", within: "Timer" },
      { action: "advanceClock", ms: 25 * 60 * 1000 },
      { action: "expectText", text: "Break time", within: "Timer" },
    );
  });

  it("clicks as a user can: scrolls to a button, waits for one to be enabled, never clicks one that is covered or disabled", async () => {
    await page.setContent(`<main>
      <p aria-label="Clicks" role="status">none</p>
      <div style="height: 3000px"></div>
      <button id="far">Far down</button>
      <button id="late" disabled>Later</button>
      <fieldset disabled><button id="fenced">Fenced</button></fieldset>
      <button id="under" style="position: fixed; top: 10px; left: 10px">Under</button>
      <div style="position: fixed; inset: 0; background: rgb(0 0 0 / 0.3)" id="veil"></div>
    </main>
    <script>
      for (const button of document.querySelectorAll("button")) button.addEventListener("click", () => { document.querySelector("[role=status]").textContent += " " + button.id; });
      setTimeout(() => { document.getElementById("late").disabled = false; }, 300);
    </script>`);
    await fails({ action: "click", role: "button", name: "Under" });
    await fails({ action: "click", role: "button", name: "Fenced" });
    await page.evaluate(() => document.getElementById("veil")!.remove());
    await run({ action: "click", role: "button", name: "Far down" }, { action: "click", role: "button", name: "Later" }, { action: "click", role: "button", name: "Under" });
    expect(await page.getByRole("status").textContent()).toBe("none far late under");
  });

  it("fills as a user types: over the old text, dates set with their events, never a read-only or disabled field", async () => {
    await page.setContent(`<main>
      <label>Name <input id="name" value="old text"></label>
      <label>Notes <textarea id="notes">old notes</textarea></label>
      <label>Count <input id="count" type="number"></label>
      <label>Due <input id="due" type="date"></label>
      <label>Locked <input id="locked" readonly value="fixed"></label>
      <label>Off <input id="off" disabled></label>
      <p role="status" aria-label="Log"></p>
    </main>
    <script>
      const log = document.querySelector("[role=status]");
      for (const field of document.querySelectorAll("input, textarea")) {
        field.addEventListener("input", () => { log.textContent += " input:" + field.id + "=" + field.value; });
        field.addEventListener("change", () => { log.textContent += " change:" + field.id; });
      }
    </script>`);
    await run(
      { action: "fill", label: "Name", value: "Marigold" },
      { action: "fill", label: "Notes", value: "" },
      { action: "fill", label: "Count", value: "12" },
      { action: "fill", label: "Due", value: "2026-03-14" },
    );
    expect(await page.evaluate(() => ["name", "notes", "count", "due"].map((id) => (document.getElementById(id) as HTMLInputElement).value))).toEqual(["Marigold", "", "12", "2026-03-14"]);
    const log = (await page.getByRole("status").textContent()) ?? "";
    expect(log).toContain("input:name=Marigold");
    expect(log).toContain("input:due=2026-03-14 change:due");
    await fails({ action: "fill", label: "Locked", value: "changed" });
    await fails({ action: "fill", label: "Off", value: "changed" });
    await expect(runStep(page, stepContext, { action: "fill", label: "Due", value: "next tuesday" })).rejects.toThrow(/date field refused "next tuesday".*2026-03-14/);
    expect(await page.evaluate(() => (document.getElementById("due") as HTMLInputElement).value)).toBe("2026-03-14");
    expect(await page.evaluate(() => (document.getElementById("locked") as HTMLInputElement).value)).toBe("fixed");
  });

  it("drags a card into another column and presses keys", async () => {
    await run(
      { action: "goto", path: "/" },
      { action: "drag", from: { role: "listitem", name: "Fix login bug" }, to: { role: "list", name: "Doing cards" } },
      { action: "expectText", text: "Fix login bug", within: "Doing" },
      { action: "expectNoText", text: "Fix login bug", within: "Backlog" },
      { action: "fill", label: "Title", value: "Typed" },
      { action: "press", key: "Tab" },
    );
  });
});
