import { ExecutorRunStatus } from "../../db/generated/enums";

/** Statuses of a run that can still change (be driven, resumed or cancelled). */
export const activeExecutorRunStatuses = [ExecutorRunStatus.QUEUED, ExecutorRunStatus.RUNNING, ExecutorRunStatus.WAITING] as const;

export function isActiveExecutorRunStatus(status: ExecutorRunStatus): boolean {
  return (activeExecutorRunStatuses as readonly ExecutorRunStatus[]).includes(status);
}

/** A wake-up time far enough away to mean "only an event or another run resumes this". */
export const farFuture = new Date("9999-01-01T00:00:00.000Z");
