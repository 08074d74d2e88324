// How tests run a check that must fail (a bug planted in a generated app). A failing check waits
// out its step timeout, so: a short one, not scaled by the machine's load (as QA does, so a busy
// machine fails no app), and no second run of a timed-out check. Each of those would only make the
// expected failure wait longer (up to 4× and 2×); none changes whether it fails. For a run that must
// also pass other checks, use only `retryTimedOutChecks: false`: those need the scaled timeouts.
//
// Such a check spends nearly all its time waiting, not working, so planted bugs get browser slots
// of their own: as many at once as the test project lets a file run (vitest.config.ts), rather
// than the QA default of two per process, which made them queue behind each other.
import { createBrowserSlots } from "../browser-slots";
import type { RunAcceptanceChecksOptions } from "../run-acceptance-checks";

/** Vitest's maxConcurrency for the pipeline project's files (vitest.config.ts). */
export const plantedBugLanes = 3;

export const plantedBugCheckOptions = {
  stepTimeoutMs: 2_500,
  retryTimedOutChecks: false,
  readLoad: () => ({ load: 0, cores: 1 }),
  slots: createBrowserSlots(plantedBugLanes),
} satisfies Pick<RunAcceptanceChecksOptions, "stepTimeoutMs" | "retryTimedOutChecks" | "readLoad" | "slots">;
