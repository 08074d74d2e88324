// The text alternative of each chart: what a sighted reader takes from it at a glance.
import { formatDuration } from "~/lib/format";
import type { AgentFailuresRow, ProviderUsageRow, QualityPerDayRow, RunsPerDayRow, UsagePerDayRow } from "./analytics-types";
import { formatCount, formatLongDay, formatPercent, formatUsd } from "./format-analytics";

function peak<Row extends { day: string }>(rows: readonly Row[], value: (row: Row) => number): Row | null {
  return rows.reduce<Row | null>((best, row) => (value(row) > (best ? value(best) : 0) ? row : best), null);
}

const lastDays = (rows: readonly unknown[]) => (rows.length === 1 ? "today" : `the last ${rows.length} days`);

export function describeRunsPerDay(rows: readonly RunsPerDayRow[]): string {
  const totals = rows.reduce(
    (sum, row) => ({
      total: sum.total + row.total,
      succeeded: sum.succeeded + row.succeeded,
      withGaps: sum.withGaps + row.withGaps,
      failed: sum.failed + row.failed,
      cancelled: sum.cancelled + row.cancelled,
      active: sum.active + row.active,
    }),
    { total: 0, succeeded: 0, withGaps: 0, failed: 0, cancelled: 0, active: 0 },
  );
  const busiest = peak(rows, (row) => row.total);
  return (
    `Bar chart of runs per day over ${lastDays(rows)}: ${formatCount(totals.total)} runs, ` +
    `${formatCount(totals.succeeded)} succeeded, ${formatCount(totals.withGaps)} ready with gaps, ${formatCount(totals.failed)} failed, ` +
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

/**
 * Lowest and highest of a per-day figure, and on which days, over the days that have one
 * ("from 50% on … to 100% on …, over 3 days with finished runs"); null when no day has it.
 */
function spread<Row extends { day: string }>(
  rows: readonly Row[],
  value: (row: Row) => number | null,
  format: (value: number) => string,
  daysWith: string,
): string | null {
  const known = rows.flatMap((row) => {
    const figure = value(row);
    return figure === null ? [] : [{ day: row.day, figure }];
  });
  const [first] = known;
  if (!first) return null;
  if (known.length === 1) return `${format(first.figure)} on ${formatLongDay(first.day)}, the only day ${daysWith}`;
  const low = known.reduce((best, day) => (day.figure < best.figure ? day : best));
  const high = known.reduce((best, day) => (day.figure > best.figure ? day : best));
  const days = `${formatCount(known.length)} days ${daysWith}`;
  if (low.figure === high.figure) return `${format(low.figure)} on each of the ${days}`;
  return `from ${format(low.figure)} on ${formatLongDay(low.day)} to ${format(high.figure)} on ${formatLongDay(high.day)}, over ${days}`;
}

export function describeQualityPerDay(rows: readonly (QualityPerDayRow & { requirementPassRate?: number | null })[]): string {
  const rate = spread(rows, (row) => row.successRate, formatPercent, "with finished runs");
  const time = spread(rows, (row) => row.medianPromptToPreviewMs, formatDuration, "with previews");
  const requirements = spread(rows, (row) => row.requirementPassRate ?? null, formatPercent, "with checked requirements");
  return (
    `Chart of success rate and median time from prompt to preview per day over ${lastDays(rows)}.` +
    (rate ? ` Success rate ${rate}.` : " No run succeeded or failed.") +
    (requirements ? ` Requirement pass rate ${requirements}.` : "") +
    (time ? ` Median time to preview ${time}.` : " No run reached a preview.")
  );
}

export function describeFailuresByAgent(rows: readonly AgentFailuresRow[]): string {
  if (rows.length === 0) return "Bar chart of failed agent attempts by agent: no agent failures in this period.";
  const total = rows.reduce((sum, row) => sum + row.failures, 0);
  const parts = rows.map((row) => `${row.agentName} ${formatCount(row.failures)}`);
  return `Bar chart of ${formatCount(total)} failed agent ${total === 1 ? "attempt" : "attempts"} by agent: ${parts.join(", ")}.`;
}
