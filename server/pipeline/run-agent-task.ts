// Records one agent's work as an AgentTask, with run events when it starts, finishes or fails,
// and adds its token usage and cost to the run's totals — so the timeline and the audit trail
// show every attempt. A task of the same step still RUNNING when the step starts again was cut
// off by a crash (the executor re-runs a step whose result was never stored): it is closed as
// INTERRUPTED, with an "agent.resumed" event, before the new attempt starts.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { ModelProviderError, StructuredOutputError } from "../llm/errors";
import { appendRunEvent } from "../runs/append-run-event";
import type { AgentResult } from "../agents/agent-brain";
import type { JsonValue } from "../events/run-events";
import type { AgentName } from "../plan/agent-names";
import { getLogger, withLogContext } from "../observability/logger";
import { getMetrics } from "../observability/metrics";
import { withSpan } from "../observability/tracing";
import { writeFinishedWork } from "../db/retry-while-unreachable";

const log = getLogger("agent");

export type AgentTaskSpec = {
  runId: string;
  projectId: string;
  agentName: AgentName;
  taskType: string;
  input: Prisma.InputJsonValue;
  /** The model doing the work, when the agent calls one. */
  model?: { provider: string; name: string };
  /** Which round of a repeated step (QA round 2, repair 2): attempts are counted per round. */
  round?: number;
};

const INTERRUPTED_MESSAGE = "Interrupted: the platform stopped while this step ran; the step ran again.";

type StepOfTask = Pick<AgentTaskSpec, "runId" | "agentName" | "taskType" | "round">;

const whereStep = (step: StepOfTask) => ({ runId: step.runId, agentName: step.agentName, taskType: step.taskType, round: step.round ?? null });

/**
 * Closes the tasks of `step` still RUNNING as INTERRUPTED, each with an `agent.resumed` event. One
 * step of a run runs on one worker at a time (the executor's lease), so when the step starts again
 * such a task belongs to an attempt that died with its process. Returns how many it closed.
 */
export async function closeInterruptedAgentTasks(tx: Prisma.TransactionClient, step: StepOfTask, at = new Date()): Promise<number> {
  const stale = await tx.agentTask.findMany({ where: { ...whereStep(step), status: "RUNNING" }, orderBy: { createdAt: "asc" } });
  for (const interrupted of stale) {
    await tx.agentTask.update({ where: { id: interrupted.id }, data: { status: "INTERRUPTED", error: INTERRUPTED_MESSAGE, completedAt: at } });
    await appendRunEvent(tx, step.runId, "agent.resumed", {
      interruptedTaskId: interrupted.id,
      agent: step.agentName,
      taskType: step.taskType,
      round: step.round,
      interruptedAttempt: interrupted.attempt,
    });
  }
  if (stale.length > 0) {
    log.warn(
      { runId: step.runId, agent: step.agentName, taskType: step.taskType, round: step.round ?? null, interruptedTasks: stale.length },
      "step re-run after a crash; its interrupted task(s) closed",
    );
  }
  return stale.length;
}

/** Adds a task's model usage to the task and to its run's totals (and so to the run's budget). */
async function addTaskUsage(tx: Prisma.TransactionClient, runId: string, taskId: string, usage: { tokensIn: number; tokensOut: number; costUsd: number }) {
  await tx.agentTask.update({ where: { id: taskId }, data: usage });
  await tx.run.update({ where: { id: runId }, data: { tokensIn: { increment: usage.tokensIn }, tokensOut: { increment: usage.tokensOut }, costUsd: { increment: usage.costUsd } } });
}

export async function runAgentTask<T>(
  db: Db,
  spec: AgentTaskSpec,
  work: () => Promise<AgentResult<T>>,
  summarize: (value: T) => JsonValue,
): Promise<T> {
  // Every line the agent (and the model layer under it) logs names the run, step and agent.
  return withLogContext({ runId: spec.runId, projectId: spec.projectId, agent: spec.agentName, step: spec.taskType }, () =>
    withSpan(
      `agent ${spec.agentName}`,
      { "epic.run_id": spec.runId, "epic.agent": spec.agentName, "epic.task": spec.taskType, ...(spec.model ? { "gen_ai.system": spec.model.provider, "gen_ai.request.model": spec.model.name } : {}) },
      () => runAgentTaskInContext(db, spec, work, summarize),
    ),
  );
}

function countAgentTask(spec: AgentTaskSpec, outcome: "succeeded" | "failed", durationMs: number, usage: { tokensIn: number; tokensOut: number; costUsd: number } | null) {
  const metrics = getMetrics();
  metrics.agentStepDuration.observe({ agent: spec.agentName, task: spec.taskType, outcome }, durationMs / 1000);
  if (outcome === "failed") metrics.agentStepFailures.inc({ agent: spec.agentName, task: spec.taskType });
  if (usage && spec.model) {
    const model = { provider: spec.model.provider, model: spec.model.name };
    metrics.llmTokens.inc({ ...model, direction: "input" }, usage.tokensIn);
    metrics.llmTokens.inc({ ...model, direction: "output" }, usage.tokensOut);
    metrics.llmCost.inc(model, usage.costUsd);
  }
}

