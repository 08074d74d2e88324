import { formatDuration } from "~/lib/format";
import type { AnalyticsSummary } from "./analytics-types";
import { formatCompact, formatCount, formatPercent, formatUsd } from "./format-analytics";

const plural = (count: number, word: string) => `${formatCount(count)} ${word}${count === 1 ? "" : "s"}`;

function statsOf(summary: AnalyticsSummary) {
  const finished = summary.succeeded + summary.withGaps + summary.failed;
  return [
    {
      label: "Runs",
      value: formatCount(summary.runs),
      detail: `${formatCount(summary.succeeded)} succeeded · ${summary.withGaps > 0 ? `${formatCount(summary.withGaps)} with gaps · ` : ""}${formatCount(summary.failed)} failed`,
    },
    {
      label: "Success rate",
      value: formatPercent(summary.successRate),
      detail: finished === 0 ? "No finished runs yet" : `of ${plural(finished, "finished run")}`,
    },
    {
      label: "Requirements met",
      value: formatPercent(summary.requirementPassRate),
      detail: summary.requirementsChecked === 0 ? "No requirements checked yet" : `${formatCount(summary.requirementsPassed)} of ${plural(summary.requirementsChecked, "checked requirement")} passed`,
    },
    {
      label: "Median prompt → preview",
      value: summary.medianPromptToPreviewMs === null ? "—" : formatDuration(summary.medianPromptToPreviewMs),
      detail: summary.previews === 0 ? "No previews yet" : `over ${plural(summary.previews, "preview")}`,
    },
    {
      label: "Tokens",
      value: formatCompact(summary.tokensIn + summary.tokensOut),
      detail: `${formatCompact(summary.tokensIn)} in · ${formatCompact(summary.tokensOut)} out`,
    },
    { label: "Cost", value: formatUsd(summary.costUsd), detail: plural(summary.agentFailures, "failed agent attempt") },
  ];
}

export function StatCards({ summary }: { summary: AnalyticsSummary }) {
  return (
    // Six cards: three rows of two, then two rows of three, until there is room for all six in a row.
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="analytics-stats">
      {statsOf(summary).map((stat) => (
        <div key={stat.label} className="min-w-0 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{stat.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums sm:text-2xl">{stat.value}</dd>
          <dd className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{stat.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
