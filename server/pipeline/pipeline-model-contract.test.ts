// The model path keeps the offline path's contract (issue 11 §7), through the real pipeline: a fake
// model server speaks the Chat Completions wire format; the "model" plans requirements with their
// checks, writes an app by hand, and repairs it when shown QA's failures. Real PGlite, the embedded
// executor, QA in real Chromium.
//
// - Invalid structured output (not JSON, then a plan that breaks the schema) is retried, with the
//   problem in the next request, and the run goes on with the valid plan.
// - A model that drops a requirement (its app has no "Books worth reading" heading) is caught by
//   QA; the repair request names the requirement and the check's output; the repaired app passes.
// - A repair that meets the failing requirement but breaks an earlier one (the add form goes) is
//   caught: every check runs again on every attempt, and the run ends READY_WITH_GAPS naming it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEventPayloads } from "../events/run-events";
import { compileAppPlan } from "../llm/offline/compile-app-plan";
import { startFakeLlmServer, type FakeLlmRequest } from "../llm/testing/fake-llm-server";
import type { TAcceptanceCheck, TPlan } from "../plan/plan-schema";
import { waitForRun } from "../testing/wait-for-run";

const REPAIRED_PROMPT = "A reading list for books, headed Books worth reading";
const BROKEN_PROMPT = "My book shelf: a list of books, headed Books worth reading";

