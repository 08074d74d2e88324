// What became of each requirement of a plan, from QA's check results: the verdict a run's status,
// its gaps, the dashboard's checklist and the analytics all read. Pure: no browser, no database.
//
// Order of precedence, per requirement:
//   unsupported (the compiler said so up front) → no check verifies it (unverified) → no browser
//   (unverified, with the reason) → a check failed (failed, with the first failing check's
//   words) → a check did not run (unverified) → every check passed (passed).
// A failure outranks a check that did not run: one failing check is enough to know it is not met.
import type { QaCheckStatus, RunGap } from "~/server/events/run-events";
import type { TPlan } from "~/server/plan/plan-schema";
import type { RequirementResult } from "~/server/plan/requirements";

/** What QA reports per acceptance check (a subset of run-acceptance-checks' CheckResult). */
export type RequirementCheck = {
  id: string;
  description: string;
  requirementIds: readonly string[];
  status: QaCheckStatus;
  message?: string | null;
};

export type RequirementResultsInput = {
  plan: Pick<TPlan, "requirements">;
  checks: readonly RequirementCheck[];
  /** Why no browser could be had; null when the checks ran in one. */
  browserUnavailableReason: string | null;
};

export const noCheckMessage = "no check verifies this yet";

export function computeRequirementResults(input: RequirementResultsInput): RequirementResult[] {
  return (input.plan.requirements ?? []).map((requirement) => {
    const checks = input.checks.filter((check) => check.requirementIds.includes(requirement.id));
    const checkIds = checks.map((check) => check.id);
    if (requirement.status === "unsupported") {
      return { id: requirement.id, outcome: "unsupported", message: requirement.reason ?? "the app builder cannot build this", checkIds };
    }
    if (checks.length === 0) return { id: requirement.id, outcome: "unverified", message: noCheckMessage, checkIds };
    if (input.browserUnavailableReason) return { id: requirement.id, outcome: "unverified", message: input.browserUnavailableReason, checkIds };
    const failed = checks.find((check) => check.status === "failed");
    if (failed) return { id: requirement.id, outcome: "failed", message: `${failed.description}: ${failed.message ?? "failed"}`, checkIds };
    if (checks.some((check) => check.status === "unverified")) {
      return { id: requirement.id, outcome: "unverified", message: input.browserUnavailableReason ?? "a check did not run", checkIds };
    }
    return { id: requirement.id, outcome: "passed", message: null, checkIds };
  });
}

/**
 * What the run must report instead of a plain success: every requirement that did not pass
 * (named by its text, with why), and every check tied to no requirement of the plan that could
 * not run. Checks tied to a requirement are reported through it, not twice.
 */
export function collectRunGaps(input: RequirementResultsInput & { results: readonly RequirementResult[] }): RunGap[] {
  const requirements = input.plan.requirements ?? [];
  const known = new Set(requirements.map((requirement) => requirement.id));
  const requirementGaps = input.results.flatMap((result): RunGap[] => {
    if (result.outcome === "passed") return [];
    const text = requirements.find((requirement) => requirement.id === result.id)?.text ?? result.id;
    return [{ kind: "requirement", id: result.id, description: text, status: result.outcome, reason: result.message ?? result.outcome }];
  });
  const checkGaps = input.checks
    .filter((check) => check.status === "unverified" && !check.requirementIds.some((id) => known.has(id)))
    .map((check): RunGap => ({ kind: "acceptance-check", id: check.id, description: check.description, status: "unverified", reason: input.browserUnavailableReason ?? "the check did not run" }));
  return [...requirementGaps, ...checkGaps];
}
