// Time for timers: a countdown that runs on the wall clock (accurate when the browser throttles a
// background tab, and driven by a faked clock in tests and acceptance checks), the pomodoro's
// phase rules, and the time left until a date.

/**
 * A countdown that calls `onTick(msLeft)` each time the shown seconds change and `onDone()` once
 * at zero. It wakes up exactly when the display would change (not on a fast interval), so a
 * 25-minute session is 1,500 wake-ups, whoever runs the clock.
 * @param {{ onTick: (ms: number) => void, onDone: () => void, now?: () => number }} options
 */
export function createCountdown({ onTick, onDone, now = () => Date.now() }) {
  let remaining = 0;
  /** @type {number | null} */
  let endsAt = null;
  /** @type {ReturnType<typeof setTimeout> | null} */
  let handle = null;

  function clear() {
    if (handle !== null) clearTimeout(handle);
    handle = null;
  }

  function tick() {
    handle = null;
    if (endsAt === null) return;
    remaining = Math.max(0, endsAt - now());
    onTick(remaining);
    if (remaining === 0) {
      endsAt = null;
      onDone();
      return;
    }
    // The display shows whole seconds rounded up: it next changes when `remaining` reaches the
    // multiple of 1000 below it.
    handle = setTimeout(tick, remaining % 1000 || 1000);
  }

  return {
    get running() {
      return endsAt !== null;
    },
    /** Milliseconds left (live while running). */
    get remaining() {
      return endsAt === null ? remaining : Math.max(0, endsAt - now());
    },
    /** The wall-clock time it ends at while running, else null. */
    get endsAt() {
      return endsAt;
    },
    /** Stops and sets the time left. */
    set(ms) {
      clear();
      endsAt = null;
      remaining = Math.max(0, ms);
      onTick(remaining);
    },
    start() {
      if (endsAt !== null || remaining <= 0) return;
      endsAt = now() + remaining;
      tick();
    },
    /** Runs until a wall-clock time (to carry a running timer over a reload). */
    resumeUntil(time) {
      clear();
      endsAt = time;
      tick();
    },
    pause() {
      if (endsAt === null) return;
      remaining = Math.max(0, endsAt - now());
      endsAt = null;
      clear();
      onTick(remaining);
    },
    dispose() {
      clear();
      endsAt = null;
    },
  };
}

/** @typedef {"work" | "break" | "longBreak"} Phase */

export const phaseNames = { work: "Work", break: "Break", longBreak: "Long break" };

/**
 * The phase after one ends. `workDone` counts the work sessions finished in this cycle, including
 * the one that just ended; every `every`-th one earns the long break.
 * @param {Phase} phase
 * @param {number} workDone
 * @param {number} every
 * @returns {Phase}
 */
export function phaseAfter(phase, workDone, every) {
  if (phase !== "work") return "work";
  return every > 0 && workDone > 0 && workDone % every === 0 ? "longBreak" : "break";
}

/**
 * When a countdown target happens next, at the start of its day (or at its time, if it has one):
 * "09-12" is 12 September this year, or next year once this year's has passed (today counts as
 * not passed); "2026-09-12" and "2026-09-12T15:00" are that day or moment.
 * @param {string} target
 * @param {Date} now
 * @returns {Date | null}
 */
export function countdownTarget(target, now) {
  const recurring = /^(\d{2})-(\d{2})$/.exec(target || "");
  if (recurring) {
    const month = Number(recurring[1]) - 1;
    const day = Number(recurring[2]);
    const thisYear = new Date(now.getFullYear(), month, day);
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    return thisYear < today ? new Date(now.getFullYear() + 1, month, day) : thisYear;
  }
  const exact = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(target || "");
  if (!exact) return null;
  const [, y, m, d, hh, mm, ss] = exact;
  return new Date(Number(y), Number(m) - 1, Number(d), Number(hh || 0), Number(mm || 0), Number(ss || 0));
}

/** Whole calendar days from `now`'s date to `date`'s date: "sleeps until" (0 on the day). */
export function calendarDaysUntil(date, now) {
  const start = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const end = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((end - start) / 86_400_000);
}

/** A duration as whole days, hours, minutes and seconds (rounded down; never negative). */
export function splitDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(total / 86_400), hours: Math.floor(total / 3600) % 24, minutes: Math.floor(total / 60) % 60, seconds: total % 60 };
}
