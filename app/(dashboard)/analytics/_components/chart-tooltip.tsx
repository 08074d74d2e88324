import type { TooltipContentProps } from "recharts";

type ChartTooltipProps = TooltipContentProps & {
  formatLabel: (label: string) => string;
  formatValue: (value: number, dataKey: string) => string;
};

/** Recharts' default tooltip is styled inline for a light page; this one follows the theme. */
export function ChartTooltip({ active, payload, label, formatLabel, formatValue }: ChartTooltipProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 font-medium text-zinc-900 dark:text-zinc-100">{formatLabel(String(label ?? ""))}</p>
      <ul className="space-y-0.5">
        {payload.map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center gap-2 text-zinc-600 dark:text-zinc-300">
            <span className="size-2 rounded-sm" style={{ backgroundColor: entry.color }} aria-hidden />
            <span>{entry.name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums text-zinc-900 dark:text-zinc-100">
              {/* Charts with gaps pass filterNull={false} so a quiet day still shows its label; a gap reads as a dash, not a zero. */}
              {entry.value == null ? "—" : formatValue(Number(entry.value), String(entry.dataKey))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
