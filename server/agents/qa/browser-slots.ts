// A bound on the browser QA sessions one process runs at once, with a first-come-first-served
// queue (issue 17: "apps are never failed because the machine was busy"). Each QA session is a
// Chromium with a renderer and the app under test; past a few per core they starve each other and
// checks time out for no fault of the app. A session beyond the bound waits for a slot instead, and
// its wait is reported (the QA step says so in the run's log). Per process: instances share no
// memory, and each has its own cores.
import { availableParallelism } from "node:os";

export type BrowserSlot = {
  /** How long this session queued for its slot (0 when one was free). */
  waitedMs: number;
  /** Sessions that held the slots or were ahead in the queue when this one asked (0 when one was free). */
  queuedBehind: number;
  /** Gives the slot to the next in line; calling it again does nothing. */
  release(): void;
};

export type BrowserSlots = {
  readonly limit: number;
  /** Sessions running / waiting now. */
  active(): number;
  waiting(): number;
  acquire(): Promise<BrowserSlot>;
  /** Runs `work` in a slot, released however `work` ends; `onQueued` is called when it has to wait. */
  withSlot<T>(work: (slot: BrowserSlot) => Promise<T>, onQueued?: (ahead: number) => void): Promise<T>;
};

/**
 * One browser session per core, at least two: two keep a small machine's single QA check from
 * waiting behind another run's, and on 2 cores a third Chromium is what made checks time out.
 */
export function defaultBrowserConcurrency(cores = availableParallelism()): number {
  return Math.max(2, cores);
}

export function createBrowserSlots(limit: number): BrowserSlots {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`A browser slot limit must be a whole number of at least 1, not ${limit}`);
  let running = 0;
  const queue: Array<() => void> = [];

  const acquire = (onQueued?: (ahead: number) => void): Promise<BrowserSlot> => {
    const askedAt = performance.now();
    const grant = (queuedBehind: number): BrowserSlot => {
      let isReleased = false;
      return {
        waitedMs: queuedBehind === 0 ? 0 : Math.round(performance.now() - askedAt),
        queuedBehind,
        release() {
          if (isReleased) return;
          isReleased = true;
          // The slot passes straight to the next in line (running stays the same), so a session
          // arriving meanwhile cannot jump the queue.
          const next = queue.shift();
          if (next) next();
          else running -= 1;
        },
      };
    };
    if (running < limit && queue.length === 0) {
      running += 1;
      return Promise.resolve(grant(0));
    }
    const ahead = running + queue.length;
    onQueued?.(queue.length + 1);
    return new Promise((resolve) => queue.push(() => resolve(grant(ahead))));
  };

  return {
    limit,
    active: () => running,
    waiting: () => queue.length,
    acquire: () => acquire(),
    async withSlot(work, onQueued) {
      const slot = await acquire(onQueued);
      try {
        return await work(slot);
      } finally {
        slot.release();
      }
    },
  };
}
