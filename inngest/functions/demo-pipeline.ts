// Demo: the shape of the agent pipeline, small enough to read in one go — parallel steps, a
// durable sleep, a human approval (waitForEvent with a timeout), another function invoked,
// an event sent, cancellation by event and one run per request at a time.
import { inngest } from "../client";
import { demoPipelineFinished, demoPipelineRequested, demoPipelineReviewed } from "../demo-events";
import { demoHello } from "./demo-hello";

export const demoPipeline = inngest.createFunction(
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
