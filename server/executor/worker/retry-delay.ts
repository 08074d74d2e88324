import { parseDurationMs } from "../protocol/parse-duration";
import type { RetryBackoff } from "./retry-backoff";

/**
 * Delay before the next attempt: the `retry-after` the SDK sent for a RetryAfterError (seconds,
 * an HTTP date, or a duration string), else the executor's backoff for this attempt number.
 */
export function retryDelayMs(backoff: RetryBackoff, attempt: number, retryAfter: string | null, now: Date): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const duration = parseDurationMs(retryAfter);
    if (duration !== null) return duration;
    const date = new Date(retryAfter);
    if (!Number.isNaN(date.getTime())) return Math.max(0, date.getTime() - now.getTime());
  }
  return backoff(attempt);
}
