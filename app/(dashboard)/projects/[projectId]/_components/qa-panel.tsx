"use client";

import type { RunEventMessage } from "~/lib/hooks/use-run-events";
import { describeResults } from "~/lib/requirement-status";
import { latestEvent } from "~/lib/run-timeline";
import type { QaCheckOutcome, QaCheckStatus } from "~/server/events/run-events";
import type { TPlan } from "~/server/plan/plan-schema";
import { RequirementsChecklist } from "./requirements-checklist";

const mark: Record<QaCheckStatus, { icon: string; label: string; tone: string }> = {
  passed: { icon: "✓", label: "passed", tone: "text-emerald-700 dark:text-emerald-400" },
  failed: { icon: "✗", label: "failed", tone: "text-red-700 dark:text-red-400" },
  unverified: { icon: "?", label: "not verified", tone: "text-amber-700 dark:text-amber-400" },
};

// Events stored before checks could be unverified have only `passed`.
const statusOf = (check: QaCheckOutcome): QaCheckStatus => check.status ?? (check.passed ? "passed" : "failed");

export function QaPanel({ runId, events, plan }: { runId: string; events: RunEventMessage[]; plan: TPlan | null }) {
  const latest = latestEvent(events, "qa.result");
  if (!latest) return <p className="text-sm text-zinc-500 dark:text-zinc-400">QA results appear here after the app is built.</p>;
  const qa = latest.payload;
  const isUnverified = qa.isBrowserVerified === false;
  const unmet = qa.requirements && qa.requirements.some((result) => result.outcome !== "passed") ? describeResults(qa.requirements) : null;
  const tests = qa.testCommand.ran ? (qa.testCommand.passed ? "passed" : "failed") : "not present";
  return (
    <div className="space-y-3 text-sm" data-testid="qa-results">
      {!qa.passed ? (
        <p className="text-red-700 dark:text-red-400">
          Some checks failed (attempt {qa.attempt}) · app tests {tests}
        </p>
      ) : isUnverified ? (
        <p className="text-amber-800 dark:text-amber-300" data-testid="qa-unverified">
          Static checks passed · app tests {tests} · browser checks <strong>not verified</strong> (attempt {qa.attempt})
          {qa.browserUnavailableReason && <span className="block text-xs">No browser could run them: {qa.browserUnavailableReason}</span>}
        </p>
      ) : unmet ? (
        // Every check that ran passed, but not everything asked for was checked or can be built.
        <p className="text-amber-800 dark:text-amber-300" data-testid="qa-requirements-unmet">
          Every check that ran passed (attempt {qa.attempt}) · app tests {tests} · {unmet}
        </p>
      ) : (
        <p className="text-emerald-700 dark:text-emerald-400">
          All checks passed (attempt {qa.attempt}) · app tests {tests}
        </p>
      )}
      {qa.keptFromEarlierAttempt ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="qa-kept-checks">
          {qa.keptFromEarlierAttempt} of {qa.checks.length} checks kept from the attempt the restart cut off (they had passed on this same version and were not run again)
        </p>
      ) : null}
      {qa.requirements && plan?.requirements && <RequirementsChecklist requirements={plan.requirements} results={qa.requirements} />}
      <ul className="space-y-1" aria-label="Acceptance checks">
        {qa.checks.map((check) => {
          const status = mark[statusOf(check)];
          return (
            <li key={check.id} className="flex gap-2" data-check-status={statusOf(check)}>
              <span aria-hidden className={status.tone}>{status.icon}</span>
              <span>
                {check.description}
                {statusOf(check) !== "unverified" && <span className="sr-only"> — {check.isTimedOut ? "timed out" : status.label}</span>}
                {check.isTimedOut && <span className="block text-xs font-medium text-red-700 dark:text-red-400">timed out (tried twice)</span>}
                {check.isFromEarlierAttempt && <span className="block text-xs text-zinc-500 dark:text-zinc-400">kept from the attempt the restart cut off</span>}
                {statusOf(check) === "failed" && check.message && <span className="block text-xs text-red-600 dark:text-red-400">{check.message}</span>}
                {statusOf(check) === "unverified" && <span className={`block text-xs ${status.tone}`}>not verified</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {qa.screenshotSha && (
        // eslint-disable-next-line @next/next/no-img-element -- an authenticated API image, not a static asset
        <img src={`/api/runs/${runId}/screenshots/${qa.screenshotSha}`} alt="QA screenshot of the generated app" className="w-full rounded-lg border border-zinc-200 dark:border-zinc-800" data-testid="qa-screenshot" />
      )}
    </div>
  );
}
