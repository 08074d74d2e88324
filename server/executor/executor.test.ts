// The embedded executor end to end, through its public entry only: real databases (every kind in
// testDatabaseKinds), the SDK's real serve handler, real functions (testing/executor-test-app.ts).
// No timing assertions: every wait is "until this state, or fail after a timeout".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve as serveNode } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../db/client";
import type { ExecutorRunStatus } from "../db/generated/enums";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../testing/test-database";
import {
  cancelExecutorRun,
  createExecutor,
  exponentialBackoff,
  getExecutorRun,
  httpServeHandler,
  listExecutorRuns,
  replayExecutorRun,
  sendExecutorEvent,
  startExecutor,
  type Executor,
  type ExecutorRunEvent,
} from ".";
import { createExecutorTestApp, waitFor } from "./testing";

// Generous per-test timeout: waits end as soon as their condition holds, so this only matters
// on a badly overloaded machine, where a tight limit would make the suite flaky.
describe.each(testDatabaseKinds)("embedded executor (%s)", { timeout: 120_000 }, (kind) => {
  const app = createExecutorTestApp();
  const runEvents: ExecutorRunEvent[] = [];
  let database: TestDatabase;
  let executor: Executor;

  const startMainExecutor = () =>
    startExecutor({
      db: database.prisma,
      driver: database.driver,
      handler: app.handler,
      signingKey: app.signingKey,
      pollIntervalMs: 200,
      leaseMs: 10_000,
      maxConcurrentRuns: 8,
      retryBackoff: exponentialBackoff({ baseMs: 100, jitter: 0 }),
      onRunEvent: (event) => {
        runEvents.push(event);
      },
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    executor = startMainExecutor();
  });

  afterAll(async () => {
    await executor?.stop();
    await database?.cleanup();
  });

  const db = () => database.prisma;
  const fnId = (name: string) => `executor-test-${name}`;
  const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

  async function sendAndFindRun(functionName: string, name: string, data: Record<string, unknown>) {
    const { ids } = await sendExecutorEvent(db(), { name, data });
    return waitFor(() => db().executorRun.findFirst({ where: { eventId: ids[0], functionId: fnId(functionName) } }).then((run) => run ?? undefined), {
      message: `a ${functionName} run for ${name}`,
    });
  }

  function waitForStatus(runId: string, status: ExecutorRunStatus, timeoutMs = 60_000) {
    return waitFor(
      async () => {
        const run = await getExecutorRun(db(), runId);
        return run?.status === status ? run : undefined;
      },
      { timeoutMs, message: `run ${runId} to be ${status}` },
    );
  }

  function waitForStep(runId: string, name: string, status: "WAITING" | "COMPLETED") {
    return waitFor(() => db().executorStep.findFirst({ where: { runId, name, status } }).then((step) => step ?? undefined), {
      message: `step ${name} of ${runId} to be ${status}`,
    });
  }

  function waitForEventsProcessed(name: string) {
    return waitFor(async () => (await db().executorEvent.count({ where: { name, processedAt: null } })) === 0, {
      message: `events ${name} to be processed`,
    });
  }

  it("runs parallel steps, a sleep, a waitForEvent with an `if`, an invoke and a sendEvent, each step once", async () => {
    const key = unique("pipeline");
    // Through the Inngest client, as app code sends: embeddedFetch lands it in this database.
    const { ids } = await app.client.send({ name: "test.pipeline", data: { key } });
    const run = await waitFor(() => db().executorRun.findFirst({ where: { eventId: ids[0] } }).then((found) => found ?? undefined));
    await waitForStep(run.id, "approval", "WAITING");

    // Neither of these satisfies the wait's `if`; the run must keep waiting.
    await sendExecutorEvent(db(), { name: "test.pipeline.approval", data: { key, isApproved: false } });
    await sendExecutorEvent(db(), { name: "test.pipeline.approval", data: { key: unique("other"), isApproved: true } });
    await waitForEventsProcessed("test.pipeline.approval");
    expect((await db().executorStep.findFirst({ where: { runId: run.id, name: "approval" } }))?.status).toBe("WAITING");

    await sendExecutorEvent(db(), { name: "test.pipeline.approval", data: { key, isApproved: true, by: "ada" } });
    const done = await waitForStatus(run.id, "COMPLETED");
    expect(done.output).toEqual({ summary: "LR:approved:42", approvedBy: "ada" });
    for (const step of ["left", "right", "summarize"]) expect(app.callCount(run.id, step)).toBe(1);
    expect(done.steps.map((step) => step.name).slice(2)).toEqual(["pause", "approval", "invoke-double", "announce", "summarize"]);
    expect(done.steps.map((step) => step.name).slice(0, 2).sort()).toEqual(["left", "right"]);
    expect(done.steps.every((step) => step.status === "COMPLETED")).toBe(true);

    const child = await db().executorRun.findFirstOrThrow({ where: { parentRunId: run.id } });
    expect(child).toMatchObject({ functionId: fnId("double"), status: "COMPLETED", output: 42 });
    expect(app.callCount(child.id, "double-it")).toBe(1);

    const announcement = await waitFor(() =>
      db()
        .executorRun.findFirst({ where: { functionId: fnId("announcer"), status: "COMPLETED", event: { path: ["data", "key"], equals: key } } })
        .then((found) => found ?? undefined),
    );
    expect(announcement.output).toEqual({ announced: key });

    const types = runEvents.filter((event) => event.runId === run.id).map((event) => event.type);
    expect(types[0]).toBe("run.queued");
    expect(types).toEqual(expect.arrayContaining(["run.started", "step.started", "step.completed", "step.sleeping", "step.waiting", "step.invoking"]));
    expect(types.at(-1)).toBe("run.completed");
  });

  it("resumes a waitForEvent with a matching event sent after the run started but before the wait was stored", async () => {
    const key = unique("early");
    // From before the run: must not count.
    await sendExecutorEvent(db(), { name: "test.early.reply", data: { key, answer: 0 } });
    const run = await sendAndFindRun("early-bird", "test.early", { key });
    const done = await waitForStatus(run.id, "COMPLETED");
    expect(done.output).toBe(42);
  });

  it("retries a failing step with exponential backoff, then succeeds", async () => {
    const run = await sendAndFindRun("flaky", "test.flaky", {});
    const done = await waitForStatus(run.id, "COMPLETED");
    expect(done.output).toBe("succeeded on call 3");
    expect(app.callCount(run.id, "unstable")).toBe(3);
    expect(done.steps[0]).toMatchObject({ name: "unstable", status: "COMPLETED", attempts: 2 });
    const retries = runEvents.flatMap((event) => (event.type === "step.retrying" && event.runId === run.id ? [event] : []));
    expect(retries.map((event) => event.attempt)).toEqual([0, 1]);
    expect(retries.map((event) => event.retryAt.getTime() - event.at.getTime())).toEqual([100, 200]);
  });

  it("fails the run at once on NonRetriableError and runs the onFailure handler", async () => {
    const run = await sendAndFindRun("doomed", "test.doomed", {});
    const failed = await waitForStatus(run.id, "FAILED");
    expect(failed.error).toMatchObject({ message: "this cannot work" });
    expect(app.callCount(run.id, "explode")).toBe(1);
    expect(app.callCount(run.id, "after-explode")).toBe(0);
    expect(runEvents.some((event) => event.type === "step.retrying" && event.runId === run.id)).toBe(false);
    await waitFor(() => app.failures.find((failure) => failure.runId === run.id), { message: "the onFailure handler" });
    expect(app.failures.find((failure) => failure.runId === run.id)?.message).toBe("this cannot work");
  });

  it("cancelExecutorRun stops a sleeping run", async () => {
    const run = await sendAndFindRun("napper", "test.napper", {});
    await waitForStep(run.id, "long-nap", "WAITING");
    expect(await cancelExecutorRun(db(), run.id)).toBe(true);
    const cancelled = await getExecutorRun(db(), run.id);
    expect(cancelled?.status).toBe("CANCELLED");
    expect(cancelled?.steps.find((step) => step.name === "long-nap")?.status).toBe("CANCELLED");
    expect(await cancelExecutorRun(db(), run.id)).toBe(false);
    expect(app.callCount(run.id, "before")).toBe(1);
    expect(app.callCount(run.id, "after")).toBe(0);
  });

  it("cancelOn cancels the run whose `match` field equals the event's, and no other", async () => {
    const [keep, stop] = [unique("keep"), unique("stop")];
    const kept = await sendAndFindRun("cancellable", "test.cancellable", { key: keep });
    const stopped = await sendAndFindRun("cancellable", "test.cancellable", { key: stop });
    await waitForStep(kept.id, "long-nap", "WAITING");
    await waitForStep(stopped.id, "long-nap", "WAITING");
    await sendExecutorEvent(db(), { name: "test.cancellable.stop", data: { key: stop } });
    await waitForStatus(stopped.id, "CANCELLED");
    await waitForEventsProcessed("test.cancellable.stop");
    expect((await getExecutorRun(db(), kept.id))?.status).toBe("WAITING");
    await cancelExecutorRun(db(), kept.id);
  });

  it("resumes a waitForEvent with null when it times out", async () => {
    const run = await sendAndFindRun("impatient", "test.impatient", { key: unique("impatient") });
    const done = await waitForStatus(run.id, "COMPLETED");
    expect(done.output).toEqual({ reply: null });
  });

  it("runs one run at a time per concurrency key (limit 1)", async () => {
    const groups = [unique("group"), unique("group")];
    const runs = [];
    for (let i = 0; i < 4; i++) for (const group of groups) runs.push(await sendAndFindRun("serialized", "test.serialized", { group }));
    for (const run of runs) await waitForStatus(run.id, "COMPLETED");
    for (const group of groups) expect(app.maxInFlight.get(group)).toBe(1);
    for (const run of runs) expect([app.callCount(run.id, "work"), app.callCount(run.id, "finish")]).toEqual([1, 1]);
  });

  it("honours trigger `if` and idempotency; replay starts a fresh run of the same event", async () => {
    const key = unique("once");
    await sendExecutorEvent(db(), [
      { name: "test.once", data: { key, isEnabled: true } },
      { name: "test.once", data: { key, isEnabled: true } },
      { name: "test.once", data: { key: unique("disabled"), isEnabled: false } },
    ]);
    await waitForEventsProcessed("test.once");
    const runs = await db().executorRun.findMany({ where: { functionId: fnId("once-per-key"), event: { path: ["data", "key"], equals: key } } });
    expect(runs).toHaveLength(1);
    const original = await waitForStatus(runs[0]!.id, "COMPLETED");

    const replayId = await replayExecutorRun(db(), original.id);
    expect(replayId).not.toBeNull();
    const replay = await waitForStatus(replayId!, "COMPLETED");
    expect(replay).toMatchObject({ replayOfRunId: original.id, eventId: original.eventId, output: { key, call: 1 } });

    const { runs: listed, nextCursor } = await listExecutorRuns(db(), { functionId: fnId("once-per-key"), limit: 1 });
    expect(listed.map((run) => run.id)).toEqual([replay.id]);
    expect((await listExecutorRuns(db(), { functionId: fnId("once-per-key"), limit: 1, cursor: nextCursor ?? undefined })).runs[0]?.id).toBe(original.id);
  });

  it("never drives a run twice in one process when its lease lapses during a step", async () => {
    await executor.stop();
    // A lease far shorter than the step, whose busy loop also starves the heartbeat.
    const hasty = startExecutor({ db: database.prisma, handler: app.handler, signingKey: app.signingKey, leaseMs: 100, pollIntervalMs: 20 });
    try {
      const run = await sendAndFindRun("hog", "test.hog", { blockMs: 400 });
      const done = await waitForStatus(run.id, "COMPLETED");
      expect(done.output).toBe(1);
      expect(app.callCount(run.id, "hog")).toBe(1);
    } finally {
      await hasty.stop();
      executor = startMainExecutor();
    }
  });

  it("drops the result of a driver whose lease was taken over (fencing), and runs the step again", async () => {
    const run = await sendAndFindRun("slowpoke", "test.slowpoke", {});
    await waitFor(() => app.releases.get(run.id), { message: "the held step to start" });
    // As if another worker had taken the run over (and died): its lease token replaces ours.
    await db().executorRun.update({ where: { id: run.id }, data: { leaseOwner: "another-worker/lease", leaseExpiresAt: new Date(Date.now() - 1000) } });
    app.releases.get(run.id)?.();
    const done = await waitForStatus(run.id, "COMPLETED");
    // The first call's result was refused; the step ran again under the new lease: at least once.
    expect(done.output).toBe(2);
    expect(app.callCount(run.id, "held")).toBe(2);
    const completions = runEvents.filter((event) => event.type === "step.completed" && event.runId === run.id);
    expect(completions).toHaveLength(1);
  });

  it("drives runs with tick() alone (a cron-driven deployment)", async () => {
    await executor.stop();
    try {
      const ticker = createExecutor({ db: database.prisma, handler: app.handler, signingKey: app.signingKey });
      const { ids } = await sendExecutorEvent(db(), { name: "test.load", data: {} });
      const result = await ticker.tick({ budgetMs: 10_000 });
      expect(result.processedEvents).toBeGreaterThanOrEqual(1);
      const run = await db().executorRun.findFirstOrThrow({ where: { eventId: ids[0] } });
      expect(run).toMatchObject({ status: "COMPLETED", output: "loaded" });
    } finally {
      executor = startMainExecutor();
    }
  });

  it("signs its requests: a handler outside dev mode over real HTTP accepts them, and refuses unsigned ones", async () => {
    await executor.stop();
    const signingKey = `signkey-prod-${"5e".repeat(32)}`;
    const remote = new Inngest({ id: "signed-app", isDev: false, signingKey, eventKey: "unused", logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } });
    const hello = remote.createFunction({ id: "hello", triggers: [{ event: "test.signed" }], retries: 0 }, async ({ event, step }) =>
      step.run("greet", () => `hello ${String(event.data.name)}`),
    );
    const server = http.createServer(serveNode({ client: remote, functions: [hello] }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const serveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
    const signed = startExecutor({ db: database.prisma, handler: httpServeHandler(serveUrl), serveUrl, signingKey, pollIntervalMs: 100, isDefaultEventSink: false });
    try {
      const { ids } = await sendExecutorEvent(db(), { name: "test.signed", data: { name: "http" } });
      const run = await waitFor(() =>
        db().executorRun.findFirst({ where: { eventId: ids[0], functionId: "signed-app-hello" } }).then((found) => found ?? undefined),
      );
      const done = await waitForStatus(run.id, "COMPLETED");
      expect(done.output).toBe("hello http");

      const unsigned = await fetch(`${serveUrl}?fnId=signed-app-hello&stepId=step`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event: { name: "test.signed", data: {} }, events: [], steps: {}, ctx: { run_id: "x", attempt: 0, stack: { stack: [], current: 0 } }, version: 2 }),
      });
      expect(unsigned.status).toBe(401);
    } finally {
      await signed.stop();
      await new Promise((resolve) => server.close(resolve));
      executor = startMainExecutor();
    }
  });

  it.runIf(kind === "postgres")("shares one database between two executor instances: 50 runs, no step twice", async () => {
    const pool = database.driver.kind === "postgres" ? database.driver.pool : null;
    const second = createDatabase({ kind: "postgres", connectionString: String(pool?.options.connectionString) });
    const other = startExecutor({
      db: second.prisma,
      driver: second.driver,
      handler: app.handler,
      signingKey: app.signingKey,
      pollIntervalMs: 100,
      maxConcurrentRuns: 8,
      isDefaultEventSink: false,
    });
    try {
      const { ids } = await sendExecutorEvent(db(), Array.from({ length: 50 }, (_, index) => ({ name: "test.load", data: { index } })));
      const runs = await waitFor(
        async () => {
          const found = await db().executorRun.findMany({ where: { eventId: { in: ids } } });
          return found.length === 50 && found.every((run) => run.status === "COMPLETED") ? found : undefined;
        },
        { timeoutMs: 90_000, message: "50 load runs to complete" },
      );
      for (const run of runs) {
        expect([app.callCount(run.id, "one"), app.callCount(run.id, "two"), app.callCount(run.id, "three")]).toEqual([1, 1, 1]);
      }
    } finally {
      await other.stop();
      await second.close();
    }
  });
});
