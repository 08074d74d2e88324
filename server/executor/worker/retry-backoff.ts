// Delay before retry number `attempt` (1 = the first retry): exponential, capped, with a little
// jitter so runs that failed together do not all retry in the same instant.
export type RetryBackoff = (attempt: number) => number;

export function exponentialBackoff({ baseMs = 1000, maxMs = 60 * 60_000, jitter = 0.1 } = {}): RetryBackoff {
  return (attempt) => {
    const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(delay * (1 + jitter * (Math.random() * 2 - 1)));
  };
}
