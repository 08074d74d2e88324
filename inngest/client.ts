// The one Inngest client of the app, and the typed events it sends and receives.
//
// Where the functions run is decided by the environment (server/executor/inngest-mode.ts):
// Inngest Cloud or a self-hosted Inngest server when INNGEST_* variables are set, else our
// embedded executor. Functions are written the same either way.
import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { env } from "../server/env";
import { inngestConnectionOptions } from "../server/executor/inngest-mode";

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

/** A code-generation task for one unit of the plan. */
export const tasksCodegenRequests = eventType("tasks.codegen.requests", {
  schema: z.object({ ...ids, taskId: z.string().min(1), task: z.unknown() }),
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
    status: z.enum(["QUEUED", "BUILDING", "READY", "FAILED", "CANCELLED"]),
    url: z.string().optional(),
  }),
});

/** Stop a pipeline run (functions list this in `cancelOn`, matched on runId). */
export const runsCancelRequested = eventType("runs.cancel.requested", {
  schema: z.object({ runId: z.string().min(1) }),
});

// ─── Demo functions (inngest/functions/demo-*.ts) ────────────────────────────

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

export const inngest = new Inngest({ id: "epic-ai-dev", ...inngestConnectionOptions(env) });
