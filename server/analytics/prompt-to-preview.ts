// How long a user waits from sending a prompt to seeing a working preview.
//
// A Deployment has no runId: it points at a ProjectVersion, and the version records the run
// that produced it. So a run's preview time is from Run.queuedAt (when the prompt was
// accepted) to the completedAt of the earliest READY deployment of any version that run
// made. Taking the earliest matters: rolling back to that version later makes another READY
// deployment of it, which says nothing about how long the run took. Runs that never reached
// a ready preview (failed, cancelled, still going) have no preview time and are left out.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import type { AnalyticsQuery } from "./schemas";
import { utcDayWindow, withinWindow } from "./utc-day-window";

export type PromptToPreview = {
  /** Median over runs created in the window that reached a preview; null when none did. */
  medianMs: number | null;
  /** How many such runs there were. */
  previews: number;
};

export async function getPromptToPreview(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<PromptToPreview> {
  const window = utcDayWindow(days, now);
  const [row] = await db.$queryRaw<Array<{ medianMs: number | null; previews: number }>>`
    WITH "firstPreview" AS (
      SELECT r."id", r."queuedAt", min(d."completedAt") AS "readyAt"
      FROM "Run" r
      JOIN "Project" p ON p."id" = r."projectId"
      JOIN "ProjectVersion" v ON v."runId" = r."id"
      JOIN "Deployment" d ON d."versionId" = v."id" AND d."status" = 'READY' AND d."completedAt" IS NOT NULL
      WHERE p."workspaceId" = ${workspaceId} AND ${withinWindow(Prisma.sql`r."createdAt"`, window)}
      GROUP BY r."id", r."queuedAt"
    )
    SELECT
      percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM "readyAt" - "queuedAt") * 1000)::float8) AS "medianMs",
      count(*)::int AS "previews"
    FROM "firstPreview"`;
  return { medianMs: row?.medianMs == null ? null : Math.round(row.medianMs), previews: row?.previews ?? 0 };
}
