// The admin-only executor router against real databases and the real executor: runs are created
// by ingesting events for the executor test app's functions and driving them with tick().
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createExecutor, sendExecutorEvent, type Executor } from "../../executor";
import { createExecutorTestApp } from "../../executor/testing";
import { callerAs, createTestUser } from "../../testing/callers";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { signUpUser } from "../../users/sign-up-user";

type Caller = Awaited<ReturnType<typeof callerAs>>;

describe.each(testDatabaseKinds)("executor router (%s)", { timeout: 120_000 }, (kind) => {
  const app = createExecutorTestApp();
  let database: TestDatabase;
  let executor: Executor;
  let admin: Caller;
  let member: Caller;

  /** Ingests an event and drives everything ready; returns the run it started for `functionName`. */
  async function startRun(functionName: string, name: string, data: Record<string, unknown>) {
    const { ids } = await sendExecutorEvent(database.prisma, { name, data });
    await executor.tick({ budgetMs: 20_000 });
    return database.prisma.executorRun.findFirstOrThrow({ where: { eventId: ids[0], functionId: `executor-test-${functionName}` } });
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    executor = createExecutor({ db: database.prisma, handler: app.handler, signingKey: app.signingKey });
    // A fresh database: the first user to sign up is the platform admin, the next is not.
    admin = (await createTestUser(database.prisma, "admin")).api;
    member = (await createTestUser(database.prisma, "member")).api;
  });

  afterAll(async () => {
    await database?.cleanup();
  });

  it("makes the first user a platform admin and later users plain users", async () => {
    const users = await database.prisma.user.findMany({ orderBy: { createdAt: "asc" }, select: { email: true, roles: true } });
    expect(users.map((user) => user.roles)).toEqual([["USER", "ADMIN"], ["USER"]]);
  });

  it("refuses every procedure to non-admins (FORBIDDEN) and to anonymous callers (UNAUTHORIZED)", async () => {
    const runId = (await startRun("double", "test.double", { value: 1 })).id;
    await expectTRPCError(member.executor.listRuns({}), "FORBIDDEN");
    await expectTRPCError(member.executor.listFunctions(), "FORBIDDEN");
    await expectTRPCError(member.executor.getRun({ runId }), "FORBIDDEN");
    await expectTRPCError(member.executor.cancel({ runId }), "FORBIDDEN");
    await expectTRPCError(member.executor.replay({ runId }), "FORBIDDEN");
    const anonymous = await callerAs(database.prisma, null);
    await expectTRPCError(anonymous.executor.listRuns({}), "UNAUTHORIZED");
    // Nothing happened on the member's behalf.
    expect(await database.prisma.executorRun.count({ where: { replayOfRunId: runId } })).toBe(0);
  });

  it("lists runs newest first with filters and cursor pagination", async () => {
    const first = await startRun("double", "test.double", { value: 2 });
    const second = await startRun("double", "test.double", { value: 3 });
    const napping = await startRun("napper", "test.napper", {});

    const page1 = await admin.executor.listRuns({ functionId: "executor-test-double", limit: 2 });
    expect(page1.items.map((run) => run.id)).toEqual([second.id, first.id]);
    expect(page1.nextCursor).toBe(first.id);
    expect(page1.items[0]).toMatchObject({
      status: "COMPLETED",
      isActive: false,
      functionId: "executor-test-double",
      eventName: "test.double",
      attempt: 0,
      error: null,
    });
    expect(page1.items[0]?.durationMs).toEqual(expect.any(Number));
    expect(page1.items[0]?.startedAt).toBeInstanceOf(Date);

    const page2 = await admin.executor.listRuns({ functionId: "executor-test-double", limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((run) => run.id)).not.toContain(first.id);
    expect(page2.items.length).toBeGreaterThanOrEqual(1); // the run from the FORBIDDEN test

    const waiting = await admin.executor.listRuns({ status: "WAITING" });
    expect(waiting.items.map((run) => run.id)).toContain(napping.id);
    expect(waiting.items.every((run) => run.status === "WAITING" && run.isActive)).toBe(true);

    const functions = await admin.executor.listFunctions();
    expect(functions).toEqual(expect.arrayContaining([{ functionId: "executor-test-napper", runCount: 1 }]));
  });

  it("gets a run with every step, its output and timings", async () => {
    const run = await startRun("double", "test.double", { value: 21 });
    const detail = await admin.executor.getRun({ runId: run.id });
    expect(detail).toMatchObject({ id: run.id, status: "COMPLETED", eventName: "test.double" });
    expect(detail.event?.text).toContain('"value": 21');
    expect(detail.steps).toHaveLength(1);
    expect(detail.steps[0]).toMatchObject({ name: "double-it", status: "COMPLETED", attempts: 0, output: { text: "42", isTruncated: false } });
    expect(detail.steps[0]?.completedAt).toBeInstanceOf(Date);
  });

  it("cancels an active run, and refuses to cancel a finished one (CONFLICT)", async () => {
    const napping = await startRun("napper", "test.napper", {});
    expect(napping.status).toBe("WAITING");
    await admin.executor.cancel({ runId: napping.id });
    const cancelled = await admin.executor.getRun({ runId: napping.id });
    expect(cancelled).toMatchObject({ status: "CANCELLED", isActive: false });
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    await expectTRPCError(admin.executor.cancel({ runId: napping.id }), "CONFLICT");
  });

  it("replays a run as a new run of the same function and event", async () => {
    const original = await startRun("double", "test.double", { value: 5 });
    const { runId } = await admin.executor.replay({ runId: original.id });
    expect(runId).not.toBe(original.id);
    await executor.tick({ budgetMs: 20_000 });
    const replay = await admin.executor.getRun({ runId });
    expect(replay).toMatchObject({ functionId: original.functionId, replayOfRunId: original.id, status: "COMPLETED" });
    expect(replay.steps[0]?.output?.text).toBe("10");
  });

  it("answers malformed ids with BAD_REQUEST and unknown ones with NOT_FOUND", async () => {
    for (const runId of ["", "not-a-run", "'; DROP TABLE \"ExecutorRun\"; --", "01ARZ3NDEKTSV4RRFFQ69G5FAVX"]) {
      await expectTRPCError(admin.executor.getRun({ runId }), "BAD_REQUEST");
      await expectTRPCError(admin.executor.cancel({ runId }), "BAD_REQUEST");
      await expectTRPCError(admin.executor.replay({ runId }), "BAD_REQUEST");
    }
    await expectTRPCError(admin.executor.listRuns({ cursor: "nope" }), "BAD_REQUEST");
    await expectTRPCError(admin.executor.listRuns({ status: "DONE" as never }), "BAD_REQUEST");
    const unknown = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    await expectTRPCError(admin.executor.getRun({ runId: unknown }), "NOT_FOUND");
    await expectTRPCError(admin.executor.cancel({ runId: unknown }), "NOT_FOUND");
    await expectTRPCError(admin.executor.replay({ runId: unknown }), "NOT_FOUND");
  });
});

describe.each(testDatabaseKinds)("first-user admin under concurrent sign-ups (%s)", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("makes exactly one admin when several people sign up at once on a fresh install", async () => {
    await Promise.all(
      [0, 1, 2, 3].map((index) => signUpUser(database.prisma, { email: `racer-${index}@example.test`, password: "password-123", name: `Racer ${index}` })),
    );
    // Counted here rather than with `roles: { has: "ADMIN" }`, which the PGlite adapter rejects for enum arrays.
    const users = await database.prisma.user.findMany({ select: { roles: true } });
    expect(users).toHaveLength(4);
    expect(users.filter((user) => user.roles.includes("ADMIN"))).toHaveLength(1);
  });
});
