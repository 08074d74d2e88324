// A small Inngest app for the executor's tests: real functions served by the SDK's own Next.js
// serve handler, configured like the product in embedded mode (signed, events through
// embeddedFetch). Step bodies record every call, so tests can assert "ran exactly once".
import { NonRetriableError } from "inngest";
import { createEmbeddedTestClient } from "./embedded-test-client";
import { createNextServeHandler } from "./next-serve-handler";

export function createExecutorTestApp() {
  const { client, signingKey } = createEmbeddedTestClient("executor-test");

  /** `${runId}:${what}` → how many times it happened. */
  const calls = new Map<string, number>();
  const record = (runId: string, what: string) => {
    const key = `${runId}:${what}`;
    const count = (calls.get(key) ?? 0) + 1;
    calls.set(key, count);
    return count;
  };
  const failures: { runId: string; message: string }[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();

  const double = client.createFunction({ id: "double", triggers: [{ event: "test.double" }] }, async ({ event, step, runId }) => {
    return step.run("double-it", () => {
      record(runId, "double-it");
      return Number(event.data.value) * 2;
    });
  });

  const pipeline = client.createFunction({ id: "pipeline", triggers: [{ event: "test.pipeline" }], retries: 2 }, async ({ event, step, runId }) => {
    const [left, right] = await Promise.all([
      step.run("left", () => {
        record(runId, "left");
        return "L";
      }),
      step.run("right", () => {
        record(runId, "right");
        return "R";
      }),
    ]);
    await step.sleep("pause", "1s");
    const approval = await step.waitForEvent("approval", {
      event: "test.pipeline.approval",
      timeout: "30s",
      if: "async.data.key == event.data.key && async.data.isApproved == true",
    });
    const doubled = await step.invoke("invoke-double", { function: double, data: { value: 21 } });
    await step.sendEvent("announce", { name: "test.pipeline.done", data: { key: event.data.key } });
    const summary = await step.run("summarize", () => {
      record(runId, "summarize");
      return `${left}${right}:${approval ? "approved" : "timeout"}:${doubled}`;
    });
    return { summary, approvedBy: approval?.data.by ?? null };
  });

  const announcer = client.createFunction({ id: "announcer", triggers: [{ event: "test.pipeline.done" }] }, async ({ event, step, runId }) => {
    return step.run("note", () => {
      record(runId, "note");
      return { announced: event.data.key };
    });
  });

  const flaky = client.createFunction({ id: "flaky", triggers: [{ event: "test.flaky" }], retries: 3 }, async ({ step, runId }) => {
    return step.run("unstable", () => {
      const call = record(runId, "unstable");
      if (call < 3) throw new Error(`unstable failure ${call}`);
      return `succeeded on call ${call}`;
    });
  });

  const doomed = client.createFunction(
    {
      id: "doomed",
      triggers: [{ event: "test.doomed" }],
      retries: 3,
      onFailure: async ({ error, event }) => {
        failures.push({ runId: String(event.data.run_id), message: error.message });
      },
    },
    async ({ step, runId }) => {
      await step.run("explode", () => {
        record(runId, "explode");
        throw new NonRetriableError("this cannot work");
      });
      record(runId, "after-explode");
    },
  );

  const napper = client.createFunction({ id: "napper", triggers: [{ event: "test.napper" }] }, async ({ step, runId }) => {
    await step.run("before", () => record(runId, "before"));
    await step.sleep("long-nap", "1h");
    await step.run("after", () => record(runId, "after"));
  });

  const cancellable = client.createFunction(
    {
      id: "cancellable",
      triggers: [{ event: "test.cancellable" }],
      cancelOn: [{ event: "test.cancellable.stop", match: "data.key" }],
    },
    async ({ step, runId }) => {
      await step.run("before", () => record(runId, "before"));
      await step.sleep("long-nap", "1h");
      await step.run("after", () => record(runId, "after"));
    },
  );

  const impatient = client.createFunction({ id: "impatient", triggers: [{ event: "test.impatient" }] }, async ({ step }) => {
    const reply = await step.waitForEvent("reply", { event: "test.impatient.reply", timeout: "1s", match: "data.key" });
    return { reply };
  });

  const serialized = client.createFunction(
    { id: "serialized", triggers: [{ event: "test.serialized" }], concurrency: { limit: 1, key: "event.data.group" } },
    async ({ event, step, runId }) => {
      const group = String(event.data.group);
      await step.run("work", async () => {
        record(runId, "work");
        const now = (inFlight.get(group) ?? 0) + 1;
        inFlight.set(group, now);
        maxInFlight.set(group, Math.max(maxInFlight.get(group) ?? 0, now));
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight.set(group, (inFlight.get(group) ?? 1) - 1);
      });
      await step.run("finish", () => record(runId, "finish"));
    },
  );

  const oncePerKey = client.createFunction(
    { id: "once-per-key", triggers: [{ event: "test.once", if: "event.data.isEnabled == true" }], idempotency: "event.data.key" },
    async ({ event, step, runId }) => step.run("once", () => ({ key: event.data.key, call: record(runId, "once") })),
  );

  const load = client.createFunction({ id: "load", triggers: [{ event: "test.load" }] }, async ({ step, runId }) => {
    await Promise.all([step.run("one", () => record(runId, "one")), step.run("two", () => record(runId, "two"))]);
    await step.run("three", () => record(runId, "three"));
    return "loaded";
  });

  // Blocks the whole process (timers included, so no lease heartbeat) for `blockMs`.
  const hog = client.createFunction({ id: "hog", triggers: [{ event: "test.hog" }] }, async ({ event, step, runId }) => {
    return step.run("hog", () => {
      const until = Date.now() + Number(event.data.blockMs);
      while (Date.now() < until) {
        // busy
      }
      return record(runId, "hog");
    });
  });

  /** runId → releases the first call of slowpoke's step, which waits for it. */
  const releases = new Map<string, () => void>();
  const slowpoke = client.createFunction({ id: "slowpoke", triggers: [{ event: "test.slowpoke" }] }, async ({ step, runId }) => {
    return step.run("held", async () => {
      const call = record(runId, "held");
      if (call === 1) await new Promise<void>((resolve) => releases.set(runId, resolve));
      return call;
    });
  });

  // The reply is sent (as a quick human or another service would) before the wait is stored.
  const earlyBird = client.createFunction({ id: "early-bird", triggers: [{ event: "test.early" }] }, async ({ event, step }) => {
    await step.run("ask", () => client.send({ name: "test.early.reply", data: { key: event.data.key, answer: 42 } }));
    const reply = await step.waitForEvent("reply", { event: "test.early.reply", match: "data.key", timeout: "30s" });
    return reply?.data.answer ?? null;
  });

  const functions = [earlyBird, double, pipeline, announcer, flaky, doomed, napper, cancellable, impatient, serialized, oncePerKey, load, hog, slowpoke];
  const handler = createNextServeHandler(client, functions);

  const callCount = (runId: string, what: string) => calls.get(`${runId}:${what}`) ?? 0;

  return { client, signingKey, handler, callCount, failures, maxInFlight, releases };
}

export type ExecutorTestApp = ReturnType<typeof createExecutorTestApp>;
