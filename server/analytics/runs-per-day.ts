// Runs started per UTC day, split by outcome: the "runs per day" chart and the success rate.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { RunStatus } from "../db/generated/enums";
import type { AnalyticsQuery } from "./schemas";
import { fillDays, utcDayKey, utcDayWindow, withinWindow } from "./utc-day-window";

export const runOutcomes = ["succeeded", "withGaps", "failed", "cancelled", "active"] as const;
export type RunOutcome = (typeof runOutcomes)[number];

// `satisfies Record<RunStatus, …>` is load bearing: a new RunStatus fails to compile until it is given an outcome.
const outcomeOf = {
  QUEUED: "active",
  RUNNING: "active",
  WAITING: "active",
  SUCCEEDED: "succeeded",
  READY_WITH_GAPS: "withGaps",
  FAILED: "failed",
  CANCELLED: "cancelled",
} as const satisfies Record<RunStatus, RunOutcome>;

export type RunsPerDay = { day: string; total: number } & Record<RunOutcome, number>;

const emptyDay = (day: string): RunsPerDay => ({ day, total: 0, succeeded: 0, withGaps: 0, failed: 0, cancelled: 0, active: 0 });

/** Runs are counted on the UTC day they were created, whatever happened to them since. */
export async function getRunsPerDay(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<RunsPerDay[]> {
  const window = utcDayWindow(days, now);
  const createdAt = Prisma.sql`r."createdAt"`;
  // Grouped by status too (at most seven rows a day), so the outcome mapping stays in one typed place.
  const rows = await db.$queryRaw<Array<{ day: string; status: RunStatus; count: number }>>`
    SELECT ${utcDayKey(createdAt)} AS "day", r."status"::text AS "status", count(*)::int AS "count"
    FROM "Run" r
    JOIN "Project" p ON p."id" = r."projectId"
    WHERE p."workspaceId" = ${workspaceId} AND ${withinWindow(createdAt, window)}
    GROUP BY 1, 2`;

  const byDay = new Map<string, RunsPerDay>();
  for (const row of rows) {
    const day = byDay.get(row.day) ?? emptyDay(row.day);
    day[outcomeOf[row.status]] += row.count;
    day.total += row.count;
    byDay.set(row.day, day);
  }
  return fillDays(window, [...byDay.values()], emptyDay);
}
