import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReadinessReport } from "../readiness/check-readiness";
import { expectTRPCError } from "../testing/expect-trpc-error";
import { createTestUser } from "../testing/callers";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { getOperationsHealth } from "./get-operations-health";

const ready: ReadinessReport = {
  status: "ready",
  checks: {
    database: { status: "ok", kind: "pglite" },
    migrations: { status: "ok", applied: 3 },
    browser: { status: "ok", isChromiumSandboxed: true },
    qaSandbox: { status: "ok", kind: "bwrap", message: "bubblewrap" },
  },
};

describe("the admin health page's data", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("is for platform admins only", async () => {
    const admin = await createTestUser(database.prisma, "admin");
    const other = await createTestUser(database.prisma, "other");
    await expectTRPCError(other.api.operations.health(), "FORBIDDEN");
    expect(admin.user.id).toBeTruthy();
  });

  it("shows the executor's queue and lag, runs by state, failing agents and the readiness checks", async () => {
    const owner = await createTestUser(database.prisma, "owner");
    const project = await database.prisma.project.create({ data: { workspaceId: owner.workspace.id, userId: owner.user.id, name: "p", originalPrompt: "x" } });
    const run = await database.prisma.run.create({ data: { projectId: project.id, prompt: "x", status: "FAILED" } });
    await database.prisma.agentTask.createMany({
      data: [
        { projectId: project.id, runId: run.id, agentName: "QA", taskType: "qa", status: "FAILED", error: "no browser", completedAt: new Date() },
        { projectId: project.id, runId: run.id, agentName: "QA", taskType: "qa", status: "FAILED", error: "still no browser", completedAt: new Date() },
        { projectId: project.id, runId: run.id, agentName: "CodeGen", taskType: "codegen", status: "FAILED", error: "old", completedAt: new Date(Date.now() - 2 * 3600_000) },
      ],
    });
    await database.prisma.executorRun.create({ data: { id: "exec-health-1", functionId: "app-fn", event: {}, maxAttempts: 1, availableAt: new Date(Date.now() - 30_000) } });
    await database.prisma.executorRun.create({ data: { id: "exec-health-2", functionId: "app-fn", event: {}, maxAttempts: 1, status: "WAITING", availableAt: new Date(Date.now() + 3600_000) } });

    const health = await getOperationsHealth(database.prisma, async () => ready);
    expect(health.executor.queueDepth).toBe(1);
    expect(health.executor.oldestRunnableAgeSeconds).toBeGreaterThanOrEqual(29);
    expect(health.executor.runsByStatus).toMatchObject({ QUEUED: 1, WAITING: 1 });
    expect(health.runsByStatus.FAILED).toBe(1);
    expect(health.failingAgentsLastHour).toEqual([{ agent: "QA", failures: 2, lastError: expect.stringContaining("no browser") }]);
    expect(health.sseConnections).toBeGreaterThanOrEqual(0);
    expect(health.readiness.status).toBe("ready");
  });
});
