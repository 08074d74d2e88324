import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

export type WorkspaceAnalyticsData = inferRouterOutputs<AppRouter>["analytics"]["workspace"];
export type AnalyticsSummary = WorkspaceAnalyticsData["summary"];
export type RunsPerDayRow = WorkspaceAnalyticsData["runsPerDay"][number];
export type UsagePerDayRow = WorkspaceAnalyticsData["usagePerDay"][number];
export type ProviderUsageRow = WorkspaceAnalyticsData["usageByProvider"][number];
export type FailureReasonRow = WorkspaceAnalyticsData["failureReasons"][number];
export type QualityPerDayRow = WorkspaceAnalyticsData["qualityPerDay"][number];
export type AgentFailuresRow = WorkspaceAnalyticsData["failuresByAgent"][number];
