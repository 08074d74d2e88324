// How tests run a check that must fail (a bug planted in a generated app). A failing check waits
// out its step timeout, so: a short one, not scaled by the machine's load (as QA does, so a busy
// machine fails no app), and no second run of a timed-out check. Each of those would only make the
// expected failure wait longer (up to 4× and 2×); none changes whether it fails. For a run that must
// also pass other checks, use only `retryTimedOutChecks: false`: those need the scaled timeouts.
import type { RunAcceptanceChecksOptions } from "../run-acceptance-checks";

export const plantedBugCheckOptions = {
  stepTimeoutMs: 4_000,
  retryTimedOutChecks: false,
  readLoad: () => ({ load: 0, cores: 1 }),
} satisfies Pick<RunAcceptanceChecksOptions, "stepTimeoutMs" | "retryTimedOutChecks" | "readLoad">;
