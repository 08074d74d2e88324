// Everything the Analytics page shows for one workspace, from a handful of aggregate queries.
import type { Db } from "../db";
import { getFailuresByAgent } from "./failures-by-agent";
import { getPromptToPreview, getPromptToPreviewPerDay } from "./prompt-to-preview";
import { qualityPerDay, successRate } from "./quality-per-day";
import { getRequirementsPerDay, requirementPassRate } from "./requirements-per-day";
import { getRunsPerDay } from "./runs-per-day";
import type { AnalyticsQuery } from "./schemas";
import { getTopFailureReasons } from "./top-failure-reasons";
import { getUsageByProvider } from "./usage-by-provider";
import { getUsagePerDay } from "./usage-per-day";
import { roundUsd, utcDayWindow } from "./utc-day-window";

export async function getWorkspaceAnalytics(db: Db, query: AnalyticsQuery) {
  // One clock for every query, so they all cover exactly the same days.
  const scoped = { ...query, now: query.now ?? new Date() };
  const [runsPerDay, promptToPreview, previewsPerDay, usagePerDay, usageByProvider, failures, failuresByAgent, requirementsPerDay] = await Promise.all([
    getRunsPerDay(db, scoped),
    getPromptToPreview(db, scoped),
    getPromptToPreviewPerDay(db, scoped),
    getUsagePerDay(db, scoped),
    getUsageByProvider(db, scoped),
    getTopFailureReasons(db, scoped),
    getFailuresByAgent(db, scoped),
    getRequirementsPerDay(db, scoped),
  ]);
  const window = utcDayWindow(scoped.days, scoped.now);

  const sum = <Row>(rows: Row[], pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const succeeded = sum(runsPerDay, (day) => day.succeeded);
  const withGaps = sum(runsPerDay, (day) => day.withGaps);
  const failed = sum(runsPerDay, (day) => day.failed);
  const tokensIn = sum(usagePerDay, (day) => day.tokensIn);
  const tokensOut = sum(usagePerDay, (day) => day.tokensOut);
  const requirementsPassed = sum(requirementsPerDay, (day) => day.passed);
  const requirementsChecked = sum(requirementsPerDay, (day) => day.checked);

  return {
    range: { days: scoped.days, from: window.dayKeys[0]!, to: window.dayKeys.at(-1)! },
    summary: {
      runs: sum(runsPerDay, (day) => day.total),
      succeeded,
      withGaps,
      failed,
      cancelled: sum(runsPerDay, (day) => day.cancelled),
      active: sum(runsPerDay, (day) => day.active),
      successRate: successRate(succeeded, withGaps, failed),
      requirementsPassed,
      requirementsChecked,
      requirementPassRate: requirementPassRate(requirementsPassed, requirementsChecked),
      medianPromptToPreviewMs: promptToPreview.medianMs,
      previews: promptToPreview.previews,
      tokensIn,
      tokensOut,
      costUsd: roundUsd(sum(usagePerDay, (day) => day.costUsd)),
      agentFailures: failures.totalFailures,
    },
    runsPerDay,
    qualityPerDay: qualityPerDay(runsPerDay, previewsPerDay),
    requirementsPerDay,
    usagePerDay,
    usageByProvider,
    failureReasons: failures.reasons,
    failuresByAgent,
  };
}

export type WorkspaceAnalytics = Awaited<ReturnType<typeof getWorkspaceAnalytics>>;
