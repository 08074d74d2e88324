// Series names and colours, shared by the lazily loaded charts and the legends rendered beside
// them. The colours read on both the light and the dark background.
import type { RunsPerDayRow, UsagePerDayRow } from "./analytics-types";

export type Series<Key extends string> = { key: Key; label: string; color: string };

export const runSeries = [
  { key: "succeeded", label: "Succeeded", color: "#10b981" },
  { key: "failed", label: "Failed", color: "#ef4444" },
  { key: "cancelled", label: "Cancelled", color: "#a1a1aa" },
  { key: "active", label: "In progress", color: "#0ea5e9" },
] as const satisfies ReadonlyArray<Series<Exclude<keyof RunsPerDayRow, "day" | "total">>>;

export const tokenSeries = [
  { key: "tokensIn", label: "Tokens in", color: "#6366f1" },
  { key: "tokensOut", label: "Tokens out", color: "#a5b4fc" },
] as const satisfies ReadonlyArray<Series<Exclude<keyof UsagePerDayRow, "day" | "costUsd">>>;

export const costSeries = { key: "costUsd", label: "Cost (USD)", color: "#f59e0b" } as const satisfies Series<"costUsd">;
