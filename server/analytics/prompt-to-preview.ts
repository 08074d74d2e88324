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
import { fillDays, utcDayKey, utcDayWindow, withinWindow, type UtcDayWindow } from "./utc-day-window";

export type PromptToPreview = {
  /** Median over runs created in the window that reached a preview; null when none did. */
  medianMs: number | null;
  /** How many such runs there were. */
  previews: number;
};

/** The same figures for the runs created on one UTC day. */
export type PromptToPreviewOnDay = { day: string } & PromptToPreview;

type MedianRow = { medianMs: number | null; previews: number };

/**
 * `WITH "firstPreview"`: one row per run created in the window that reached a preview, with
 * its queuedAt, createdAt and readyAt. Shared by the overall and the per-day figures so the
 * two can never disagree on what a preview time is.
 */
function firstPreviewCte(workspaceId: string, window: UtcDayWindow): Prisma.Sql {
  return Prisma.sql`
    WITH "firstPreview" AS (
      SELECT r."id", r."queuedAt", r."createdAt", min(d."completedAt") AS "readyAt"
      FROM "Run" r
      JOIN "Project" p ON p."id" = r."projectId"
      JOIN "ProjectVersion" v ON v."runId" = r."id"
      JOIN "Deployment" d ON d."versionId" = v."id" AND d."status" = 'READY' AND d."completedAt" IS NOT NULL
      WHERE p."workspaceId" = ${workspaceId} AND ${withinWindow(Prisma.sql`r."createdAt"`, window)}
      GROUP BY r."id", r."queuedAt", r."createdAt"
    )`;
}

/** The median and count columns over whichever "firstPreview" rows the query groups. */
const medianColumns = Prisma.sql`
  percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM "readyAt" - "queuedAt") * 1000)::float8) AS "medianMs",
  count(*)::int AS "previews"`;

// Whole milliseconds: the median of an even count is a mean and can land between two.
const toPromptToPreview = (row: MedianRow | undefined): PromptToPreview => ({
  medianMs: row?.medianMs == null ? null : Math.round(row.medianMs),
  previews: row?.previews ?? 0,
});

export async function getPromptToPreview(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<PromptToPreview> {
  const window = utcDayWindow(days, now);
  const [row] = await db.$queryRaw<MedianRow[]>`
    ${firstPreviewCte(workspaceId, window)}
    SELECT ${medianColumns}
    FROM "firstPreview"`;
  return toPromptToPreview(row);
}

/** Per UTC day of the window, bucketed like runs per day: on the day the run was created, not the day its preview came up. */
export async function getPromptToPreviewPerDay(db: Db, { workspaceId, days, now }: AnalyticsQuery): Promise<PromptToPreviewOnDay[]> {
  const window = utcDayWindow(days, now);
  const rows = await db.$queryRaw<Array<MedianRow & { day: string }>>`
    ${firstPreviewCte(workspaceId, window)}
    SELECT ${utcDayKey(Prisma.sql`"createdAt"`)} AS "day", ${medianColumns}
    FROM "firstPreview"
    GROUP BY 1`;
  return fillDays(
    window,
    rows.map((row) => ({ day: row.day, ...toPromptToPreview(row) })),
    (day) => ({ day, medianMs: null, previews: 0 }),
  );
}
