// Series names and colours, shared by the lazily loaded charts and the legends rendered beside
// them. The colours read on both the light and the dark background.
import type { AgentFailuresRow, QualityChartRow, QualityPerDayRow, RequirementsPerDayRow, RunsPerDayRow, UsagePerDayRow } from "./analytics-types";

export type Series<Key extends string> = { key: Key; label: string; color: string };

export const runSeries = [
  { key: "succeeded", label: "Succeeded", color: "#10b981" },
  // Amber: deployed, but not everything asked for was verified or met.
  { key: "withGaps", label: "Ready with gaps", color: "#f59e0b" },
  { key: "failed", label: "Failed", color: "#ef4444" },
  { key: "cancelled", label: "Cancelled", color: "#a1a1aa" },
  { key: "active", label: "In progress", color: "#0ea5e9" },
] as const satisfies ReadonlyArray<Series<Exclude<keyof RunsPerDayRow, "day" | "total">>>;

export const tokenSeries = [
  { key: "tokensIn", label: "Tokens in", color: "#6366f1" },
  { key: "tokensOut", label: "Tokens out", color: "#a5b4fc" },
] as const satisfies ReadonlyArray<Series<Exclude<keyof UsagePerDayRow, "day" | "costUsd">>>;

export const costSeries = { key: "costUsd", label: "Cost (USD)", color: "#f59e0b" } as const satisfies Series<"costUsd">;

// Green like "Succeeded" in the runs chart, so the same colour means the same thing across cards.
export const successRateSeries = { key: "successRate", label: "Success rate", color: "#10b981" } as const satisfies Series<keyof QualityPerDayRow>;
// Teal beside the success green: did the user get what they asked for, of what QA checked.
export const requirementPassRateSeries = { key: "requirementPassRate", label: "Requirement pass rate", color: "#0d9488" } as const satisfies Series<keyof QualityChartRow>;
export const previewTimeSeries = {
  key: "medianPromptToPreviewMs",
  label: "Median time to preview",
  color: "#8b5cf6",
} as const satisfies Series<keyof QualityPerDayRow>;

// Red like "Failed" in the runs chart.
export const agentFailureSeries = { key: "failures", label: "Failed attempts", color: "#ef4444" } as const satisfies Series<keyof AgentFailuresRow>;

/** Joins each day's requirement pass rate onto the quality rows by day key (a day missing from either is a gap). */
export function withRequirementPassRate(quality: readonly QualityPerDayRow[], requirements: readonly RequirementsPerDayRow[]): QualityChartRow[] {
  const byDay = new Map(requirements.map((day) => [day.day, day.passRate]));
  return quality.map((row) => ({ ...row, requirementPassRate: byDay.get(row.day) ?? null }));
}
