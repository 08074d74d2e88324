import { formatDuration } from "~/lib/format";

/** Finished runs show their duration; running ones how long they have been going; others "—". */
export function executorRunDuration(run: { startedAt: Date | null; finishedAt: Date | null; durationMs: number | null }, now = Date.now()): string {
  if (run.durationMs !== null) return formatDuration(run.durationMs);
  if (run.startedAt && !run.finishedAt) return `${formatDuration(Math.max(0, now - run.startedAt.getTime()))} so far`;
  return "—";
}
