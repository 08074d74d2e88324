// How the dashboard words requirement outcomes and statuses, so a run or project with gaps is
// never shown as a plain success. Pure and client-safe: the badge, the conversation, the QA panel
// and the toasts all use it.
import { tallyRequirements, type RequirementResult, type RequirementTally } from "~/server/plan/requirements";

/** The requirement columns a Run keeps (see prisma/schema.prisma). */
export type RunRequirementColumns = {
  requirementsTotal: number;
  requirementsPassed: number;
  requirementsFailed: number;
  requirementsUnsupported: number;
  requirementsUnverified: number;
};

export function tallyOfRun(run: RunRequirementColumns): RequirementTally {
  return {
    total: run.requirementsTotal,
    passed: run.requirementsPassed,
    failed: run.requirementsFailed,
    unsupported: run.requirementsUnsupported,
    unverified: run.requirementsUnverified,
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * "All 9 requirements passed", "2 of 9 requirements not met (1 failed, 1 not supported)";
 * null when the plan had no requirements (older runs), so callers say nothing rather than "0 of 0".
 */
export function describeTally(tally: RequirementTally): string | null {
  if (tally.total === 0) return null;
  if (tally.passed === tally.total) return tally.total === 1 ? "The requirement passed" : `All ${tally.total} requirements passed`;
  const notMet = tally.total - tally.passed;
  const parts = [
    tally.failed > 0 ? `${tally.failed} failed` : null,
    tally.unsupported > 0 ? `${tally.unsupported} not supported` : null,
    tally.unverified > 0 ? `${tally.unverified} not verified` : null,
  ].filter((part) => part !== null);
  return `${notMet} of ${plural(tally.total, "requirement")} not met (${parts.join(", ")})`;
}

export const describeResults = (results: readonly Pick<RequirementResult, "outcome">[]) => describeTally(tallyRequirements(results));

/**
 * The status a project's badge shows. A project is READY once a version is live; when the run
 * that made the live version ended with gaps, the badge says so instead of a plain "Ready".
 */
export function projectBadgeStatus(project: { status: string; liveVersion: { run: { status: string } | null } | null }): string {
  if (project.status === "READY" && project.liveVersion?.run?.status === "READY_WITH_GAPS") return "READY_WITH_GAPS";
  return project.status;
}
