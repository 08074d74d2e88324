// The demo functions: the shape of the agent pipeline, small enough to read in one go — parallel
// steps, a durable sleep, a human approval (waitForEvent with a timeout), another function
// invoked, an event sent, cancellation by event and one run per request at a time. Tests register
// them on whichever client they drive (the app's own, in inngest/serve-handler.test.ts); the app
// never serves them.
import { eventType, type Inngest } from "inngest";
import { z } from "zod";

export const demoHelloRequested = eventType("demo.hello.requested", {
  schema: z.object({ name: z.string().min(1) }),
});

export const demoPipelineRequested = eventType("demo.pipeline.requested", {
  schema: z.object({ requestId: z.string().min(1), topic: z.string().min(1) }),
});

export const demoPipelineReviewed = eventType("demo.pipeline.reviewed", {
  schema: z.object({ requestId: z.string().min(1), isApproved: z.boolean() }),
});

export const demoPipelineFinished = eventType("demo.pipeline.finished", {
  schema: z.object({ requestId: z.string().min(1), outcome: z.enum(["approved", "rejected", "timed-out"]) }),
});

/** `demo-hello` (the smallest durable function) and `demo-pipeline`, which invokes it. */
export function createDemoFunctions(client: Inngest.Any) {
  const demoHello = client.createFunction({ id: "demo-hello", triggers: [demoHelloRequested], retries: 2 }, async ({ event, step }) => {
    const greeting = await step.run("greet", () => `Hello, ${event.data.name}!`);
    return { greeting };
  });

  const demoPipeline = client.createFunction(
    {
      id: "demo-pipeline",
      triggers: [demoPipelineRequested],
      retries: 3,
      concurrency: { limit: 1, key: "event.data.requestId" },
      cancelOn: [{ event: "demo.pipeline.cancelled", match: "data.requestId" }],
    },
    async ({ event, step }) => {
      const [outline, research] = await Promise.all([
        step.run("draft-outline", () => ({ sections: [`Why ${event.data.topic}`, `How ${event.data.topic}`] })),
        step.run("gather-research", () => ({ sources: 2 })),
      ]);
      await step.sleep("cool-down", "1s");
      const review = await step.waitForEvent("await-review", {
        event: demoPipelineReviewed,
        timeout: "1h",
        match: "data.requestId",
      });
      const outcome = review === null ? "timed-out" : review.data.isApproved ? "approved" : "rejected";
      const { greeting } = await step.invoke("say-hello", { function: demoHello, data: { name: event.data.topic } });
      await step.sendEvent("announce", demoPipelineFinished.create({ requestId: event.data.requestId, outcome }));
      return { outline, research, outcome, greeting };
    },
  );

  return [demoHello, demoPipeline];
}
