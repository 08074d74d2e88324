import { useId } from "react";
import { formatRelativeTime } from "~/lib/format";
import type { FailureReasonRow } from "./analytics-types";
import { formatCount } from "./format-analytics";

/** Shared with the "Failures by agent" card, which says the same thing when it has no bars to draw. */
export const noAgentFailuresMessage = "No agent failures in this period.";

/** A table rather than a chart: the reasons are sentences, and a table reads well everywhere, screen readers included. */
export function FailureReasonsTable({ reasons, totalFailures }: { reasons: FailureReasonRow[]; totalFailures: number }) {
  const headingId = useId();
  const top = reasons[0]?.count ?? 0;
  const shown = reasons.reduce((sum, reason) => sum + reason.count, 0);
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={headingId} className="font-semibold">Top agent failure reasons</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Failed agent attempts, grouped by agent and error; numbers and quoted text are folded together. Retried attempts count too.
      </p>
      {reasons.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {noAgentFailuresMessage}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="failure-reasons">
            <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              <tr>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">Agent</th>
                <th scope="col" className="py-2 pr-3 font-medium">Reason</th>
                <th scope="col" className="py-2 pr-3 font-medium sm:w-40">Failures</th>
                <th scope="col" className="hidden py-2 font-medium sm:table-cell">Last seen</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {reasons.map((reason) => (
                <tr key={`${reason.agentName}\u0000${reason.reason}`} className="align-top">
                  <td className="hidden py-2 pr-3 font-medium whitespace-nowrap sm:table-cell">{reason.agentName}</td>
                  <td className="py-2 pr-3">
                    {/* On a phone the agent column folds into this one, leaving the reason room to read. */}
                    <p className="text-xs font-medium text-zinc-500 sm:hidden dark:text-zinc-400">{reason.agentName}</p>
                    <p className="break-words">{reason.reason}</p>
                    {reason.example && reason.example !== reason.reason && (
                      <p className="mt-0.5 break-words text-xs text-zinc-500 dark:text-zinc-400">Latest: {reason.example}</p>
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    <div className="flex items-center gap-2">
                      <span className="w-8 text-right tabular-nums">{formatCount(reason.count)}</span>
                      <span className="hidden h-2 flex-1 rounded-full bg-zinc-100 sm:block dark:bg-zinc-800" aria-hidden>
                        <span className="block h-2 rounded-full bg-red-500" style={{ width: `${(reason.count / top) * 100}%` }} />
                      </span>
                    </div>
                  </td>
                  <td className="hidden py-2 whitespace-nowrap text-zinc-600 sm:table-cell dark:text-zinc-400">
                    <time dateTime={reason.lastSeenAt.toISOString()}>{formatRelativeTime(reason.lastSeenAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {totalFailures > shown && (
            <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
              {formatCount(totalFailures - shown)} more failures have less common reasons.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
