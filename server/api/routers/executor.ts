/** The embedded executor's runs, for platform administrators (views and rules in server/executor-admin). */
import { z } from "zod";
import { countExecutorRunsByFunction } from "../../executor";
import {
  cancelExecutorRunAsAdmin,
  getExecutorRunView,
  listExecutorRunViews,
  replayExecutorRunAsAdmin,
} from "../../executor-admin/executor-run-views";
import { ZExecutorRunId, ZListExecutorRunsInput } from "../../executor-admin/schemas";
import { adminProcedure, createTRPCRouter } from "../trpc";

const ZRunIdInput = z.object({ runId: ZExecutorRunId });

export const executorRouter = createTRPCRouter({
  listRuns: adminProcedure.input(ZListExecutorRunsInput).query(({ ctx, input }) => listExecutorRunViews(ctx.db, input)),

  /** The functions that have runs (cheap: one grouped count), for the function filter. */
  listFunctions: adminProcedure.query(({ ctx }) => countExecutorRunsByFunction(ctx.db)),

  getRun: adminProcedure.input(ZRunIdInput).query(({ ctx, input }) => getExecutorRunView(ctx.db, input.runId)),

  cancel: adminProcedure.input(ZRunIdInput).mutation(({ ctx, input }) => cancelExecutorRunAsAdmin(ctx.db, input.runId, ctx.user.email)),

  replay: adminProcedure.input(ZRunIdInput).mutation(({ ctx, input }) => replayExecutorRunAsAdmin(ctx.db, input.runId)),
});
