// A per-user cap on concurrent run-event streams in this process. Each stream holds a database
// reader and memory; without a cap one user (or a leaked token) could open thousands. Streams
// live in one process, so the count does too: the cap is per instance (MAX_SSE_STREAMS_PER_USER).
export type StreamSlots = {
  /** A release function, or null when the user already holds `limit` streams. */
  acquire(userId: string): (() => void) | null;
  count(userId: string): number;
};

export function createStreamSlots(limit: number): StreamSlots {
  const open = new Map<string, number>();
  return {
    acquire(userId) {
      const current = open.get(userId) ?? 0;
      if (current >= limit) return null;
      open.set(userId, current + 1);
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        const remaining = (open.get(userId) ?? 1) - 1;
        if (remaining <= 0) open.delete(userId);
        else open.set(userId, remaining);
      };
    },
    count: (userId) => open.get(userId) ?? 0,
  };
}
