// The window an analytics query covers: whole UTC days ending with today, and the day keys a
// chart's x axis needs, so days with no activity still show up (as zeros).
import { Prisma } from "../db/generated/client";

const DAY_MS = 86_400_000;

export type UtcDayWindow = {
  /** Inclusive start: 00:00 UTC of the first day. */
  since: Date;
  /** Exclusive end: 00:00 UTC of the day after today. */
  until: Date;
  /** "YYYY-MM-DD" for every day in the window, oldest first. */
  dayKeys: string[];
};

export function utcDayWindow(days: number, now: Date = new Date()): UtcDayWindow {
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = todayStart - (days - 1) * DAY_MS;
  return {
    since: new Date(since),
    until: new Date(todayStart + DAY_MS),
    dayKeys: Array.from({ length: days }, (_, index) => new Date(since + index * DAY_MS).toISOString().slice(0, 10)),
  };
}

/**
 * `column` lies inside the window. Columns are `timestamp(3)` holding UTC (Prisma's convention);
 * the bounds go in as ISO text cast to `timestamp`, which drops the "Z" instead of converting
 * through the session time zone — so the result is the same on any server setting.
 */
export function withinWindow(column: Prisma.Sql, window: UtcDayWindow): Prisma.Sql {
  return Prisma.sql`${column} >= ${window.since.toISOString()}::timestamp AND ${column} < ${window.until.toISOString()}::timestamp`;
}

/** The UTC day key of a timestamp column, matching `dayKeys`. */
export function utcDayKey(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
}

/** One row per day of the window, in order: the query's row for that day, or `empty(day)`. */
export function fillDays<Row extends { day: string }>(window: UtcDayWindow, rows: Row[], empty: (day: string) => Row): Row[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return window.dayKeys.map((day) => byDay.get(day) ?? empty(day));
}

/** Float sums pick up binary noise (0.1 + 0.2); a millionth of a dollar is finer than any price. */
export const roundUsd = (value: number) => Math.round(value * 1e6) / 1e6;
