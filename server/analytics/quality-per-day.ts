// Success rate and median prompt→preview time per UTC day: the two headline figures as a trend.
import type { PromptToPreviewOnDay } from "./prompt-to-preview";
import type { RunsPerDay } from "./runs-per-day";

export type QualityPerDay = {
  day: string;
  /** Null when no run created that day has finished either way. */
  successRate: number | null;
  medianPromptToPreviewMs: number | null;
  previews: number;
};

/**
 * Of the runs that reached a verdict: a cancellation is the user's call, not the agents'
 * result, and a run still going has no outcome yet, so neither counts either way. A run that
 * deployed with gaps reached a verdict but is not a success.
 */
export const successRate = (succeeded: number, withGaps: number, failed: number): number | null =>
  succeeded + withGaps + failed > 0 ? succeeded / (succeeded + withGaps + failed) : null;

/** Joins the two per-day series by day key (both cover the same window, but nothing here relies on their order). */
export function qualityPerDay(runsPerDay: readonly RunsPerDay[], previewsPerDay: readonly PromptToPreviewOnDay[]): QualityPerDay[] {
  const previewsByDay = new Map(previewsPerDay.map((day) => [day.day, day]));
  return runsPerDay.map(({ day, succeeded, withGaps, failed }) => {
    const previews = previewsByDay.get(day);
    return {
      day,
      successRate: successRate(succeeded, withGaps, failed),
      medianPromptToPreviewMs: previews?.medianMs ?? null,
      previews: previews?.previews ?? 0,
    };
  });
}
