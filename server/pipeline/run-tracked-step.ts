// A durable "this step started" marker for the pipeline's steps (issue 17). The executor re-runs a
// step whose result was never stored — after a crash, a kill, a redeploy. Agent steps show that
// through their AgentTask (run-agent-task.ts closes the one left RUNNING, with "agent.resumed"),
// but a step that runs no agent (the version step, the GitHub push, an external deploy…), or
// that was killed after its agent had finished, left no trace. So every tracked step writes a
// StepAttempt row, RUNNING while it works, in the database (not on local disk: on serverless hosts
// the re-run happens on another machine). A try that finds a RUNNING attempt of its own step knows
// the process died under it: it closes that attempt as INTERRUPTED and appends one "step.resumed"
// event saying what the interrupted try left that this one reuses. A step that failed with an error
// closes its attempt FAILED, so the executor's ordinary retry is not mistaken for a resume.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { StepReuse } from "../events/run-events";
import { isFinishedRunStatus, type FinishedRunStatus } from "../events/run-statuses";
import { getLogger } from "../observability/logger";
import type { AgentName } from "../plan/agent-names";
import { writeFinishedWork } from "../db/retry-while-unreachable";
import { appendRunEvent } from "../runs/append-run-event";

const log = getLogger("pipeline");

export type TrackedStepSpec = {
  runId: string;
  /** The executor's step id ("create-version", "qa-2", "deploy-vercel"): unique within the run. */
  stepKey: string;
  /**
   * The AgentTask a step of an agent records (run-agent-task.ts). When the interrupted try left it
   * RUNNING, the agent's own "agent.resumed" tells of the interruption, so this step adds none:
   * one event per interruption. When the agent had finished (the kill came after it, before the
   * step's result was stored), the step's event is the only one.
   */
  agentTask?: { agentName: AgentName; taskType: string; round?: number };
  /** What the interrupted try left that this one reuses (its version, its deployment); null: nothing. */
  findReused?: (db: Db) => Promise<StepReuse>;
};

/**
 * Closes `spec`'s attempts left RUNNING by a dead process (one "step.resumed" each, while the run
 * is active) and opens this try's attempt. Returns the new attempt's id.
 */
export async function beginStepAttempt(db: Db, spec: TrackedStepSpec): Promise<string> {
  const where = { runId: spec.runId, stepKey: spec.stepKey };
  const isInterrupted = (await db.stepAttempt.count({ where: { ...where, status: "RUNNING" } })) > 0;
  // Read before the transaction: the lookup is the step's own (it may read files), not the log's.
  const reused = isInterrupted && spec.findReused ? await spec.findReused(db) : null;
  return db.$transaction(async (tx) => {
    // The run's row lock serialises tries of its steps, so two copies (a lost lease) number their
    // attempts apart, and the second reports the first as interrupted: the executor gave up on it.
    const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status"::text AS "status" FROM "Run" WHERE "id" = ${spec.runId} FOR UPDATE`;
    if (rows.length === 0) throw new Error(`Run ${spec.runId} not found`);
    const stale = await tx.stepAttempt.findMany({ where: { ...where, status: "RUNNING" }, orderBy: { attempt: "asc" } });
    if (stale.length > 0) await closeInterruptedAttempts(tx, spec, stale, reused, rows[0]!.status);
    const attempt = (await tx.stepAttempt.count({ where })) + 1;
    const created = await tx.stepAttempt.create({ data: { ...where, attempt, status: "RUNNING" } });
    return created.id;
  });
}

async function closeInterruptedAttempts(tx: Prisma.TransactionClient, spec: TrackedStepSpec, stale: { id: string; attempt: number }[], reused: StepReuse, runStatus: string) {
  // An agent task left RUNNING by the same interruption: its "agent.resumed" tells of it.
  const hasAgentEvent =
    spec.agentTask !== undefined &&
    (await tx.agentTask.count({ where: { runId: spec.runId, agentName: spec.agentTask.agentName, taskType: spec.agentTask.taskType, round: spec.agentTask.round ?? null, status: "RUNNING" } })) > 0;
  let reported = 0;
  for (const interrupted of stale) {
    // Conditional, so two tries racing for the same leftover (the executor's lease forbids it) report it once.
    const { count } = await tx.stepAttempt.updateMany({ where: { id: interrupted.id, status: "RUNNING" }, data: { status: "INTERRUPTED", completedAt: new Date() } });
    // A finished run's log has ended (its step re-ran only to return what it had): no event after it.
    if (count === 0 || hasAgentEvent || isFinishedRunStatus(runStatus)) continue;
    await appendRunEvent(tx, spec.runId, "step.resumed", { stepKey: spec.stepKey, interruptedAttempt: interrupted.attempt, reused });
    reported += 1;
  }
  log.warn({ runId: spec.runId, step: spec.stepKey, interruptedAttempts: stale.length, reported, reused }, "step re-run after a crash; its interrupted attempt(s) closed");
}

/** Ends an attempt this process opened; a no-op when the run's end closed it meanwhile. */
export async function endStepAttempt(db: Db, attemptId: string, status: "SUCCEEDED" | "FAILED"): Promise<void> {
  await db.stepAttempt.updateMany({ where: { id: attemptId, status: "RUNNING" }, data: { status, completedAt: new Date() } });
}

/** Runs one pipeline step between its attempt's start and end (see the top of this file). */
export async function runTrackedStep<T>(db: Db, spec: TrackedStepSpec, work: () => Promise<T>): Promise<T> {
  const attemptId = await beginStepAttempt(db, spec);
  const where = { runId: spec.runId, step: spec.stepKey };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // The step's own error is the one to report, even when its attempt cannot be closed now (the
    // run's end closes it then). A short outage is waited out: an attempt left RUNNING would make
    // the step's retry report a crash that never happened.
    await writeFinishedWork(log, "database unreachable; the failed step waits to record its end", where, () => endStepAttempt(db, attemptId, "FAILED")).catch((endError: unknown) =>
      log.warn({ err: endError, ...where }, "could not close a failed step's attempt"),
    );
    throw error;
  }
  // The step's work is done (an agent's, perhaps): a database out for a few seconds must not turn
  // it into a failed step that runs again. The end waits for the database, then the result goes on.
  // A kill between this and the executor storing the result re-runs the step without an event:
  // the window is one small write wide, and the re-run then returns what this try made.
  await writeFinishedWork(log, "database unreachable; the finished step waits to record its end", where, () =>
    endStepAttempt(db, attemptId, "SUCCEEDED"),
  ).catch((error: unknown) => log.warn({ err: error, ...where }, "could not record a finished step's end; the run's end closes its attempt"));
  return result;
}

/**
 * Closes the run's attempts still RUNNING when it ends — CANCELLED with a cancelled run (its step
 * may still be at work; its late end leaves the row as it is), else INTERRUPTED (a process died
 * before the run failed). No event: the run's own end says it, and agent.closed tells of agents.
 */
export async function closeRunningStepAttempts(tx: Prisma.TransactionClient, runId: string, runStatus: FinishedRunStatus, at = new Date()): Promise<number> {
  const status = runStatus === "CANCELLED" ? "CANCELLED" : "INTERRUPTED";
  const { count } = await tx.stepAttempt.updateMany({ where: { runId, status: "RUNNING" }, data: { status, completedAt: at } });
  return count;
}
