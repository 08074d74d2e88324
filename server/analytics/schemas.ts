import { z } from "zod";

/** Any whole number of days up to a year; the page offers 7, 30 and 90. */
export const ZAnalyticsRangeInput = z.object({
  days: z.number().int().min(1, "Pick at least 1 day").max(365, "Pick at most 365 days").default(30),
});

/** What every aggregate query takes: whose data and how far back. `now` is injectable for tests. */
export type AnalyticsQuery = { workspaceId: string; days: number; now?: Date };
