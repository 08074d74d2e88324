// Demo: the smallest durable function, also the target of demo-pipeline's step.invoke.
import { inngest } from "../client";
import { demoHelloRequested } from "../demo-events";

export const demoHello = inngest.createFunction(
  { id: "demo-hello", triggers: [demoHelloRequested], retries: 2 },
  async ({ event, step }) => {
    const greeting = await step.run("greet", () => `Hello, ${event.data.name}!`);
    return { greeting };
  },
);
