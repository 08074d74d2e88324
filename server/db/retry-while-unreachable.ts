// A write that must not be lost to a short database outage (PostgreSQL restarting, a network
// blip): retried with back-off while the database cannot be reached, up to a limit. Losing such a
// write is worse than waiting for it: a step's result that is not stored makes the executor run
// the step again, and an agent step run twice is an agent's work (and tokens) done twice.
// Any other error is thrown at once.

/** Prisma's and the drivers' ways of saying "the server is not there (now)". */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && ["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03"].includes(code)) return true;
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return /DatabaseNotReachable|Can't reach database|ECONNREFUSED|ECONNRESET|Connection terminated|connection ended|terminating connection|the database system is (starting up|shutting down)/i.test(message);
}

export type RetryWhileUnreachableOptions = {
  /** Give up (rethrow the last error) once this much time has passed. */
  giveUpAfterMs: number;
  /** Stop early (e.g. the worker is shutting down). */
  shouldStop?: () => boolean;
  onRetry?: (error: unknown, waitedMs: number) => void;
};

export async function retryWhileUnreachable<T>(work: () => Promise<T>, options: RetryWhileUnreachableOptions): Promise<T> {
  const startedAt = Date.now();
  for (let delayMs = 250; ; delayMs = Math.min(2 * delayMs, 2000)) {
    try {
      return await work();
    } catch (error) {
      const waitedMs = Date.now() - startedAt;
      if (!isDatabaseUnreachable(error) || options.shouldStop?.() || waitedMs + delayMs > options.giveUpAfterMs) throw error;
      options.onRetry?.(error, waitedMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** How long a write that records finished work waits for an unreachable database before giving up. */
export const finishedWorkWriteGiveUpMs = 30_000;

type WaitLogger = { warn: (fields: Record<string, unknown>, message: string) => void };

/**
 * A write that records work already done (an agent's output, a step's end): it waits out a short
 * outage (up to `finishedWorkWriteGiveUpMs`), logging each wait as `waiting` with `fields`, since
 * failing here would make the work be done again.
 */
export function writeFinishedWork<T>(log: WaitLogger, waiting: string, fields: Record<string, unknown>, write: () => Promise<T>): Promise<T> {
  return retryWhileUnreachable(write, {
    giveUpAfterMs: finishedWorkWriteGiveUpMs,
    onRetry: (error, waitedMs) => log.warn({ err: error, ...fields, waitedMs }, waiting),
  });
}