/** A list of books you add to and delete from, kept in localStorage; `heading` and `form` toggle its parts. */
function appFiles({ heading, form }: { heading: boolean; form: boolean }) {
  return [
    {
      path: "index.html",
      content: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Reading List</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>Reading List</h1>
${heading ? "<h2>Books worth reading</h2>" : ""}
${form ? `<form id="add"><label>Title <input id="title" name="title"></label> <button type="submit">Add book</button></form>` : ""}
<ul id="books" aria-label="Books"></ul>
</main>
<script type="module" src="app.js"></script>
</body>
</html>
`,
    },
    {
      path: "app.js",
      content: `const key = "reading-list";
const list = document.querySelector("#books");
const load = () => JSON.parse(localStorage.getItem(key) ?? "[]");
const save = (titles) => localStorage.setItem(key, JSON.stringify(titles));
function render() {
  list.replaceChildren(...load().map((title) => {
    const item = document.createElement("li");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Delete";
    remove.setAttribute("aria-label", "Delete " + title);
    remove.addEventListener("click", () => { save(load().filter((other) => other !== title)); render(); });
    item.append(title + " ", remove);
    return item;
  }));
}
document.querySelector("#add")?.addEventListener("submit", (event) => {
  event.preventDefault();
  const input = document.querySelector("#title");
  const title = input.value.trim();
  if (!title) return;
  save([...load(), title]);
  input.value = "";
  render();
});
render();
`,
    },
  ];
}

const compiled = compileAppPlan("A reading list for books");
if (!compiled.ok) throw new Error(compiled.error);

const checks: TAcceptanceCheck[] = [
  { id: "app-loads", description: "The app loads with its name", steps: [{ action: "goto", path: "/" }, { action: "expectText", text: "Reading List" }] },
  {
    id: "add-book",
    description: "An added book is listed and still there after a reload",
    requirementIds: ["r1"],
    steps: [{ action: "goto", path: "/" }, { action: "fill", label: "Title", value: "Dune" }, { action: "click", role: "button", name: "Add book" }, { action: "expectText", text: "Dune", within: "Books" }, { action: "reload" }, { action: "expectText", text: "Dune", within: "Books" }],
  },
  { id: "heading", description: "The book list is headed “Books worth reading”", requirementIds: ["r2"], steps: [{ action: "goto", path: "/" }, { action: "expectText", text: "Books worth reading" }] },
];

const planFor = (appName: string): TPlan => ({
  ...compiled.plan,
  appName,
  requirements: [
    { id: "r1", kind: "entity", text: "Keep a list of books", quote: "books", promptIndex: 0, status: "planned" },
    { id: "r2", kind: "content", text: "The list is headed “Books worth reading”", quote: "headed Books worth reading", promptIndex: 0, status: "planned" },
  ],
  acceptanceChecks: checks,
});

const planCalls = new Map<string, number>();
function replyFor(request: FakeLlmRequest): string {
  const text = request.promptText;
  const broken = text.includes("My book shelf") || text.includes("Book Shelf");
  const files = (summary: string, list: Array<{ path: string; content: string }>) => JSON.stringify({ summary, files: list });
  if (text.includes("You are PromptCompiler")) {
    // First a reply that is not JSON, then one that breaks the schema, then the plan.
    const key = broken ? "broken" : "repaired";
    const call = (planCalls.get(key) ?? 0) + 1;
    planCalls.set(key, call);
    if (!broken && call === 1) return "Sure! Here is the plan: {";
    if (!broken && call === 2) return JSON.stringify({ ...planFor("Reading List"), pages: [{ path: "Home", title: "Home", purpose: "x" }] });
    return JSON.stringify(planFor(broken ? "Book Shelf" : "Reading List"));
  }
  // The first version drops the heading requirement.
  if (text.includes("You are CodeGen")) return files("Pages and UI", appFiles({ heading: false, form: true }));
  if (text.includes("You are the repair agent")) {
    // The "broken" model adds the heading but loses the add form, every time.
    return files("Added the heading", appFiles({ heading: true, form: !broken }).filter((file) => file.path === "index.html"));
  }
  if (text.includes("You are DB")) return files("Nothing to store on a server", []);
  if (text.includes("You are Infra")) return files("Nothing to add: a static app", []);
  throw new Error("unexpected request");
}

const llm = await startFakeLlmServer({ respond: replyFor });
const dataDir = mkdtempSync(path.join(tmpdir(), "epic-pipeline-contract-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3996";
process.env.OPENAI_COMPATIBLE_BASE_URL = llm.baseURL;
process.env.OPENAI_COMPATIBLE_MODEL = "fake-coder";
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../db");
const { ensureAppExecutor } = await import("../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../testing/callers");
const { sendWithInngest } = await import("./send-event");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;

async function qaResults(runId: string) {
  const events = await db.runEvent.findMany({ where: { runId, type: "qa.result" }, orderBy: { seq: "asc" } });
  return events.map((event) => event.payload as RunEventPayloads["qa.result"]);
}

// Migrating a fresh PGlite folder takes minutes on a busy two-core machine.
beforeAll(async () => {
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
}, 600_000);

afterAll(async () => {
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  await llm.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function modelWorkspace(name: string) {
  const { user, workspace } = await createTestUser(db, name);
  const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
  await api.workspace.updateSettings({ workspaceId: workspace.id, modelProvider: "openai-compatible", modelName: null, runBudgetTokens: null, runBudgetUsd: null, requirePlanApproval: false });
  return { api, workspace };
}

const repairRequests = (appName: string) => llm.requests.filter((request) => request.promptText.includes("You are the repair agent") && request.promptText.includes(`"appName": "${appName}"`));

describe("the model path keeps the requirements contract", { timeout: 600_000 }, () => {
  it("retries invalid plans; a dropped requirement is caught by QA and repaired", async () => {
    const { api, workspace } = await modelWorkspace("contract-repaired");
    const { run } = await api.project.create({ workspaceId: workspace.id, prompt: REPAIRED_PROMPT });
    const finished = await waitForRun(db, run.id, undefined, 400_000);
    expect(finished.error).toBeNull();

    // Invalid structured output: three plan requests, the later ones carrying the problem.
    const planRequests = llm.requests.filter((request) => request.promptText.includes("You are PromptCompiler") && request.promptText.includes(REPAIRED_PROMPT));
    expect(planRequests).toHaveLength(3);
    expect(planRequests[1]!.promptText).toMatch(/could not be used: .*not valid JSON/);
    expect(planRequests[2]!.promptText).toMatch(/could not be used: .*pages/);

    // QA caught the dropped heading; the repair got the requirement and the check's output.
    const results = await qaResults(run.id);
    expect(results.map((result) => [result.attempt, result.passed])).toEqual([[1, false], [2, true]]);
    expect(results[0]!.requirements?.find((r) => r.id === "r2")).toMatchObject({ outcome: "failed", checkIds: ["heading"] });
    const [repair] = repairRequests("Reading List");
    expect(repair!.promptText).toContain('"checkId": "heading"');
    expect(repair!.promptText).toContain("The list is headed “Books worth reading”");
    expect(repair!.promptText).toMatch(/"error": ".*Books worth reading/);

    expect(finished.status).toBe("SUCCEEDED");
    expect(results.at(-1)!.requirements?.map((r) => [r.id, r.outcome])).toEqual([["r1", "passed"], ["r2", "passed"]]);
  });

  it("a repair that breaks an earlier requirement is caught and the run is not green", async () => {
    const { api, workspace } = await modelWorkspace("contract-broken");
    const { run } = await api.project.create({ workspaceId: workspace.id, prompt: BROKEN_PROMPT });
    const finished = await waitForRun(db, run.id, undefined, 400_000);
    expect(finished.error).toBeNull();

    const results = await qaResults(run.id);
    const failedChecks = results.map((result) => result.checks.filter((check) => check.status === "failed").map((check) => check.id));
    // Attempt 1: the heading is missing. After the repair: the heading is there, the add form is gone.
    expect(failedChecks[0]).toEqual(["heading"]);
    for (const later of failedChecks.slice(1)) expect(later).toEqual(["add-book"]);
    expect(results.length).toBeGreaterThan(1);
    // The second repair is asked about the requirement the first one broke.
    expect(repairRequests("Book Shelf")[1]?.promptText).toContain('"checkId": "add-book"');

    expect(finished.status).toBe("READY_WITH_GAPS");
    expect(results.at(-1)!.requirements?.map((r) => [r.id, r.outcome])).toEqual([["r1", "failed"], ["r2", "passed"]]);
    const last = await db.runEvent.findFirstOrThrow({ where: { runId: run.id }, orderBy: { seq: "desc" } });
    expect(last.type).toBe("run.ready_with_gaps");
    expect((last.payload as RunEventPayloads["run.ready_with_gaps"]).gaps.map((gap) => [gap.id, gap.status])).toEqual([["r1", "failed"]]);
  });
});
