"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { formatRelativeTime } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/client";
import { describeError } from "~/lib/trpc/errors";
import type { AppRouter } from "~/server/api/root";
import { executorRunStatuses, type TExecutorRunStatus } from "~/server/executor-admin/schemas";
import { executorRunDuration } from "./executor-run-duration";
import { ExecutorStatusBadge } from "./executor-status-badge";

const selectClass =
  "rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

/** The executor's runs, newest first, with status and function filters and "Load more". */
export function ExecutorRunsView() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<TExecutorRunStatus | "">("");
  const [functionId, setFunctionId] = useState("");
  const functions = useQuery(trpc.executor.listFunctions.queryOptions());
  const query = useInfiniteQuery(
    trpc.executor.listRuns.infiniteQueryOptions(
      { limit: 25, ...(status ? { status } : {}), ...(functionId ? { functionId } : {}) },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="run-status-filter" className="block text-sm font-medium">Status</label>
          <select id="run-status-filter" className={selectClass} value={status} onChange={(event) => setStatus(event.target.value as TExecutorRunStatus | "")}>
            <option value="">All statuses</option>
            {executorRunStatuses.map((value) => (
              <option key={value} value={value}>{value.charAt(0) + value.slice(1).toLowerCase()}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="run-function-filter" className="block text-sm font-medium">Function</label>
          <select id="run-function-filter" className={selectClass} value={functionId} onChange={(event) => setFunctionId(event.target.value)}>
            <option value="">All functions</option>
            {(functions.data ?? []).map((fn) => (
              <option key={fn.functionId} value={fn.functionId}>{fn.functionId} ({fn.runCount})</option>
            ))}
          </select>
        </div>
        <Button variant="secondary" isLoading={query.isRefetching && !query.isFetchingNextPage} onClick={() => void query.refetch()}>
          Refresh
        </Button>
      </div>
      <ExecutorRunsTable
        runs={query.data?.pages.flatMap((page) => page.items) ?? []}
        isLoading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        isFiltered={!!status || !!functionId}
      />
    </div>
  );
}

type ExecutorRunSummary = inferRouterOutputs<AppRouter>["executor"]["listRuns"]["items"][number];

type ExecutorRunsTableProps = {
  runs: ExecutorRunSummary[];
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  isFiltered: boolean;
};

function ExecutorRunsTable({ runs, isLoading, error, onRetry, hasNextPage, isFetchingNextPage, onLoadMore, isFiltered }: ExecutorRunsTableProps) {
  if (isLoading) {
    return (
      <ul className="space-y-2" aria-label="Loading runs" aria-busy>
        {[0, 1, 2, 3].map((index) => (
          <li key={index} className="h-10 animate-pulse rounded-lg bg-zinc-200/60 dark:bg-zinc-800/60" />
        ))}
      </ul>
    );
  }
  if (error) {
    return (
      <div role="alert" className="space-y-3 rounded-xl border border-red-200 p-4 text-sm dark:border-red-900">
        <p>Could not load runs: {describeError(error)}</p>
        <Button variant="secondary" onClick={onRetry}>Try again</Button>
      </div>
    );
  }
  if (runs.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700" data-testid="runs-empty">
        <p className="font-medium">{isFiltered ? "No runs match these filters" : "No runs yet"}</p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Runs appear here when events trigger the app&apos;s functions.</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm" data-testid="runs-table">
          <caption className="sr-only">Executor runs, newest first</caption>
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400 dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Function</th>
              <th scope="col" className="px-3 py-2">Trigger event</th>
              <th scope="col" className="px-3 py-2">Started</th>
              <th scope="col" className="px-3 py-2">Duration</th>
              <th scope="col" className="px-3 py-2" title="Failed attempts of the function body since its last step / attempts allowed">Attempts</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {runs.map((run) => (
              <tr key={run.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-900">
                <td className="px-3 py-2"><ExecutorStatusBadge status={run.status} /></td>
                <td className="px-3 py-2">
                  <Link href={`/admin/executor/${run.id}`} className="font-medium text-brand-600 dark:text-brand-400 hover:underline" aria-label={`Run ${run.id} of ${run.functionId}`}>
                    {run.functionId}
                  </Link>
                  {run.error && <p className="mt-0.5 line-clamp-1 text-xs text-red-600 dark:text-red-400" title={run.error}>{run.error}</p>}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{run.eventName ?? "—"}</td>
                <td className="px-3 py-2" title={(run.startedAt ?? run.createdAt).toLocaleString("en-US")}>
                  {run.startedAt ? formatRelativeTime(run.startedAt) : `queued ${formatRelativeTime(run.createdAt)}`}
                </td>
                <td className="px-3 py-2 tabular-nums">{executorRunDuration(run)}</td>
                <td className="px-3 py-2 tabular-nums">{run.attempt} / {run.maxAttempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasNextPage && (
        <Button variant="secondary" className="w-full" isLoading={isFetchingNextPage} onClick={onLoadMore}>
          Load more
        </Button>
      )}
    </div>
  );
}
