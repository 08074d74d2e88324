import { cancelRun, getRunDetail, listProjectRuns, reviewPlan } from "../../runs/manage-runs";
import { ZListRunsInput, ZReviewPlanInput, ZRunIdInput } from "../../runs/schemas";
import { startPipelineRun } from "../../runs/start-pipeline-run";
import { createTRPCRouter, projectProcedure, runProcedure } from "../trpc";

export const runRouter = createTRPCRouter({
  list: projectProcedure("VIEWER")
    .input(ZListRunsInput)
    .query(({ ctx, input }) => listProjectRuns(ctx.db, input.projectId, input.limit)),

  get: runProcedure("VIEWER")
    .input(ZRunIdInput)
    .query(({ ctx, input }) => getRunDetail(ctx.db, input.runId)),

  cancel: runProcedure("MEMBER")
    .input(ZRunIdInput)
    .mutation(({ ctx, input }) => cancelRun(ctx.db, ctx.sendEvent, input.runId)),

  /** Starts the same prompt again as a new run (the failed or cancelled one stays in the history). */
  retry: runProcedure("MEMBER")
    .input(ZRunIdInput)
    .mutation(async ({ ctx, input }) => {
      const { run } = await startPipelineRun(ctx.db, ctx.sendEvent, { kind: "retry", userId: ctx.user.id, runId: input.runId });
      return run;
    }),

  reviewPlan: runProcedure("MEMBER")
    .input(ZReviewPlanInput)
    .mutation(({ ctx, input }) => reviewPlan(ctx.db, ctx.sendEvent, { ...input, reviewerId: ctx.user.id })),
});
