// The pipeline on a real model path: the AI SDK's OpenAI-compatible client talks over HTTP to a
// local fake server speaking the Chat Completions wire format. The scripted "model" writes code
// that fails QA, then repairs it when shown the failures; a second workspace's tiny token budget
// stops its run cleanly.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForRun } from "../testing/wait-for-run";
import { compileAppPlan, generateAppCode, generateAppData, generateAppInfra } from "../llm/offline";
import { startFakeLlmServer, type FakeLlmRequest } from "../llm/testing/fake-llm-server";

// The scripted model answers with what the offline compiler would: a bakery site, whose sections
// the runtime has today.
const PROMPT = "landing page for Rosie's Bakery with our menu and opening hours";
const compiled = compileAppPlan(PROMPT);
if (!compiled.ok) throw new Error(compiled.error);
const plan = compiled.plan;
const goodCode = generateAppCode(plan);
// The model's first attempt forgets the app's script: the page loads but nothing works.
const brokenCode = goodCode.map((file) =>
  file.path === "index.html" ? { ...file, content: file.content.replace(/<script type="module" src="[^"]+"><\/script>/, "") } : file,
);

if (brokenCode.find((file) => file.path === "index.html")?.content.includes("<script")) throw new Error("the broken page still loads its script");

function replyFor(request: FakeLlmRequest): string {
  const text = request.promptText;
  const files = (summary: string, list: Array<{ path: string; content: string }>) => JSON.stringify({ summary, files: list });
  if (text.includes("You are PromptCompiler")) return JSON.stringify(plan);
  if (text.includes("You are the repair agent")) return files("Put the app's script back", goodCode.filter((file) => file.path === "index.html"));
  if (text.includes("You are CodeGen")) return files("Pages and UI", brokenCode);
  if (text.includes("You are DB")) return files("Data layer", generateAppData(plan));
  if (text.includes("You are Infra")) return files("Infrastructure", generateAppInfra(plan));
  throw new Error("unexpected request");
}

const llm = await startFakeLlmServer({ respond: replyFor });
const dataDir = mkdtempSync(path.join(tmpdir(), "epic-pipeline-llm-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3998";
process.env.OPENAI_COMPATIBLE_BASE_URL = llm.baseURL;
process.env.OPENAI_COMPATIBLE_MODEL = "fake-coder";
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../db");
const { ensureAppExecutor } = await import("../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../testing/callers");
const { sendWithInngest } = await import("./send-event");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;

async function workspaceOnModel(name: string, budget: { runBudgetTokens: number | null }) {
  const { user, workspace } = await createTestUser(db, name);
  const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
  await api.workspace.updateSettings({
    workspaceId: workspace.id,
    modelProvider: "openai-compatible",
    modelName: null,
    runBudgetTokens: budget.runBudgetTokens,
    runBudgetUsd: null,
    requirePlanApproval: false,
  });
  return { api, workspace };
}

beforeAll(async () => {
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
});

afterAll(async () => {
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  await llm.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the agent pipeline on an OpenAI-compatible model", { timeout: 300_000 }, () => {
  it("repairs code that fails QA, records tokens per agent, and deploys the repaired version", async () => {
    const { api, workspace } = await workspaceOnModel("llm-builder", { runBudgetTokens: null });
    const { run } = await api.project.create({ workspaceId: workspace.id, prompt: PROMPT });
    const finished = await waitForRun(db, run.id);
    expect(finished.error).toBeNull();
    expect(finished.status).toBe("SUCCEEDED");

    const qaResults = (await db.runEvent.findMany({ where: { runId: run.id, type: "qa.result" }, orderBy: { seq: "asc" } })).map(
      (event) => event.payload as { passed: boolean; attempt: number },
    );
    expect(qaResults.map((result) => [result.attempt, result.passed])).toEqual([
      [1, false],
      [2, true],
    ]);
    const repairRequest = llm.requests.find((request) => request.promptText.includes("You are the repair agent"));
    expect(repairRequest?.model).toBe("fake-coder");

    const tasks = await db.agentTask.findMany({ where: { runId: run.id }, orderBy: { createdAt: "asc" } });
    const repair = tasks.find((task) => task.taskType === "repair");
    expect(repair).toMatchObject({ agentName: "CodeGen", status: "SUCCEEDED" });
    expect(repair!.tokensIn + repair!.tokensOut).toBeGreaterThan(0);
    expect(finished.tokensIn).toBe(tasks.reduce((sum, task) => sum + task.tokensIn, 0));

    const versions = await api.version.list({ projectId: finished.projectId });
    expect(versions.map((version) => version.number)).toEqual([2, 1]);
    const live = await api.project.get({ projectId: finished.projectId });
    expect(live.liveVersionId).toBe(versions[0]!.id);
    expect(llm.requests.every((request) => request.api === "openai-chat")).toBe(true);
  });

  it("stops a run cleanly when its token budget is spent, leaving nothing half-built", async () => {
    const { api, workspace } = await workspaceOnModel("llm-budget", { runBudgetTokens: 1_000 });
    const { run, project } = await api.project.create({ workspaceId: workspace.id, prompt: PROMPT });
    const finished = await waitForRun(db, run.id);
    expect(finished.status).toBe("FAILED");
    expect(finished.error).toMatch(/budget/i);
    expect(await db.projectVersion.count({ where: { projectId: project.id } })).toBe(0);
    expect((await api.project.get({ projectId: project.id })).status).toBe("FAILED");
  });
});
