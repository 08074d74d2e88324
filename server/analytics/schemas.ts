import { z } from "zod";

/** Any whole number of days up to a year; the page offers 7, 30 and 90. */
export const ZAnalyticsRangeInput = z.object({
  days: z.number().int().min(1, "Pick at least 1 day").max(365, "Pick at most 365 days").default(30),
});

/** What every aggregate query takes: whose data and how far back. `now` is injectable for tests. */
export type AnalyticsQuery = { workspaceId: string; days: number; now?: Date };

// ─── Answers (the REST API's documented shape; server/api/rest) ───
const ZDailyRows = z.array(z.record(z.string(), z.unknown())).meta({ description: "One row per UTC day of the range (see the dashboard's analytics page)." });

export const ZWorkspaceAnalytics = z
  .object({
    range: z.object({ days: z.number().int(), from: z.string(), to: z.string() }),
    summary: z.object({
      runs: z.number().int(),
      succeeded: z.number().int(),
      withGaps: z.number().int(),
      failed: z.number().int(),
      cancelled: z.number().int(),
      active: z.number().int(),
      successRate: z.number().nullable(),
      requirementsPassed: z.number().int(),
      requirementsChecked: z.number().int(),
      requirementPassRate: z.number().nullable(),
      medianPromptToPreviewMs: z.number().nullable(),
      previews: z.number().int(),
      tokensIn: z.number().int(),
      tokensOut: z.number().int(),
      costUsd: z.number(),
      agentFailures: z.number().int(),
    }),
    runsPerDay: ZDailyRows,
    qualityPerDay: ZDailyRows,
    requirementsPerDay: ZDailyRows,
    usagePerDay: ZDailyRows,
    usageByProvider: z.array(z.record(z.string(), z.unknown())),
    failureReasons: z.array(z.record(z.string(), z.unknown())),
    failuresByAgent: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: "WorkspaceAnalytics" });
