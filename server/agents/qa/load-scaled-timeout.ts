// Browser check timeouts that grow with the machine's load (issue 17): a step that takes 2 s on an
// idle machine takes 8 on one running four times more than it has cores, and failing the app for
// that would be the platform's fault. The factor is the one-minute load average per core, clamped
// to 1..4 (an idle machine keeps the base timeout; a machine so loaded that ×4 is not enough gets
// the retry of run-acceptance-checks.ts and then an honest "timed out" that names the load).
import { availableParallelism, loadavg } from "node:os";

export const MAX_LOAD_FACTOR = 4;

export type LoadReading = { load: number; cores: number };

export type ScaledTimeout = {
  /** What steps wait for. */
  timeoutMs: number;
  baseMs: number;
  factor: number;
  load: number;
  cores: number;
};

export function readLoad(): LoadReading {
  return { load: loadavg()[0] ?? 0, cores: Math.max(1, availableParallelism()) };
}

/** `baseMs` × (load per core, clamped to 1..MAX_LOAD_FACTOR), rounded to a whole millisecond. */
export function scaleTimeout(baseMs: number, reading: LoadReading = readLoad()): ScaledTimeout {
  const perCore = reading.load / Math.max(1, reading.cores);
  // NaN (a platform without load averages reports 0; be safe anyway) keeps the base.
  const factor = Number.isFinite(perCore) ? Math.min(MAX_LOAD_FACTOR, Math.max(1, perCore)) : 1;
  return { timeoutMs: Math.round(baseMs * factor), baseMs, factor, load: reading.load, cores: reading.cores };
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** "12 s (load-scaled from 5 s at load 5.1 on 2 cores)", or "5 s" when the load did not scale it. */
export function describeTimeout(scaled: ScaledTimeout): string {
  if (scaled.factor === 1) return seconds(scaled.timeoutMs);
  return `${seconds(scaled.timeoutMs)} (load-scaled from ${seconds(scaled.baseMs)} at load ${scaled.load.toFixed(1)} on ${scaled.cores} core${scaled.cores === 1 ? "" : "s"})`;
}
