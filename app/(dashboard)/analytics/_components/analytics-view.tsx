"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useActiveWorkspace } from "~/lib/hooks/use-active-workspace";
import { describeError } from "~/lib/trpc/errors";
import { AnalyticsSkeleton } from "./analytics-skeleton";
import { RangeSelector, type AnalyticsRange } from "./range-selector";
import { WorkspaceAnalytics } from "./workspace-analytics";

export function AnalyticsView() {
  const { workspace, isLoading, error, refetch } = useActiveWorkspace();
  const [days, setDays] = useState<AnalyticsRange>(30);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Analytics</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {workspace ? <>Runs, previews, usage and failures in {workspace.name}, by UTC day.</> : "Runs, previews, usage and failures, by UTC day."}
          </p>
        </div>
        <RangeSelector value={days} onChange={setDays} />
      </div>
      {error ? (
        <div role="alert" className="space-y-3 rounded-xl border border-red-200 p-6 dark:border-red-900">
          <p>Could not load your workspaces: {describeError(error)}</p>
          <Button variant="secondary" onClick={() => void refetch()}>Retry</Button>
        </div>
      ) : isLoading || !workspace ? (
        <AnalyticsSkeleton />
      ) : (
        // Keyed by workspace: switching starts a fresh query instead of showing the previous workspace's numbers as a placeholder.
        <WorkspaceAnalytics key={workspace.id} workspaceId={workspace.id} days={days} />
      )}
    </div>
  );
}
