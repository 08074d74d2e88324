import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StructuredOutputError } from "../llm/errors";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { markRunFinished } from "../runs/run-lifecycle";
import { runAgentTask } from "./run-agent-task";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("runAgentTask on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function newRun() {
    const owner = await createTestUser(database.prisma, "agent-task");
    const { project, run } = await owner.api.project.create({ workspaceId: owner.workspace.id, prompt: "A todo app" });
    return { projectId: project.id, runId: run.id };
  }

  it("records the model that did the work, its usage and cost, on the task and the run", async () => {
    const { projectId, runId } = await newRun();
    const value = await runAgentTask(
      database.prisma,
      { runId, projectId, agentName: "PromptCompiler", taskType: "plan", input: {}, model: { provider: "openai", name: "gpt-5-mini" } },
      async () => ({ value: "ok", usage: { inputTokens: 120, outputTokens: 30 }, costUsd: 0.0021, attempts: 1 }),
      (result) => ({ result }),
    );
    expect(value).toBe("ok");
    const task = await database.prisma.agentTask.findFirstOrThrow({ where: { runId } });
    expect(task).toMatchObject({ status: "SUCCEEDED", provider: "openai", model: "gpt-5-mini", tokensIn: 120, tokensOut: 30, costUsd: 0.0021 });
    expect(await database.prisma.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ tokensIn: 120, tokensOut: 30 });
  });

  it("still counts the tokens a model spent on output that never validated", async () => {
    const { projectId, runId } = await newRun();
    const failure = new StructuredOutputError({ task: "plan", attempts: 3, lastIssue: "pages: required", lastText: "{}", usage: { inputTokens: 900, outputTokens: 300 }, costUsd: 0.05 });
    await expect(
      runAgentTask(
        database.prisma,
        { runId, projectId, agentName: "PromptCompiler", taskType: "plan", input: {}, model: { provider: "anthropic", name: "claude-haiku-4-5" } },
        async () => {
          throw failure;
        },
        () => ({}),
      ),
    ).rejects.toBe(failure);
    const task = await database.prisma.agentTask.findFirstOrThrow({ where: { runId } });
    expect(task).toMatchObject({ status: "FAILED", provider: "anthropic", tokensIn: 900, tokensOut: 300, costUsd: 0.05 });
    expect(task.error).toMatch(/still invalid after 3 attempts/);
    expect(await database.prisma.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ tokensIn: 900, tokensOut: 300, costUsd: 0.05 });
  });

  it("closes a task left RUNNING by a crash as INTERRUPTED when its step runs again, and counts attempts per step and round", async () => {
    const { projectId, runId } = await newRun();
    const spec = { runId, projectId, agentName: "QA" as const, taskType: "verify", input: {} };
    const done = async () => ({ value: "ok", usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, attempts: 1 });
    // Round 1 passes the first time; round 2's first try dies with its process (never settles).
    await runAgentTask(database.prisma, { ...spec, round: 1 }, done, () => null);
    void runAgentTask(database.prisma, { ...spec, round: 2 }, () => new Promise<never>(() => undefined), () => null);
    await expect.poll(() => database.prisma.agentTask.count({ where: { runId, round: 2, status: "RUNNING" } })).toBe(1);
    await runAgentTask(database.prisma, { ...spec, round: 2 }, done, () => null);

    const tasks = await database.prisma.agentTask.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });
    expect(tasks.map((task) => [task.round, task.attempt, task.status])).toEqual([
      [1, 1, "SUCCEEDED"],
      [2, 1, "INTERRUPTED"],
      [2, 2, "SUCCEEDED"],
    ]);
    expect(tasks[1]!.completedAt).not.toBeNull();
    const events = await database.prisma.runEvent.findMany({ where: { runId, type: { startsWith: "agent." } }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["agent.started", "agent.completed", "agent.started", "agent.resumed", "agent.started", "agent.completed"]);
    expect(events[3]!.payload).toMatchObject({ interruptedTaskId: tasks[1]!.id, agent: "QA", round: 2, interruptedAttempt: 1 });
  });

  it("leaves a task closed with its cancelled run as CANCELLED when its work ends late, counting its usage without an event", async () => {
    const { projectId, runId } = await newRun();
    let release!: () => void;
    const working = new Promise<void>((resolve) => (release = resolve));
    const late = runAgentTask(
      database.prisma,
      { runId, projectId, agentName: "CodeGen", taskType: "generate", input: {}, model: { provider: "openai", name: "gpt-5-mini" } },
      async () => {
        await working;
        return { value: "late", usage: { inputTokens: 10, outputTokens: 5 }, costUsd: 0.001, attempts: 1 };
      },
      (result) => ({ result }),
    );
    // The task is RUNNING once its agent.started is written; then the run is cancelled under it.
    await expect.poll(() => database.prisma.agentTask.count({ where: { runId, status: "RUNNING" } })).toBe(1);
    await markRunFinished(database.prisma, runId, { status: "CANCELLED", error: "Cancelled by a user" });
    release();
    await expect(late).resolves.toBe("late");

    const task = await database.prisma.agentTask.findFirstOrThrow({ where: { runId } });
    expect(task).toMatchObject({ status: "CANCELLED", tokensIn: 10, tokensOut: 5 });
    expect(await database.prisma.runEvent.count({ where: { runId, type: "agent.completed" } })).toBe(0);
    const last = await database.prisma.runEvent.findFirstOrThrow({ where: { runId }, orderBy: { seq: "desc" } });
    expect(last.type).toBe("run.cancelled");
  });
});
