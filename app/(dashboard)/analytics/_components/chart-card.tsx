import { useId, type ReactNode } from "react";
import type { Series } from "./chart-series";

type ChartCardProps = {
  title: string;
  description?: string;
  /** The chart's text alternative: screen readers get this instead of the SVG. */
  summary: string;
  legend?: ReadonlyArray<Series<string>>;
  children: ReactNode;
  /** Below the chart, outside its image role: content that should stay readable as is. */
  footer?: ReactNode;
};

export function ChartCard({ title, description, summary, legend, children, footer }: ChartCardProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div>
          <h2 id={headingId} className="font-semibold">{title}</h2>
          {description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
        </div>
        {legend && (
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden>
            {legend.map((series) => (
              <li key={series.key} className="flex items-center gap-1.5">
                <span className="size-2.5 rounded-sm" style={{ backgroundColor: series.color }} />
                {series.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      {/* Axis text and grid lines draw in currentColor, so this colour is what dark mode changes. */}
      <div role="img" aria-label={summary} className="mt-4 h-64 text-zinc-500 dark:text-zinc-400">
        {children}
      </div>
      {footer}
    </section>
  );
}
