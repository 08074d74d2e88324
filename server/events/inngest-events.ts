// The Inngest events of the pipeline, named after the seed design's topics, each with its zod
// schema. Domain code sends them (through a SendEvent it is given) and the functions in
// inngest/functions/ are triggered by them; both import this leaf module, never the client.
import { eventType } from "inngest";
import { z } from "zod";
import { DeploymentStatus } from "../db/generated/enums";

const ids = { projectId: z.string().min(1), runId: z.string().min(1) };

// ─── Agent pipeline ──────────────────────────────────────────────────────────

/** A user asked for a new project (or a change): starts the pipeline run `runId`. */
export const promptsNew = eventType("prompts.new", {
  schema: z.object({ ...ids, prompt: z.string().min(1), userId: z.string().min(1).optional() }),
});

/** The planner produced a plan for the run. */
export const plansGenerated = eventType("plans.generated", {
  schema: z.object({ ...ids, plan: z.unknown() }),
});

/** A human approved or rejected a plan (awaited with step.waitForEvent, matched on runId). */
export const plansReviewed = eventType("plans.reviewed", {
  schema: z.object({
    ...ids,
    isApproved: z.boolean(),
    feedback: z.string().optional(),
    reviewerId: z.string().min(1).optional(),
  }),
});

/** Generated code was stored as a project version. */
export const codeGenerated = eventType("events.code.generated", {
  schema: z.object({ ...ids, versionId: z.string().min(1).optional(), paths: z.array(z.string()).optional() }),
});

/** A deployment changed status. */
export const deploymentsStatus = eventType("events.deployments.status", {
  schema: z.object({
    projectId: z.string().min(1),
    deploymentId: z.string().min(1),
    status: z.enum(DeploymentStatus),
    url: z.string().optional(),
  }),
});

/** Stop a pipeline run (functions list this in `cancelOn`, matched on runId). */
export const runsCancelRequested = eventType("runs.cancel.requested", {
  schema: z.object({ runId: z.string().min(1) }),
});
