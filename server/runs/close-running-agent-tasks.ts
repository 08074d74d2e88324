// When a run ends, none of its agent tasks may stay RUNNING. A task still RUNNING then belongs to a
// step that will never run again: its process died (a crash before the run failed or was
// cancelled; a step re-run closes its own, see server/pipeline/run-agent-task.ts) or it is still
// working for a run that was just cancelled (its late result is then ignored by runAgentTask).
import type { Prisma } from "../db/generated/client";
import type { FinishedRunStatus } from "../events/run-statuses";
import { getLogger } from "../observability/logger";
import type { AgentName } from "../plan/agent-names";
import { appendRunEvent } from "./append-run-event";

const log = getLogger("runs");

const REASON = {
  INTERRUPTED: "Interrupted: the run ended while this step was unfinished (the platform stopped during it); it will not run again.",
  CANCELLED: "Cancelled with its run.",
} as const;

/**
 * Closes the run's RUNNING tasks, each with an `agent.closed` event: CANCELLED when the run is
 * cancelled, else INTERRUPTED. Call it inside the transaction that finishes the run, before the
 * run's final event, so the log reads in order. Returns how many it closed.
 */
export async function closeRunningAgentTasks(tx: Prisma.TransactionClient, runId: string, runStatus: FinishedRunStatus, at = new Date()): Promise<number> {
  const running = await tx.agentTask.findMany({ where: { runId, status: "RUNNING" }, orderBy: { createdAt: "asc" } });
  const status = runStatus === "CANCELLED" ? "CANCELLED" : "INTERRUPTED";
  let closed = 0;
  for (const task of running) {
    // Conditional: a task whose step finished meanwhile keeps its own ending.
    const { count } = await tx.agentTask.updateMany({ where: { id: task.id, status: "RUNNING" }, data: { status, error: REASON[status], completedAt: at } });
    if (count === 0) continue;
    closed += 1;
    await appendRunEvent(tx, runId, "agent.closed", {
      taskId: task.id,
      // Tasks are only ever written by runAgentTask, whose agentName is an AgentName.
      agent: task.agentName as AgentName,
      taskType: task.taskType,
      attempt: task.attempt,
      ...(task.round === null ? {} : { round: task.round }),
      status,
      reason: REASON[status],
    });
  }
  if (closed > 0) {
    // A cancelled run's step still at work is ordinary; a task left by a dead process is worth a look.
    log[status === "CANCELLED" ? "info" : "warn"]({ runId, runStatus, closedTasks: closed, taskStatus: status }, "run ended with agent tasks still running; closed them");
  }
  return closed;
}
