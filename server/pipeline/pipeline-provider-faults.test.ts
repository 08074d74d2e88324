// A model provider failing under a real pipeline run (embedded executor, PGlite, the AI SDK's
// OpenAI-compatible client over HTTP to the fake provider): the run ends FAILED with a message
// naming the provider, no agent task is left RUNNING, a 401 is not retried, and replies paid for
// before the provider went down stay on the run's totals (and so its budget).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForRun } from "../testing/wait-for-run";
import { startFakeLlmServer, type FakeLlmReply, type FakeLlmRequest } from "../llm/testing/fake-llm-server";
import { samplePlan } from "../llm/testing/sample-plan";

const invalidPlan = JSON.stringify({ ...samplePlan, pages: [{ path: "Home", title: "Home", purpose: "x" }] });
const paidUsage = { inputTokens: 700, outputTokens: 300 };

// Each test's prompt carries a marker that picks how the provider fails.
function replyFor(request: FakeLlmRequest): FakeLlmReply {
  const text = request.promptText;
  // Retry-After: 0 keeps the test quick; the wait itself is measured in server/llm/provider-faults.test.ts.
  if (text.includes("[always-429]")) return { error: { status: 429, message: "Rate limit reached for requests", retryAfterSeconds: 0 } };
  if (text.includes("[bad-key]")) return { error: { status: 401, message: "Incorrect API key provided" } };
  if (text.includes("[paid-then-down]")) {
    return text.includes("Your previous reply could not be used")
      ? { error: { status: 429, message: "Rate limit reached for requests", retryAfterSeconds: 0 } }
      : { text: invalidPlan, usage: paidUsage };
  }
  throw new Error("unexpected request");
}

const llm = await startFakeLlmServer({ respond: replyFor });
const dataDir = mkdtempSync(path.join(tmpdir(), "epic-pipeline-provider-faults-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3997";
process.env.OPENAI_COMPATIBLE_BASE_URL = llm.baseURL;
process.env.OPENAI_COMPATIBLE_MODEL = "fake-coder";
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../db");
const { ensureAppExecutor } = await import("../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../testing/callers");
const { sendWithInngest } = await import("./send-event");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;

async function runOnFailingProvider(name: string, marker: string) {
  const { user, workspace } = await createTestUser(db, name);
  const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
  await api.workspace.updateSettings({ workspaceId: workspace.id, modelProvider: "openai-compatible", modelName: null, runBudgetTokens: null, runBudgetUsd: null, requirePlanApproval: false });
  const before = llm.requests.length;
  const { run } = await api.project.create({ workspaceId: workspace.id, prompt: `a todo list ${marker}` });
  const finished = await waitForRun(db, run.id);
  const tasks = await db.agentTask.findMany({ where: { runId: run.id }, orderBy: { createdAt: "asc" } });
  return { finished, tasks, calls: llm.requests.length - before };
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

describe("a failing model provider under a pipeline run", { timeout: 180_000 }, () => {
  it("429 every time: retried inside each call and by the step, then FAILED naming the provider", async () => {
    const { finished, tasks, calls } = await runOnFailingProvider("provider-429", "[always-429]");
    expect(finished.status).toBe("FAILED");
    expect(finished.error).toMatch(/^Model provider openai-compatible \(fake-coder\) failed: rate limited \(HTTP 429: Rate limit reached for requests\) after 3 attempts/);
    // 3 HTTP attempts per call (the SDK's retries), 3 attempts of the plan step (the executor's).
    expect(calls).toBe(9);
    expect(tasks.map((task) => [task.taskType, task.status])).toEqual([
      ["plan", "FAILED"],
      ["plan", "FAILED"],
      ["plan", "FAILED"],
    ]);
  });

  it("401: not retried, the run fails at once with the provider's answer", async () => {
    const { finished, tasks, calls } = await runOnFailingProvider("provider-401", "[bad-key]");
    expect(finished.status).toBe("FAILED");
    expect(finished.error).toBe("Model provider openai-compatible (fake-coder) failed: HTTP 401: Incorrect API key provided (PromptCompiler.plan).");
    expect(calls).toBe(1);
    expect(tasks.map((task) => task.status)).toEqual(["FAILED"]);
  });

  it("replies paid for before the provider went down stay on the run's totals", async () => {
    const { finished, tasks, calls } = await runOnFailingProvider("provider-paid", "[paid-then-down]");
    expect(finished.status).toBe("FAILED");
    expect(finished.error).toMatch(/^Model provider openai-compatible \(fake-coder\) failed: rate limited/);
    // Each of the 3 step attempts: one paid (invalid) reply, then 3 rate-limited repair requests.
    expect(calls).toBe(12);
    expect(tasks).toHaveLength(3);
    for (const task of tasks) expect(task).toMatchObject({ status: "FAILED", tokensIn: paidUsage.inputTokens, tokensOut: paidUsage.outputTokens });
    expect({ tokensIn: finished.tokensIn, tokensOut: finished.tokensOut }).toEqual({ tokensIn: 3 * paidUsage.inputTokens, tokensOut: 3 * paidUsage.outputTokens });
    expect(await db.agentTask.count({ where: { runId: finished.id, status: "RUNNING" } })).toBe(0);
  });
});
