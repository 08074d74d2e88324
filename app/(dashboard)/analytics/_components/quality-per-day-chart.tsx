"use client";

import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "~/lib/format";
import type { QualityChartRow } from "./analytics-types";
import { axisTick, fillParent, gridStroke, hoverCursor } from "./chart-axes";
import { previewTimeSeries, requirementPassRateSeries, successRateSeries } from "./chart-series";
import { ChartTooltip } from "./chart-tooltip";
import { formatCompact, formatLongDay, formatPercent, formatShortDay } from "./format-analytics";

const formatSeconds = (ms: number) => `${formatCompact(ms / 1000)} s`;
const formatValue = (value: number, dataKey: string) => (dataKey === previewTimeSeries.key ? formatDuration(value) : formatPercent(value));

/**
 * Median time to preview as bars on the right axis (seconds), success rate as a line on the
 * left (0–100 %) with the requirement pass rate beside it. Days without a figure are null and
 * stay gaps: an empty day is not 0 %.
 */
export function QualityPerDayChart({ data }: { data: QualityChartRow[] }) {
  return (
    <ComposedChart data={data} responsive style={fillParent} accessibilityLayer={false} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} {...gridStroke} />
      <XAxis dataKey="day" tickFormatter={formatShortDay} tick={axisTick} tickLine={false} axisLine={false} minTickGap={16} />
      <YAxis
        yAxisId="rate"
        domain={[0, 1]}
        ticks={[0, 0.25, 0.5, 0.75, 1]}
        tickFormatter={formatPercent}
        tick={axisTick}
        tickLine={false}
        axisLine={false}
        width={48}
      />
      <YAxis yAxisId="time" orientation="right" tickFormatter={formatSeconds} tick={axisTick} tickLine={false} axisLine={false} width={48} />
      {/* filterNull off: hovering a gap still names the day, with dashes instead of values. */}
      <Tooltip
        cursor={hoverCursor}
        filterNull={false}
        content={(props) => <ChartTooltip {...props} formatLabel={formatLongDay} formatValue={formatValue} />}
      />
      <Bar yAxisId="time" dataKey={previewTimeSeries.key} name={previewTimeSeries.label} fill={previewTimeSeries.color} maxBarSize={32} />
      <Line
        yAxisId="rate"
        dataKey={successRateSeries.key}
        name={successRateSeries.label}
        stroke={successRateSeries.color}
        strokeWidth={2}
        // Dots because a day between two gaps has no segment to draw: without one it would vanish.
        dot={{ r: 3, fill: successRateSeries.color, strokeWidth: 0 }}
        activeDot={{ r: 4 }}
        connectNulls={false}
        type="linear"
      />
      <Line
        yAxisId="rate"
        dataKey={requirementPassRateSeries.key}
        name={requirementPassRateSeries.label}
        stroke={requirementPassRateSeries.color}
        strokeWidth={2}
        strokeDasharray="5 3"
        dot={{ r: 3, fill: requirementPassRateSeries.color, strokeWidth: 0 }}
        activeDot={{ r: 4 }}
        connectNulls={false}
        type="linear"
      />
    </ComposedChart>
  );
}
