// Failed agent attempts per agent: the "Failures by agent" chart. Counted on their own rather
// than summed from the top failure reasons, which stop at the most common few and would
// leave the less common ones out of the bars.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { AnalyticsQuery } from "./schemas";
import { utcDayWindow, withinWindow } from "./utc-day-window";

export type AgentFailures = { agentName: string; failures: number };

/** Same attempts as the failure reasons (retried ones included), most failures first. */
export async function getFailuresByAgent(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<AgentFailures[]> {
  const window = utcDayWindow(days, now);
  return db.$queryRaw<AgentFailures[]>`
    SELECT t."agentName" AS "agentName", count(*)::int AS "failures"
    FROM "AgentTask" t
    JOIN "Project" p ON p."id" = t."projectId"
    WHERE p."workspaceId" = ${workspaceId} AND t."status" = 'FAILED' AND ${withinWindow(Prisma.sql`t."createdAt"`, window)}
    GROUP BY t."agentName"
    ORDER BY count(*) DESC, t."agentName"`;
}
