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
export type RequirementsPerDayRow = WorkspaceAnalyticsData["requirementsPerDay"][number];
/** A day of the quality chart: success rate, time to preview and the requirement pass rate. */
export type QualityChartRow = QualityPerDayRow & { requirementPassRate: RequirementsPerDayRow["passRate"] };
