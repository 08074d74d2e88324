// The embedded executor as the app starts it: from injected options (serve handler, database,
// environment), once per process, with `inngest.send` starting it when start-up failed. The
// executor is per process, so this runs on one database kind (PGlite, the zero-setup default);
// executor.test.ts covers the executor itself on every kind.
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { createNextServeHandler, waitFor } from "../testing";
import { embeddedBaseUrl, embeddedFetch } from "./embedded-fetch";
import { ensureEmbeddedExecutor, tickEmbeddedExecutor, type EmbeddedExecutorOptions } from "./embedded-executor";
import { inngestConnectionOptions } from "./inngest-mode";

describe("the embedded executor of a process (pglite)", { timeout: 120_000 }, () => {
  // Configured exactly like the app's client in embedded mode: the process's signing key.
  const client = new Inngest({ id: "embedded", ...inngestConnectionOptions({}), logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } });
  const hello = client.createFunction({ id: "hello", triggers: [{ event: "embedded.hello" }] }, async ({ event, step }) =>
    step.run("greet", () => `hello ${String(event.data.name)}`),
  );
  let database: TestDatabase;
  let isDatabaseReady = false;
  const options: EmbeddedExecutorOptions = {
    env: {},
    handler: createNextServeHandler(client, [hello]),
    serveUrl: "http://localhost:3000/api/inngest",
    getDatabase: async () => {
      if (!isDatabaseReady) throw new Error("database not ready");
      return database;
    },
  };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });

  afterAll(async () => {
    isDatabaseReady = true;
    await (await ensureEmbeddedExecutor(options))?.stop();
    await database?.cleanup();
  });

  const findRun = (eventId: string | undefined) =>
    waitFor(() => database.prisma.executorRun.findFirst({ where: { eventId } }).then((run) => run ?? undefined), { message: "the run" });

  it("refuses events while nothing in the process started an executor", async () => {
    const response = await embeddedFetch(new URL("e/key", embeddedBaseUrl), { method: "POST", body: JSON.stringify({ name: "embedded.hello", data: {} }) });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("ensureEmbeddedExecutor") });
  });

  it("starts on the first send after a failed start, once per process, and drives the app's functions", async () => {
    await expect(ensureEmbeddedExecutor(options)).rejects.toThrow("database not ready");
    isDatabaseReady = true;

    const { ids } = await client.send({ name: "embedded.hello", data: { name: "again" } });
    const run = await findRun(ids[0]);
    const done = await waitFor(() => database.prisma.executorRun.findFirst({ where: { id: run.id, status: "COMPLETED" } }).then((found) => found ?? undefined));
    expect(done.output).toBe("hello again");

    const executor = await ensureEmbeddedExecutor(options);
    expect(executor).not.toBeNull();
    expect(await ensureEmbeddedExecutor(options)).toBe(executor);
  });

  it("stays off when an Inngest server runs the functions", async () => {
    expect(await tickEmbeddedExecutor({ ...options, env: { INNGEST_EVENT_KEY: "key" } })).toBeNull();
  });

  it("stores events sent after the executor stopped, for the next worker", async () => {
    await (await ensureEmbeddedExecutor(options))?.stop();
    const { ids } = await client.send({ name: "embedded.hello", data: { name: "later" } });
    const stored = await database.prisma.executorEvent.findUnique({ where: { id: ids[0] } });
    expect(stored).toMatchObject({ name: "embedded.hello", processedAt: null });

    // A bounded tick is such a worker.
    const tick = await tickEmbeddedExecutor(options, 20_000);
    expect(tick).toMatchObject({ processedEvents: 1, drivenRuns: 1 });
    expect((await findRun(ids[0])).status).toBe("COMPLETED");
  });
});
