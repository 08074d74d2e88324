/** Stands in for a chart while its code (Recharts is loaded on demand) or its data arrive. */
export function ChartSkeleton() {
  return <div className="size-full animate-pulse rounded-lg bg-zinc-200/60 dark:bg-zinc-800/60" aria-hidden />;
}
