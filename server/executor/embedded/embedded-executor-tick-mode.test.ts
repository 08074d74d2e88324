// The embedded executor in tick mode (EXECUTOR_MODE=tick, serverless hosts): no worker loop ever
// starts in the process, a sent event is stored and waits, and a tick drives its run. A file of
// its own: the executor and the event sink are per process (globalThis).
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { createNextServeHandler } from "../testing";
import { ensureEmbeddedExecutor, tickEmbeddedExecutor, type EmbeddedExecutorOptions } from "./embedded-executor";
import { inngestConnectionOptions } from "./inngest-mode";

describe("the embedded executor in tick mode (pglite)", { timeout: 120_000 }, () => {
  const client = new Inngest({ id: "embedded-tick", ...inngestConnectionOptions({}), logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } });
  const hello = client.createFunction({ id: "hello", triggers: [{ event: "tick.hello" }] }, async ({ event, step }) =>
    step.run("greet", () => `hello ${String(event.data.name)}`),
  );
  let database: TestDatabase;
  let options: EmbeddedExecutorOptions;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    options = { env: {}, handler: createNextServeHandler(client, [hello]), serveUrl: "http://localhost:3000/api/inngest", getDatabase: async () => database, mode: "tick" };
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("starts no loop: a sent event waits in the database until a tick drives its run", async () => {
    expect(await ensureEmbeddedExecutor(options)).toBeNull();
    const { ids } = await client.send({ name: "tick.hello", data: { name: "cron" } });
    // Time a worker loop would have used (it polls every second, and is woken by sends at once).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await database.prisma.executorEvent.findUnique({ where: { id: ids[0] } })).toMatchObject({ processedAt: null });
    expect(await database.prisma.executorRun.count()).toBe(0);
    expect(await ensureEmbeddedExecutor(options)).toBeNull();

    expect(await tickEmbeddedExecutor(options, 20_000)).toMatchObject({ processedEvents: 1, drivenRuns: 1 });
    expect(await database.prisma.executorRun.findFirst({ where: { eventId: ids[0] } })).toMatchObject({ status: "COMPLETED", output: "hello cron" });
  });
});
