// Which status a run may move to from which: the one place that decides. Every write of a run's
// status goes through a conditional update built from this table (see run-lifecycle.ts), so a
// finished run (succeeded, with gaps, failed, cancelled) never changes state again, whatever
// step of it arrives late or is retried.
import type { Prisma } from "../db/generated/client";
import type { RunStatus } from "../db/generated/enums";
import { finishedRunStatuses, isFinishedRunStatus, type FinishedRunStatus } from "../events/run-statuses";

const onwards = ["RUNNING", "WAITING", ...finishedRunStatuses] as const satisfies readonly RunStatus[];

/**
 * An active run may go on (RUNNING → RUNNING is a stage change or a step retried after its write)
 * or end in any way; nothing goes back to QUEUED (a retry is a new run), and a finished run goes
 * nowhere.
 */
export const runTransitions = {
  QUEUED: onwards,
  RUNNING: onwards,
  WAITING: onwards,
  SUCCEEDED: [],
  READY_WITH_GAPS: [],
  FAILED: [],
  CANCELLED: [],
} as const satisfies Record<RunStatus, readonly RunStatus[]>;

export function canRunMove(from: RunStatus, to: RunStatus): boolean {
  return (runTransitions[from] as readonly RunStatus[]).includes(to);
}

/** The statuses a run may be in for a move to `to`: the `status: { in }` of the conditional update. */
export function runStatusesMovingTo(to: RunStatus): RunStatus[] {
  return (Object.keys(runTransitions) as RunStatus[]).filter((from) => canRunMove(from, to));
}

/** A step's write refused because its run already finished; the step does nothing and says so. */
export class RunFinishedError extends Error {
  constructor(
    readonly runId: string,
    readonly status: FinishedRunStatus,
  ) {
    super(`The run already ended ${status.toLowerCase()}`);
    this.name = "RunFinishedError";
  }
}

/** The run's final status, or null while it is still going. */
export async function finishedStatusOf(db: Prisma.TransactionClient, runId: string): Promise<FinishedRunStatus | null> {
  const run = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
  return isFinishedRunStatus(run.status) ? run.status : null;
}

/**
 * Locks the run's row until the transaction ends and throws RunFinishedError if the run already
 * finished, so a step's write cannot commit after the run's last event. Take it first in a
 * transaction that also locks the project, as the status changes do (run, then project): the
 * same order everywhere cannot deadlock.
 */
export async function lockActiveRun(tx: Prisma.TransactionClient, runId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status"::text AS "status" FROM "Run" WHERE "id" = ${runId} FOR UPDATE`;
  const status = rows[0]?.status;
  if (status === undefined) throw new Error(`Run ${runId} not found`);
  if (isFinishedRunStatus(status)) throw new RunFinishedError(runId, status);
}
