"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { StatusBadge } from "~/components/status-badge";
import { formatDuration, formatRelativeTime } from "~/lib/format";
import { describeTally, tallyOfRun } from "~/lib/requirement-status";
import type { AppRouter } from "~/server/api/root";

type RunSummary = inferRouterOutputs<AppRouter>["run"]["list"][number];

/**
 * The project's prompts, oldest first, as a conversation: what was asked, by whom, and what the
 * agents answered with (the version it produced, or why not). Picking one shows its run above.
 */
export function Conversation({ runs, selectedRunId, onSelect }: { runs: RunSummary[]; selectedRunId: string | null; onSelect: (runId: string) => void }) {
  if (runs.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No prompts yet.</p>;
  return (
    <ol className="space-y-3 text-sm" data-testid="prompt-history">
      {[...runs].reverse().map((run) => {
        const isSelected = run.id === selectedRunId;
        const who = run.triggeredBy?.name ?? run.triggeredBy?.email ?? "Someone";
        const tookMs = run.finishedAt && run.startedAt ? new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime() : null;
        return (
          <li key={run.id}>
            <button
              type="button"
              onClick={() => onSelect(run.id)}
              aria-current={isSelected ? "true" : undefined}
              className="w-full space-y-2 rounded-lg border border-zinc-200 p-3 text-left hover:border-zinc-300 aria-[current=true]:border-brand-500 dark:border-zinc-800 dark:hover:border-zinc-700"
            >
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                {who} · {formatRelativeTime(new Date(run.queuedAt))}
              </span>
              <span className="block whitespace-pre-wrap break-words rounded-lg bg-zinc-100 px-3 py-2 dark:bg-zinc-800">{run.prompt}</span>
              <span className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                <StatusBadge status={run.status} />
                {run.versions[0] && <span>produced v{run.versions[0].number}</span>}
                {tookMs !== null && <span>in {formatDuration(tookMs)}</span>}
                {run.tokensIn + run.tokensOut > 0 && <span>· {(run.tokensIn + run.tokensOut).toLocaleString("en-US")} tokens</span>}
                {run.status === "FAILED" && run.error && <span className="basis-full text-red-700 dark:text-red-400">{run.error}</span>}
                {run.status === "READY_WITH_GAPS" && (
                  <span className="basis-full text-amber-800 dark:text-amber-300" data-testid="run-gaps">
                    Deployed, but {describeTally(tallyOfRun(run)) ?? "not everything was verified"} — see QA for which.
                  </span>
                )}
                {run.status === "SUCCEEDED" && run.requirementsTotal > 0 && <span className="basis-full">{describeTally(tallyOfRun(run))}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
