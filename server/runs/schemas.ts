import { z } from "zod";
import { ZPlan } from "~/server/plan/plan-schema";
import { ZPrompt } from "../projects/schemas";
import { AgentTaskStatus, ProjectStatus, RunStatus } from "../db/generated/enums";
import { ZDateTime, ZId } from "../validation/common";

export const ZRunIdInput = z.object({ runId: ZId });
export const ZListRunsInput = z.object({ projectId: ZId, limit: z.number().int().min(1).max(100).default(20) });
export const ZFollowUpInput = z.object({ projectId: ZId, prompt: ZPrompt });
export const ZReviewPlanInput = z.object({
  runId: ZId,
  isApproved: z.boolean(),
  feedback: z.string().trim().max(2000).optional(),
  /** An edited plan replaces the generated one before building starts. */
  plan: ZPlan.optional(),
});

// ─── Answers (the REST API's documented shapes; server/api/rest) ───
const runCounters = {
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  costUsd: z.number(),
  attempts: z.number().int(),
  lastSeq: z.number().int().meta({ description: "The last event's sequence number (resume a run-event stream after it)." }),
  requirementsTotal: z.number().int(),
  requirementsPassed: z.number().int(),
  requirementsFailed: z.number().int(),
  requirementsUnsupported: z.number().int(),
  requirementsUnverified: z.number().int(),
};

/** A run as created (a new project's first run, a follow-up, a retry). */
export const ZRunView = z
  .object({
    id: z.string(),
    projectId: z.string(),
    prompt: z.string(),
    status: z.enum(RunStatus),
    error: z.string().nullable(),
    queuedAt: ZDateTime,
    startedAt: ZDateTime.nullable(),
    finishedAt: ZDateTime.nullable(),
    createdAt: ZDateTime,
  })
  .meta({ id: "Run" });

export const ZRunSummary = ZRunView.omit({ projectId: true, createdAt: true })
  .extend({
    ...runCounters,
    triggeredBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
    /** The newest version the run made, if any. */
    versions: z.array(z.object({ id: z.string(), number: z.number().int() })),
  })
  .meta({ id: "RunSummary" });

export const ZAgentTaskView = z
  .object({
    id: z.string(),
    agentName: z.string(),
    taskType: z.string(),
    status: z.enum(AgentTaskStatus),
    error: z.string().nullable(),
    /** Tries of this step; a try cut off by a platform restart ends INTERRUPTED and the next one counts on. */
    attempt: z.number().int(),
    /** Which round of a repeated step (QA round 2, repair 2); null for one-off steps. */
    round: z.number().int().nullable(),
    tokensIn: z.number().int(),
    tokensOut: z.number().int(),
    costUsd: z.number(),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    startedAt: ZDateTime.nullable(),
    completedAt: ZDateTime.nullable(),
    createdAt: ZDateTime,
  })
  .meta({ id: "AgentTask" });

export const ZRunDetail = ZRunView.extend({
  ...runCounters,
  triggeredById: z.string().nullable(),
  /** The plan (see the Plan schema of the dashboard's plan editor); present once planned, edited by a review. */
  plan: z.unknown().nullable(),
  updatedAt: ZDateTime,
  agentTasks: z.array(ZAgentTaskView),
  versions: z.array(z.object({ id: z.string(), number: z.number().int(), summary: z.string().nullable(), createdAt: ZDateTime })),
}).meta({ id: "RunDetail" });

export const ZNewProjectRun = z
  .object({
    project: z.object({ id: z.string(), workspaceId: z.string(), name: z.string(), status: z.enum(ProjectStatus), createdAt: ZDateTime }),
    run: ZRunView,
  })
  .meta({ id: "NewProjectRun" });
