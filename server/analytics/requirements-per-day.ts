// Requirement pass rate per UTC day: of the requirements QA checked in the browser (passed or
// failed), the share that passed — "did the user get what they asked for", beside the success
// rate. Unsupported and unverified requirements were never checked, so they count neither way
// (the run itself already says it has gaps).
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { AnalyticsQuery } from "./schemas";
import { fillDays, utcDayKey, utcDayWindow, withinWindow } from "./utc-day-window";

export type RequirementsPerDay = {
  day: string;
  /** Requirements that passed their checks. */
  passed: number;
  /** Requirements that were planned and checked: passed or failed. */
  checked: number;
  /** passed / checked; null on a day with nothing checked (not 0 %). */
  passRate: number | null;
};

export const requirementPassRate = (passed: number, checked: number): number | null => (checked > 0 ? passed / checked : null);

const emptyDay = (day: string): RequirementsPerDay => ({ day, passed: 0, checked: 0, passRate: null });

/** Counted on the UTC day each run was created, like the runs per day, from the tally a run keeps when it ends. */
export async function getRequirementsPerDay(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<RequirementsPerDay[]> {
  const window = utcDayWindow(days, now);
  const createdAt = Prisma.sql`r."createdAt"`;
  const rows = await db.$queryRaw<Array<{ day: string; passed: number; failed: number }>>`
    SELECT ${utcDayKey(createdAt)} AS "day", sum(r."requirementsPassed")::int AS "passed", sum(r."requirementsFailed")::int AS "failed"
    FROM "Run" r
    JOIN "Project" p ON p."id" = r."projectId"
    WHERE p."workspaceId" = ${workspaceId} AND ${withinWindow(createdAt, window)}
    GROUP BY 1`;
  const measured = rows.map(({ day, passed, failed }) => ({ day, passed, checked: passed + failed, passRate: requirementPassRate(passed, passed + failed) }));
  return fillDays(window, measured, emptyDay);
}
