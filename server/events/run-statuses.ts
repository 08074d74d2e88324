// The product run's statuses, grouped and labelled once for the server and the dashboard alike.
// Type-only import of Prisma's generated enum: client components import this module.
import type { RunStatus } from "../db/generated/enums";
import type { RunEventType } from "./run-events";

export const activeRunStatuses = ["QUEUED", "RUNNING", "WAITING"] as const satisfies readonly RunStatus[];
export const finishedRunStatuses = ["SUCCEEDED", "READY_WITH_GAPS", "FAILED", "CANCELLED"] as const satisfies readonly RunStatus[];

export type ActiveRunStatus = (typeof activeRunStatuses)[number];
export type FinishedRunStatus = (typeof finishedRunStatuses)[number];

// Fails to compile when a RunStatus is neither active nor finished.
type Unsorted = Exclude<RunStatus, ActiveRunStatus | FinishedRunStatus>;
const isEveryStatusSorted: Unsorted extends never ? true : Unsorted = true;
void isEveryStatusSorted;

export function isFinishedRunStatus(status: string): status is FinishedRunStatus {
  return (finishedRunStatuses as readonly string[]).includes(status);
}

export function isActiveRunStatus(status: string): status is ActiveRunStatus {
  return (activeRunStatuses as readonly string[]).includes(status);
}

/** The event that closes a run's log, per final status. */
export const finishedEventOfStatus = {
  SUCCEEDED: "run.succeeded",
  READY_WITH_GAPS: "run.ready_with_gaps",
  FAILED: "run.failed",
  CANCELLED: "run.cancelled",
} as const satisfies Record<FinishedRunStatus, RunEventType>;

/** What the dashboard calls each status. */
export const runStatusLabels = {
  QUEUED: "Queued",
  RUNNING: "Running",
  WAITING: "Waiting",
  SUCCEEDED: "Succeeded",
  READY_WITH_GAPS: "Ready with gaps",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
} as const satisfies Record<RunStatus, string>;

/** A run the user may start again: it ended without doing everything that was asked. */
export function isRetryableRunStatus(status: string): boolean {
  return status === "FAILED" || status === "CANCELLED" || status === "READY_WITH_GAPS";
}
