import type { ExecutorRunStatus } from "../db/generated/client";

/** Statuses of a run that can still change. */
export const activeRunStatuses = ["QUEUED", "RUNNING", "WAITING"] as const satisfies readonly ExecutorRunStatus[];

export function isActiveRunStatus(status: ExecutorRunStatus): boolean {
  return (activeRunStatuses as readonly ExecutorRunStatus[]).includes(status);
}

/** A wake-up time far enough away to mean "only an event or another run resumes this". */
export const farFuture = new Date("9999-01-01T00:00:00.000Z");
