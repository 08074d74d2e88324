// Each requirement's outcome in a finished run, from what the pipeline stored: the plan's
// requirements and the checks of the run's last QA report. (Until the pipeline records the
// outcomes itself, the eval derives them the same way QA's rule says: unsupported as planned,
// no check → unverified, any check failed → failed, all passed → passed.)
import type { Db } from "~/server/db";
import type { TPlan } from "~/server/plan/plan-schema";
import type { RequirementResult } from "~/server/plan/requirements";
import type { RunEventPayload } from "~/server/events/run-events";

export async function requirementResultsOfRun(db: Db, runId: string, plan: TPlan): Promise<RequirementResult[]> {
  const last = await db.runEvent.findFirst({ where: { runId, type: "qa.result" }, orderBy: { seq: "desc" } });
  const report = last?.payload as RunEventPayload<"qa.result"> | undefined;
  const statusOf = new Map((report?.checks ?? []).map((check) => [check.id, check.status ?? (check.passed ? "passed" : "failed")]));
  return (plan.requirements ?? []).map((requirement) => {
    const checkIds = plan.acceptanceChecks.filter((check) => check.requirementIds?.includes(requirement.id)).map((check) => check.id);
    if (requirement.status === "unsupported") return { id: requirement.id, outcome: "unsupported", message: requirement.reason ?? null, checkIds };
    if (!checkIds.length) return { id: requirement.id, outcome: "unverified", message: "no check verifies this yet", checkIds };
    const statuses = checkIds.map((id) => statusOf.get(id));
    if (statuses.includes("failed")) return { id: requirement.id, outcome: "failed", message: `check ${checkIds[statuses.indexOf("failed")]} failed`, checkIds };
    if (statuses.every((status) => status === "passed")) return { id: requirement.id, outcome: "passed", message: null, checkIds };
    return { id: requirement.id, outcome: "unverified", message: "its checks did not run", checkIds };
  });
}
