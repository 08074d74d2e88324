"use client";
// Recharts is most of this page's JavaScript: the charts load in their own chunk after the
// page is interactive, with a skeleton in their place meanwhile, so first-load JS stays small.
import dynamic from "next/dynamic";
import { ChartSkeleton } from "./chart-skeleton";

const loading = () => <ChartSkeleton />;

export const RunsPerDayChart = dynamic(() => import("./runs-per-day-chart").then((module) => module.RunsPerDayChart), { ssr: false, loading });
export const UsagePerDayChart = dynamic(() => import("./usage-per-day-chart").then((module) => module.UsagePerDayChart), { ssr: false, loading });
export const QualityPerDayChart = dynamic(() => import("./quality-per-day-chart").then((module) => module.QualityPerDayChart), {
  ssr: false,
  loading,
});
export const FailuresByAgentChart = dynamic(() => import("./failures-by-agent-chart").then((module) => module.FailuresByAgentChart), {
  ssr: false,
  loading,
});
export const ProviderUsageChart = dynamic(() => import("./provider-usage-chart").then((module) => module.ProviderUsageChart), {
  ssr: false,
  loading,
});
