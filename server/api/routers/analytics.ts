import { getWorkspaceAnalytics } from "../../analytics/get-workspace-analytics";
import { ZAnalyticsRangeInput } from "../../analytics/schemas";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const analyticsRouter = createTRPCRouter({
  workspace: workspaceProcedure("VIEWER")
    .input(ZAnalyticsRangeInput)
    .query(({ ctx, input }) => getWorkspaceAnalytics(ctx.db, { workspaceId: input.workspaceId, days: input.days })),
});
