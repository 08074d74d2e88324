// The text alternative of each chart: what a sighted reader takes from it at a glance.
import type { ProviderUsageRow, RunsPerDayRow, UsagePerDayRow } from "./analytics-types";
import { formatCount, formatLongDay, formatUsd } from "./format-analytics";

function peak<Row extends { day: string }>(rows: readonly Row[], value: (row: Row) => number): Row | null {
  return rows.reduce<Row | null>((best, row) => (value(row) > (best ? value(best) : 0) ? row : best), null);
}

const lastDays = (rows: readonly unknown[]) => (rows.length === 1 ? "today" : `the last ${rows.length} days`);

export function describeRunsPerDay(rows: readonly RunsPerDayRow[]): string {
  const totals = rows.reduce(
    (sum, row) => ({
      total: sum.total + row.total,
      succeeded: sum.succeeded + row.succeeded,
      failed: sum.failed + row.failed,
      cancelled: sum.cancelled + row.cancelled,
      active: sum.active + row.active,
    }),
    { total: 0, succeeded: 0, failed: 0, cancelled: 0, active: 0 },
  );
  const busiest = peak(rows, (row) => row.total);
  return (
    `Bar chart of runs per day over ${lastDays(rows)}: ${formatCount(totals.total)} runs, ` +
    `${formatCount(totals.succeeded)} succeeded, ${formatCount(totals.failed)} failed, ` +
    `${formatCount(totals.cancelled)} cancelled, ${formatCount(totals.active)} in progress.` +
    (busiest ? ` Busiest day: ${formatLongDay(busiest.day)} with ${formatCount(busiest.total)} runs.` : "")
  );
}

export function describeUsagePerDay(rows: readonly UsagePerDayRow[]): string {
  const tokens = (row: UsagePerDayRow) => row.tokensIn + row.tokensOut;
  const totalTokens = rows.reduce((sum, row) => sum + tokens(row), 0);
  const totalCost = rows.reduce((sum, row) => sum + row.costUsd, 0);
  const busiest = peak(rows, tokens);
  return (
    `Chart of tokens and cost per day over ${lastDays(rows)}: ${formatCount(totalTokens)} tokens costing ${formatUsd(totalCost)}.` +
    (busiest ? ` Most tokens on ${formatLongDay(busiest.day)}: ${formatCount(tokens(busiest))}, costing ${formatUsd(busiest.costUsd)}.` : "")
  );
}

export function describeProviderUsage(rows: readonly ProviderUsageRow[]): string {
  if (rows.length === 0) return "Bar chart of usage by provider: no model calls in this period.";
  const parts = rows.map((row) => `${row.provider}, ${formatCount(row.tokensIn + row.tokensOut)} tokens, ${formatUsd(row.costUsd)}`);
  return `Bar chart of tokens by model provider: ${parts.join("; ")}.`;
}