async function runAgentTaskInContext<T>(
  db: Db,
  spec: AgentTaskSpec,
  work: () => Promise<AgentResult<T>>,
  summarize: (value: T) => JsonValue,
): Promise<T> {
  const startedAt = new Date();
  const task = await db.$transaction(async (tx) => {
    await closeInterruptedAgentTasks(tx, spec, startedAt);
    const attempt = (await tx.agentTask.count({ where: whereStep(spec) })) + 1;
    const created = await tx.agentTask.create({
      data: { ...whereStep(spec), projectId: spec.projectId, inputPayload: spec.input, status: "RUNNING", attempt, startedAt, provider: spec.model?.provider, model: spec.model?.name },
    });
    await appendRunEvent(tx, spec.runId, "agent.started", { taskId: created.id, agent: spec.agentName, taskType: spec.taskType, attempt, round: spec.round });
    return created;
  });

  let result: AgentResult<T>;
  try {
    result = await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A model that kept answering invalid output, or whose provider failed after some replies, still
    // spent tokens: they count towards the run's totals (and so its budget) and show in analytics.
    const spent = error instanceof StructuredOutputError || error instanceof ModelProviderError ? { tokensIn: error.usage.inputTokens, tokensOut: error.usage.outputTokens, costUsd: error.costUsd } : null;
    // Waits out a short database outage: a failed task left RUNNING would read as one a crash cut off.
    await writeWaitingForDatabase(spec, "could not record a failed agent task", () =>
      db.$transaction(async (tx) => {
        const { count } = await tx.agentTask.updateMany({ where: { id: task.id, status: "RUNNING" }, data: { status: "FAILED", error: message.slice(0, 4000), completedAt: new Date() } });
        if (spent) await addTaskUsage(tx, spec.runId, task.id, spent);
        // Closed with its run meanwhile (see below): it stays as the run left it, with no event.
        if (count === 0) return;
        await appendRunEvent(tx, spec.runId, "agent.failed", { taskId: task.id, agent: spec.agentName, taskType: spec.taskType, attempt: task.attempt, error: message.slice(0, 1000) });
      }),
    );
    const durationMs = Date.now() - startedAt.getTime();
    countAgentTask(spec, "failed", durationMs, spent);
    log.warn({ err: error, attempt: task.attempt, durationMs }, "agent task failed");
    throw error;
  }

  const summary = summarize(result.value);
  const durationMs = Date.now() - startedAt.getTime();
  // The agent's work is done (and its tokens spent): a database out for a few seconds must not
  // turn it into a failed step whose retry does the work again. The write waits for the database.
  await writeWaitingForDatabase(spec, null, () =>
    db.$transaction(async (tx) => {
      // A task closed with its run (cancelled while it worked) stays closed: its late result is not
      // the run's, and the log already ended. Its usage still counts (the tokens were spent).
      const { count } = await tx.agentTask.updateMany({ where: { id: task.id, status: "RUNNING" }, data: { status: "SUCCEEDED" } });
      if (count === 0) {
        // Already SUCCEEDED: an earlier try of this write committed but its answer was lost with the connection.
        const current = await tx.agentTask.findUnique({ where: { id: task.id }, select: { status: true } });
        if (current?.status === "SUCCEEDED") return;
        await addTaskUsage(tx, spec.runId, task.id, { tokensIn: result.usage.inputTokens, tokensOut: result.usage.outputTokens, costUsd: result.costUsd });
        return;
      }
      await tx.agentTask.update({
        where: { id: task.id },
        data: {
          resultPayload: summary as Prisma.InputJsonValue,
          completedAt: new Date(),
          tokensIn: result.usage.inputTokens,
          tokensOut: result.usage.outputTokens,
          costUsd: result.costUsd,
        },
      });
      await tx.run.update({
        where: { id: spec.runId },
        data: { tokensIn: { increment: result.usage.inputTokens }, tokensOut: { increment: result.usage.outputTokens }, costUsd: { increment: result.costUsd } },
      });
      await appendRunEvent(tx, spec.runId, "agent.completed", {
        taskId: task.id,
        agent: spec.agentName,
        taskType: spec.taskType,
        attempt: task.attempt,
        durationMs,
        tokensIn: result.usage.inputTokens,
        tokensOut: result.usage.outputTokens,
        costUsd: result.costUsd,
        modelAttempts: result.attempts,
        summary,
      });
    }),
  );
  countAgentTask(spec, "succeeded", durationMs, { tokensIn: result.usage.inputTokens, tokensOut: result.usage.outputTokens, costUsd: result.costUsd });
  log.info({ attempt: task.attempt, durationMs, tokensIn: result.usage.inputTokens, tokensOut: result.usage.outputTokens }, "agent task succeeded");
  return result.value;
}

/**
 * Runs a write of a task's end, retried while the database cannot be reached. `failureNote` set:
 * a write that still fails is logged and dropped (the step's own error is the one to report; the
 * run's end closes the task). Unset: it is thrown (the step fails and runs again).
 */
async function writeWaitingForDatabase(spec: AgentTaskSpec, failureNote: string | null, write: () => Promise<unknown>): Promise<void> {
  const waiting = writeFinishedWork(log, "database unreachable; the agent task waits to record its end", { runId: spec.runId }, write);
  if (failureNote === null) {
    await waiting;
    return;
  }
  await waiting.catch((error: unknown) => log.warn({ err: error, runId: spec.runId }, failureNote));
}
