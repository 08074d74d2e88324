import { cancelRun, getRunDetail, listProjectRuns, reviewPlan, createFollowUpRun } from "../../runs/manage-runs";
import { ZListRunsInput, ZReviewPlanInput, ZRunIdInput } from "../../runs/schemas";
import { startPipelineRun } from "../../pipeline/start-run";
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
      const previous = await getRunDetail(ctx.db, input.runId);
      const run = await createFollowUpRun(ctx.db, { projectId: previous.projectId, prompt: previous.prompt, userId: ctx.user.id });
      await startPipelineRun(ctx.db, ctx.sendEvent, run);
      return run;
    }),

  reviewPlan: runProcedure("MEMBER")
    .input(ZReviewPlanInput)
    .mutation(({ ctx, input }) => reviewPlan(ctx.db, ctx.sendEvent, { ...input, reviewerId: ctx.user.id })),
});
