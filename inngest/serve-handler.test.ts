// The app's Inngest wiring on the embedded executor, on every database kind: the app's own client
// (embedded mode: signed, events sent in-process) and a serve handler built by the same
// serveFunctions as /api/inngest's, with the executor's demo functions added — the app itself
// never serves them. The demo pipeline exercises parallel steps, a sleep, a waitForEvent, an
// invoke and a sendEvent through that handler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExecutor, embeddedSigningKey, getExecutorRun, startExecutor, type Executor } from "~/server/executor";
import { createDemoFunctions, demoPipelineRequested, demoPipelineReviewed, waitFor } from "~/server/executor/testing";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "~/server/testing/test-database";
import { inngest } from "./client";
import { functions } from "./functions";
import { serveFunctions, serveHandler } from "./serve-handler";

describe.each(testDatabaseKinds)("the app's serve handler on the embedded executor (%s)", { timeout: 120_000 }, (kind) => {
  let database: TestDatabase;
  let executor: Executor;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const withDemoFunctions = serveFunctions([...functions, ...createDemoFunctions(inngest)]);
    // The default event sink: the app client's `inngest.send` lands in this test database.
    executor = startExecutor({ db: database.prisma, handler: withDemoFunctions.serveHandler, signingKey: embeddedSigningKey(), pollIntervalMs: 100 });
  });

  afterAll(async () => {
    await executor?.stop();
    await database?.cleanup();
  });

  it("runs the demo pipeline: parallel steps, a sleep, an approval, an invoke and an announcement", async () => {
    const db = database.prisma;
    const requestId = `demo-${Math.random().toString(36).slice(2, 10)}`;
    const { ids } = await inngest.send(demoPipelineRequested.create({ requestId, topic: "durability" }));
    const run = await waitFor(() => db.executorRun.findFirst({ where: { eventId: ids[0] } }).then((found) => found ?? undefined));
    expect(run.functionId).toBe("epic-ai-dev-demo-pipeline");

    await waitFor(() => db.executorStep.findFirst({ where: { runId: run.id, name: "await-review", status: "WAITING" } }).then((step) => step ?? undefined), {
      message: "the pipeline to wait for its review",
    });
    await inngest.send(demoPipelineReviewed.create({ requestId, isApproved: true }));
    const done = await waitFor(async () => {
      const current = await getExecutorRun(db, run.id);
      return current?.status === "COMPLETED" ? current : undefined;
    }, { message: "the pipeline run to complete" });
    expect(done.output).toMatchObject({ outcome: "approved", greeting: "Hello, durability!" });

    const finished = await db.executorEvent.findFirst({ where: { name: "demo.pipeline.finished", payload: { path: ["data", "requestId"], equals: requestId } } });
    expect(finished?.payload).toMatchObject({ data: { requestId, outcome: "approved" } });
  });

  it("serves only the app's own functions in production (no demo functions)", async () => {
    // Read the way the executor reads any app: an in-band sync, signed, through the handler.
    const production = createExecutor({ db: database.prisma, handler: serveHandler, signingKey: embeddedSigningKey() });
    const registry = await production.sync();
    expect([...registry.functions.keys()]).toEqual(["epic-ai-dev-run-pipeline"]);
  });
});
