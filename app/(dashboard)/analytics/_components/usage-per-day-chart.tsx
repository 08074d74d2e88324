"use client";

import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { UsagePerDayRow } from "./analytics-types";
import { axisTick, fillParent, gridStroke, hoverCursor } from "./chart-axes";
import { costSeries, tokenSeries } from "./chart-series";
import { ChartTooltip } from "./chart-tooltip";
import { formatCompact, formatCount, formatLongDay, formatShortDay, formatUsd } from "./format-analytics";

const formatValue = (value: number, dataKey: string) => (dataKey === costSeries.key ? formatUsd(value) : formatCount(value));

/** Tokens as stacked bars on the left axis, cost as a line on its own axis on the right. */
export function UsagePerDayChart({ data }: { data: UsagePerDayRow[] }) {
  return (
    <ComposedChart data={data} responsive style={fillParent} accessibilityLayer={false} margin={{ top: 4, right: 0, bottom: 0, left: -12 }}>
      <CartesianGrid vertical={false} {...gridStroke} />
      <XAxis dataKey="day" tickFormatter={formatShortDay} tick={axisTick} tickLine={false} axisLine={false} minTickGap={16} />
      <YAxis yAxisId="tokens" tickFormatter={formatCompact} tick={axisTick} tickLine={false} axisLine={false} width={48} />
      <YAxis yAxisId="cost" orientation="right" tickFormatter={formatUsd} tick={axisTick} tickLine={false} axisLine={false} width={64} />
      <Tooltip cursor={hoverCursor} content={(props) => <ChartTooltip {...props} formatLabel={formatLongDay} formatValue={formatValue} />} />
      {tokenSeries.map((series) => (
        <Bar key={series.key} yAxisId="tokens" dataKey={series.key} name={series.label} stackId="tokens" fill={series.color} maxBarSize={32} />
      ))}
      <Line
        yAxisId="cost"
        dataKey={costSeries.key}
        name={costSeries.label}
        stroke={costSeries.color}
        strokeWidth={2}
        dot={false}
        type="linear"
      />
    </ComposedChart>
  );
}
