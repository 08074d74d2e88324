// Events of the demo functions (inngest/functions/demo-*.ts), which exercise the executor's
// protocol end to end. Not part of the product pipeline.
import { eventType } from "inngest";
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
