"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { AgentFailuresRow } from "./analytics-types";
import { axisTick, fillParent, gridStroke, hoverCursor } from "./chart-axes";
import { agentFailureSeries } from "./chart-series";
import { ChartTooltip } from "./chart-tooltip";
import { formatCount } from "./format-analytics";

/**
 * One horizontal bar per agent, most failures on top. Not split by reason: reasons are free
 * text and differ per agent, so a colour per reason would need a legend of sentences — the
 * table beside this chart lists them instead.
 */
export function FailuresByAgentChart({ data }: { data: AgentFailuresRow[] }) {
  return (
    <BarChart data={data} layout="vertical" responsive style={fillParent} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid horizontal={false} {...gridStroke} />
      <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} tick={axisTick} tickLine={false} axisLine={false} />
      <YAxis type="category" dataKey="agentName" tick={axisTick} tickLine={false} axisLine={false} width={104} />
      <Tooltip cursor={hoverCursor} content={(props) => <ChartTooltip {...props} formatLabel={(label) => label} formatValue={formatCount} />} />
      <Bar dataKey={agentFailureSeries.key} name={agentFailureSeries.label} fill={agentFailureSeries.color} maxBarSize={28} />
    </BarChart>
  );
}
