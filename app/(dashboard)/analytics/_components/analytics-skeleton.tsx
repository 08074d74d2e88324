import { ChartSkeleton } from "./chart-skeleton";

export function AnalyticsSkeleton() {
  return (
    <div className="space-y-6" aria-label="Loading analytics" aria-busy role="status">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {[0, 1, 2, 3, 4].map((index) => (
          <div key={index} className="h-24 animate-pulse rounded-xl bg-zinc-200/60 first:col-span-2 lg:first:col-span-1 dark:bg-zinc-800/60" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3, 4, 5].map((index) => (
          <div key={index} className="h-80 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            <ChartSkeleton />
          </div>
        ))}
      </div>
    </div>
  );
}
