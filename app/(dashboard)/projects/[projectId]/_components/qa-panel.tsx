"use client";

import type { RunEventMessage } from "~/lib/hooks/use-run-events";
import { latestEvent } from "~/lib/run-timeline";

export function QaPanel({ runId, events }: { runId: string; events: RunEventMessage[] }) {
  const latest = latestEvent(events, "qa.result");
  if (!latest) return <p className="text-sm text-zinc-500 dark:text-zinc-400">QA results appear here after the app is built.</p>;
  const qa = latest.payload;
  return (
    <div className="space-y-3 text-sm" data-testid="qa-results">
      <p className={qa.passed ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
        {qa.passed ? "All checks passed" : "Some checks failed"} (attempt {qa.attempt}) · app tests {qa.testCommand.ran ? (qa.testCommand.passed ? "passed" : "failed") : "not present"}
      </p>
      <ul className="space-y-1">
        {qa.checks.map((check) => (
          <li key={check.id} className="flex gap-2">
            <span aria-hidden>{check.passed ? "✓" : "✗"}</span>
            <span>
              {check.description}
              {check.message && <span className="block text-xs text-red-600">{check.message}</span>}
            </span>
          </li>
        ))}
      </ul>
      {qa.screenshotSha && (
        // eslint-disable-next-line @next/next/no-img-element -- an authenticated API image, not a static asset
        <img src={`/api/runs/${runId}/screenshots/${qa.screenshotSha}`} alt="QA screenshot of the generated app" className="w-full rounded-lg border border-zinc-200 dark:border-zinc-800" data-testid="qa-screenshot" />
      )}
    </div>
  );
}
