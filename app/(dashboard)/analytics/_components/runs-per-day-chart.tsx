"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { RunsPerDayRow } from "./analytics-types";
import { axisTick, fillParent, gridStroke, hoverCursor } from "./chart-axes";
import { runSeries } from "./chart-series";
import { ChartTooltip } from "./chart-tooltip";
import { formatCount, formatLongDay, formatShortDay } from "./format-analytics";

export function RunsPerDayChart({ data }: { data: RunsPerDayRow[] }) {
  return (
    // The card gives the chart its text alternative; Recharts' own keyboard layer would sit inside an image.
    <BarChart data={data} responsive style={fillParent} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
      <CartesianGrid vertical={false} {...gridStroke} />
      <XAxis dataKey="day" tickFormatter={formatShortDay} tick={axisTick} tickLine={false} axisLine={false} minTickGap={16} />
      <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={48} />
      <Tooltip
        cursor={hoverCursor}
        content={(props) => <ChartTooltip {...props} formatLabel={formatLongDay} formatValue={formatCount} />}
      />
      {runSeries.map((series) => (
        <Bar key={series.key} dataKey={series.key} name={series.label} stackId="runs" fill={series.color} maxBarSize={32} />
      ))}
    </BarChart>
  );
}
