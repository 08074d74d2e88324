// Tokens and cost per model provider ("offline", "openai", …) over the window.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { AnalyticsQuery } from "./schemas";
import { roundUsd, utcDayWindow, withinWindow } from "./utc-day-window";

export type UsageByProvider = { provider: string; tasks: number; tokensIn: number; tokensOut: number; costUsd: number };

/** Biggest consumer first. Agents that call no model (QA, Deploy) have no provider and spend nothing, so they are left out. */
export async function getUsageByProvider(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<UsageByProvider[]> {
  const window = utcDayWindow(days, now);
  const rows = await db.$queryRaw<UsageByProvider[]>`
    SELECT t."provider" AS "provider",
      count(*)::int AS "tasks",
      sum(t."tokensIn")::float8 AS "tokensIn",
      sum(t."tokensOut")::float8 AS "tokensOut",
      sum(t."costUsd")::float8 AS "costUsd"
    FROM "AgentTask" t
    JOIN "Project" p ON p."id" = t."projectId"
    WHERE p."workspaceId" = ${workspaceId} AND t."provider" IS NOT NULL AND ${withinWindow(Prisma.sql`t."createdAt"`, window)}
    GROUP BY t."provider"
    ORDER BY sum(t."tokensIn") + sum(t."tokensOut") DESC, sum(t."costUsd") DESC, t."provider"`;
  return rows.map((row) => ({ ...row, costUsd: roundUsd(row.costUsd) }));
}
