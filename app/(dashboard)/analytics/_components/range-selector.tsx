export const analyticsRanges = [7, 30, 90] as const;
export type AnalyticsRange = (typeof analyticsRanges)[number];

/** A segmented control: buttons with aria-pressed, so the current range is announced. */
export function RangeSelector({ value, onChange }: { value: AnalyticsRange; onChange: (days: AnalyticsRange) => void }) {
  return (
    <div role="group" aria-label="Time range" className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900">
      {analyticsRanges.map((days) => {
        const isSelected = days === value;
        return (
          <button
            key={days}
            type="button"
            aria-pressed={isSelected}
            onClick={() => onChange(days)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${
              isSelected
                ? "bg-brand-600 text-white"
                : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            <span className="sr-only">Last </span>
            {days} days
          </button>
        );
      })}
    </div>
  );
}
