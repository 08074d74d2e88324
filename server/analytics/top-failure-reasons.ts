// Why agents fail: failed agent attempts grouped by agent and a normalised first line of the error.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { AnalyticsQuery } from "./schemas";
import { utcDayWindow, withinWindow } from "./utc-day-window";

export type FailureReason = {
  agentName: string;
  /** The normalised message the failures were grouped by. */
  reason: string;
  count: number;
  lastSeenAt: Date;
  /** The latest failure's own first line, so the numbers and names the grouping hid can still be read. */
  example: string;
};

export type TopFailureReasons = { reasons: FailureReason[]; totalFailures: number };

const firstLine = (error: Prisma.Sql) => Prisma.sql`split_part(coalesce(${error}, ''), chr(10), 1)`;

/**
 * The first line of an error with the parts that change from one occurrence to the next
 * replaced — quoted text, cuid-like ids, numbers — so "timed out after 30012 ms" and
 * "timed out after 30480 ms" count as one reason. Written without backslashes on purpose:
 * in a JS template literal they would be eaten before the regex ever reached PostgreSQL.
 */
function normalisedReason(error: Prisma.Sql): Prisma.Sql {
  const quoted = Prisma.sql`regexp_replace(${firstLine(error)}, '"[^"]*"', '"…"', 'g')`;
  const ids = Prisma.sql`regexp_replace(${quoted}, '[[:<:]]c[a-z0-9]{20,}[[:>:]]', '<id>', 'g')`;
  const numbers = Prisma.sql`regexp_replace(${ids}, '[0-9]+', 'N', 'g')`;
  const spaces = Prisma.sql`btrim(regexp_replace(${numbers}, '[[:space:]]+', ' ', 'g'))`;
  return Prisma.sql`coalesce(nullif(left(${spaces}, 200), ''), '(no message)')`;
}

/**
 * Every failed attempt counts, including ones a retry or the repair loop later recovered from:
 * they still cost time and point at what to fix. Most frequent first, then most recent.
 */
export async function getTopFailureReasons(
  db: Db,
  { workspaceId, days, now, limit = 10 }: AnalyticsQuery & { limit?: number },
): Promise<TopFailureReasons> {
  const window = utcDayWindow(days, now);
  const error = Prisma.sql`t."error"`;
  const rows = await db.$queryRaw<Array<Omit<FailureReason, "example"> & { example: string | null; totalFailures: number }>>`
    WITH "failure" AS (
      SELECT t."agentName", t."createdAt", ${normalisedReason(error)} AS "reason", left(btrim(${firstLine(error)}), 300) AS "firstLine"
      FROM "AgentTask" t
      JOIN "Project" p ON p."id" = t."projectId"
      WHERE p."workspaceId" = ${workspaceId} AND t."status" = 'FAILED' AND ${withinWindow(Prisma.sql`t."createdAt"`, window)}
    )
    SELECT "agentName", "reason",
      count(*)::int AS "count",
      max("createdAt") AS "lastSeenAt",
      (array_agg("firstLine" ORDER BY "createdAt" DESC))[1] AS "example",
      (sum(count(*)) OVER ())::int AS "totalFailures"
    FROM "failure"
    GROUP BY "agentName", "reason"
    ORDER BY "count" DESC, "lastSeenAt" DESC, "agentName", "reason"
    LIMIT ${limit}::int`;
  return {
    reasons: rows.map(({ totalFailures: _total, example, ...reason }) => ({ ...reason, example: example ?? "" })),
    totalFailures: rows[0]?.totalFailures ?? 0,
  };
}
