// Tokens and cost per UTC day, from the agent tasks that spent them (Run's totals are the same
// numbers summed per run; tasks also say which provider did the work, so both charts agree).
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { AnalyticsQuery } from "./schemas";
import { fillDays, roundUsd, utcDayKey, utcDayWindow, withinWindow } from "./utc-day-window";

export type UsagePerDay = { day: string; tokensIn: number; tokensOut: number; costUsd: number };

/** Usage lands on the day the agent task started, which is when the tokens were spent. */
export async function getUsagePerDay(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<UsagePerDay[]> {
  const window = utcDayWindow(days, now);
  const createdAt = Prisma.sql`t."createdAt"`;
  // float8, not the bigint sum(int) gives: plain JSON numbers, exact far beyond any real total.
  const rows = await db.$queryRaw<UsagePerDay[]>`
    SELECT ${utcDayKey(createdAt)} AS "day",
      sum(t."tokensIn")::float8 AS "tokensIn",
      sum(t."tokensOut")::float8 AS "tokensOut",
      sum(t."costUsd")::float8 AS "costUsd"
    FROM "AgentTask" t
    JOIN "Project" p ON p."id" = t."projectId"
    WHERE p."workspaceId" = ${workspaceId} AND ${withinWindow(createdAt, window)}
    GROUP BY 1`;
  return fillDays(
    window,
    rows.map((row) => ({ ...row, costUsd: roundUsd(row.costUsd) })),
    (day) => ({ day, tokensIn: 0, tokensOut: 0, costUsd: 0 }),
  );
}
