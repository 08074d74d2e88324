"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { ProviderUsageRow } from "./analytics-types";
import { axisTick, fillParent, gridStroke, hoverCursor } from "./chart-axes";
import { tokenSeries } from "./chart-series";
import { ChartTooltip } from "./chart-tooltip";
import { formatCompact, formatCount } from "./format-analytics";

/** One horizontal bar per provider, so long provider names stay readable on a phone. */
export function ProviderUsageChart({ data }: { data: ProviderUsageRow[] }) {
  return (
    <BarChart data={data} layout="vertical" responsive style={fillParent} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid horizontal={false} {...gridStroke} />
      <XAxis type="number" tickFormatter={formatCompact} tick={axisTick} tickLine={false} axisLine={false} />
      <YAxis type="category" dataKey="provider" tick={axisTick} tickLine={false} axisLine={false} width={96} />
      <Tooltip cursor={hoverCursor} content={(props) => <ChartTooltip {...props} formatLabel={(label) => label} formatValue={formatCount} />} />
      {tokenSeries.map((series) => (
        <Bar key={series.key} dataKey={series.key} name={series.label} stackId="tokens" fill={series.color} maxBarSize={28} />
      ))}
    </BarChart>
  );
}
