import { z } from "zod";
import { ZPlan } from "../../../plan/plan-schema";
import { cancelRun, getRunDetail, reviewPlan } from "../../../runs/manage-runs";
import { ZReviewPlanInput, ZRunDetail, ZRunView } from "../../../runs/schemas";
import { startPipelineRun } from "../../../runs/start-pipeline-run";
import { createTRPCRouter, runProcedure } from "../../trpc";

const tags = ["Runs"];
const ZFeedback = ZReviewPlanInput.shape.feedback;
const ZReviewAnswer = z.object({ runId: z.string(), isApproved: z.boolean(), isPlanEdited: z.boolean() }).meta({ id: "PlanReview" });
const ZCancelAnswer = z.object({ runId: z.string(), status: z.literal("CANCELLED") }).meta({ id: "CancelledRun" });

export const restRunsRouter = createTRPCRouter({
  get: runProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/runs/{runId}", tags, summary: "A run: status, plan, agent tasks, versions, usage" } })
    .input(z.object({}))
    .output(ZRunDetail)
    .query(({ ctx, input }) => getRunDetail(ctx.db, input.runId)),

  cancel: runProcedure("MEMBER")
    .meta({ openapi: { method: "POST", path: "/runs/{runId}/cancel", tags, summary: "Cancel an active run" } })
    .input(z.object({}))
    .output(ZCancelAnswer)
    .mutation(async ({ ctx, input }) => {
      await cancelRun(ctx.db, ctx.sendEvent, input.runId);
      return { runId: input.runId, status: "CANCELLED" as const };
    }),

  retry: runProcedure("MEMBER")
    .meta({ openapi: { method: "POST", path: "/runs/{runId}/retry", tags, summary: "Start the run's prompt again as a new run", successDescription: "Created: the new run" } })
    .input(z.object({}))
    .output(ZRunView)
    .mutation(async ({ ctx, input }) => (await startPipelineRun(ctx.db, ctx.sendEvent, { kind: "retry", userId: ctx.user.id, runId: input.runId })).run),

  approvePlan: runProcedure("MEMBER")
    .meta({ openapi: { method: "POST", path: "/runs/{runId}/plan/approve", tags, summary: "Approve the plan of a run waiting for review; building starts" } })
    .input(z.object({ feedback: ZFeedback }))
    .output(ZReviewAnswer)
    .mutation(async ({ ctx, input }) => {
      await reviewPlan(ctx.db, ctx.sendEvent, { runId: input.runId, isApproved: true, feedback: input.feedback, reviewerId: ctx.user.id });
      return { runId: input.runId, isApproved: true, isPlanEdited: false };
    }),

  editPlan: runProcedure("MEMBER")
    .meta({ openapi: { method: "PUT", path: "/runs/{runId}/plan", tags, summary: "Replace the plan with an edited one and approve it" } })
    .input(z.object({ plan: ZPlan, feedback: ZFeedback }))
    .output(ZReviewAnswer)
    .mutation(async ({ ctx, input }) => {
      await reviewPlan(ctx.db, ctx.sendEvent, { runId: input.runId, isApproved: true, plan: input.plan, feedback: input.feedback, reviewerId: ctx.user.id });
      return { runId: input.runId, isApproved: true, isPlanEdited: true };
    }),

  rejectPlan: runProcedure("MEMBER")
    .meta({ openapi: { method: "POST", path: "/runs/{runId}/plan/reject", tags, summary: "Reject the plan; the run ends" } })
    .input(z.object({ feedback: ZFeedback }))
    .output(ZReviewAnswer)
    .mutation(async ({ ctx, input }) => {
      await reviewPlan(ctx.db, ctx.sendEvent, { runId: input.runId, isApproved: false, feedback: input.feedback, reviewerId: ctx.user.id });
      return { runId: input.runId, isApproved: false, isPlanEdited: false };
    }),
});
