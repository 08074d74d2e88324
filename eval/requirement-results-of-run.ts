// Each requirement's outcome in a finished run, as the pipeline recorded it: the `requirements`
// of the run's last QA report. A run that never reached QA (it failed before) has none: its
// planned requirements count as not verified, its unsupported ones as unsupported.
import type { Db } from "~/server/db";
import type { RunEventPayload } from "~/server/events/run-events";
import type { TPlan } from "~/server/plan/plan-schema";
import type { RequirementResult } from "~/server/plan/requirements";

export async function requirementResultsOfRun(db: Db, runId: string, plan: TPlan): Promise<RequirementResult[]> {
  const last = await db.runEvent.findFirst({ where: { runId, type: "qa.result" }, orderBy: { seq: "desc" } });
  const recorded = (last?.payload as RunEventPayload<"qa.result"> | undefined)?.requirements;
  if (recorded) return recorded;
  return (plan.requirements ?? []).map((r) => ({ id: r.id, outcome: r.status === "unsupported" ? "unsupported" : "unverified", message: r.status === "unsupported" ? (r.reason ?? null) : "QA did not run", checkIds: [] }));
}
