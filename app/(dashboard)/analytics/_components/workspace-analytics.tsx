"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LoadError } from "~/components/ui/load-error";
import { useTRPC } from "~/lib/trpc/client";
import { AnalyticsSkeleton } from "./analytics-skeleton";
import { ChartCard } from "./chart-card";
import {
  agentFailureSeries,
  costSeries,
  previewTimeSeries,
  requirementPassRateSeries,
  runSeries,
  successRateSeries,
  tokenSeries,
  withRequirementPassRate,
} from "./chart-series";
import {
  describeFailuresByAgent,
  describeProviderUsage,
  describeQualityPerDay,
  describeRunsPerDay,
  describeUsagePerDay,
} from "./chart-summaries";
import { FailureReasonsTable, noAgentFailuresMessage } from "./failure-reasons-table";
import { formatCount, formatUsd } from "./format-analytics";
import { FailuresByAgentChart, ProviderUsageChart, QualityPerDayChart, RunsPerDayChart, UsagePerDayChart } from "./lazy-charts";
import type { ProviderUsageRow } from "./analytics-types";
import { StatCards } from "./stat-cards";

export function WorkspaceAnalytics({ workspaceId, days }: { workspaceId: string; days: number }) {
  const trpc = useTRPC();
  // Changing the range keeps the current numbers on screen (dimmed) until the new ones arrive.
  const query = useQuery(trpc.analytics.workspace.queryOptions({ workspaceId, days }, { placeholderData: keepPreviousData }));

  if (query.isPending) return <AnalyticsSkeleton />;
  if (query.isError) return <LoadError what="analytics" error={query.error} onRetry={() => void query.refetch()} />;

  const data = query.data;
  if (data.summary.runs === 0) {
    return (
      <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700" data-testid="analytics-empty">
        <p className="font-medium">No runs yet</p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Nothing has run in this workspace in the last {data.range.days === 1 ? "day" : `${data.range.days} days`}. Describe an app and the charts fill in as agents work.
        </p>
        <Link href="/projects" className="mt-4 inline-flex rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Go to projects
        </Link>
      </div>
    );
  }

  const quality = withRequirementPassRate(data.qualityPerDay, data.requirementsPerDay);
  return (
    <div className={`space-y-6 transition-opacity ${query.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={query.isFetching}>
      <StatCards summary={data.summary} />
      {/* Paired on wide screens: runs with their quality, usage per day with per provider, failures by agent with their reasons. */}
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard title="Runs per day" description="By outcome, on the day each run started." summary={describeRunsPerDay(data.runsPerDay)} legend={runSeries}>
          <RunsPerDayChart data={data.runsPerDay} />
        </ChartCard>
        <ChartCard
          title="Success rate and time to preview"
          description="Share of finished runs that succeeded (line), of checked requirements that passed (dashed), and the median wait from prompt to preview (bars)."
          summary={describeQualityPerDay(quality)}
          legend={[successRateSeries, requirementPassRateSeries, previewTimeSeries]}
        >
          <QualityPerDayChart data={quality} />
        </ChartCard>
        <ChartCard
          title="Tokens and cost per day"
          description="Tokens the agents used; the line is what they cost."
          summary={describeUsagePerDay(data.usagePerDay)}
          legend={[...tokenSeries, costSeries]}
        >
          <UsagePerDayChart data={data.usagePerDay} />
        </ChartCard>
        <ChartCard
          title="Usage by provider"
          description="Tokens per model provider over the period."
          summary={describeProviderUsage(data.usageByProvider)}
          legend={tokenSeries}
          footer={<ProviderTotals providers={data.usageByProvider} />}
        >
          {data.usageByProvider.length === 0 ? (
            <p className="flex h-full items-center justify-center text-sm">No model calls in this period.</p>
          ) : (
            <ProviderUsageChart data={data.usageByProvider} />
          )}
        </ChartCard>
        <ChartCard
          title="Failures by agent"
          description="Failed agent attempts over the period, retried ones included."
          summary={describeFailuresByAgent(data.failuresByAgent)}
          legend={data.failuresByAgent.length === 0 ? undefined : [agentFailureSeries]}
        >
          {data.failuresByAgent.length === 0 ? (
            <p className="flex h-full items-center justify-center text-sm">{noAgentFailuresMessage}</p>
          ) : (
            <FailuresByAgentChart data={data.failuresByAgent} />
          )}
        </ChartCard>
        <FailureReasonsTable reasons={data.failureReasons} totalFailures={data.summary.agentFailures} />
      </div>
    </div>
  );
}

/** The exact numbers behind the provider bars, cost included, which the bars do not show. */
function ProviderTotals({ providers }: { providers: ProviderUsageRow[] }) {
  if (providers.length === 0) return null;
  return (
    <ul className="mt-3 divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
      {providers.map((provider) => (
        <li key={provider.provider} className="flex flex-wrap justify-between gap-x-4 py-1.5">
          <span className="font-medium">{provider.provider}</span>
          <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
            {formatCount(provider.tokensIn + provider.tokensOut)} tokens · {formatUsd(provider.costUsd)} · {formatCount(provider.tasks)} tasks
          </span>
        </li>
      ))}
    </ul>
  );
}
