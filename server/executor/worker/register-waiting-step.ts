// Registering a step that waits: a sleep, a waitForEvent, or an invoke (which starts the
// invoked run in the same transaction).
import { z } from "zod";
import { createId } from "../store/create-id";
import { matchesExpression } from "../protocol/evaluate-expression";
import { insertExecutorRun, executorRunSpecFor } from "../store/create-executor-run";
import type { OutgoingOp, SerializedError } from "../protocol/execution-protocol";
import { resolveWakeTime } from "../protocol/parse-duration";
import { lockOwnedExecutorRun, stepName, type LoadedExecutorRun, type ExecutorRunContext, type StepRef } from "./executor-run-context";
import type { ExecutorRunEvent } from "../store/executor-run-events";
import { farFuture } from "../store/executor-run-status";
import { storeStepResult } from "./store-step-result";
import { toJsonInput } from "../store/to-json-input";
import { lockWaitsForEvents } from "../store/wait-lock";
import { withTransaction, type Tx } from "../store/with-transaction";

const ZWaitOpts = z.object({ timeout: z.string(), if: z.string().nullish() }).loose();
const ZInvokeOpts = z
  .object({
    function_id: z.string(),
    payload: z.object({ data: z.record(z.string(), z.unknown()).nullish() }).loose().nullish(),
    timeout: z.string().nullish(),
  })
  .loose();

/** Registers a sleep, waitForEvent or invoke (and starts the invoked run). */
export async function registerWaitingStep(ctx: ExecutorRunContext, run: LoadedExecutorRun, op: OutgoingOp): Promise<"registered" | "resolved" | "lost"> {
  const now = new Date();
  const name = stepName(op);
  let plan:
    | { kind: "sleep"; wakeAt: Date }
    | { kind: "wait"; wakeAt: Date; event: string; if: string | null }
    | { kind: "invoke"; wakeAt: Date; functionId: string; data: Record<string, unknown> }
    | { kind: "invalid"; error: SerializedError };
  try {
    switch (op.op) {
      case "Sleep":
        plan = { kind: "sleep", wakeAt: resolveWakeTime(op.name ?? "", now) };
        break;
      case "WaitForEvent": {
        const opts = ZWaitOpts.parse(op.opts ?? {});
        plan = { kind: "wait", wakeAt: resolveWakeTime(opts.timeout, now), event: op.name ?? "", if: opts.if ?? null };
        break;
      }
      case "InvokeFunction": {
        const opts = ZInvokeOpts.parse(op.opts ?? {});
        plan = {
          kind: "invoke",
          wakeAt: opts.timeout ? resolveWakeTime(opts.timeout, now) : farFuture,
          functionId: opts.function_id,
          data: opts.payload?.data ?? {},
        };
        break;
      }
      default:
        throw new Error(`${op.op} is not a waiting step`);
    }
  } catch (error) {
    plan = { kind: "invalid", error: { name: "Error", message: error instanceof Error ? error.message : String(error) } };
  }

  const invoked = plan.kind === "invoke" ? ctx.getRegistry()?.functions.get(plan.functionId) : undefined;
  if (plan.kind === "invoke" && !invoked) {
    plan = { kind: "invalid", error: { name: "Error", message: `step.invoke: function "${plan.functionId}" is not served by this app` } };
  }
  const step: StepRef = { id: op.id, name, op: op.op, input: op.opts ?? null };
  if (plan.kind === "invalid") {
    // Memoized as the step's error: the function sees it thrown by the step call.
    return (await storeStepResult(ctx, run, step, 0, { kind: "error", error: plan.error, isFinal: true, retryAfter: null })) ? "resolved" : "lost";
  }

  const registered = plan;
  const events: ExecutorRunEvent[] = [];
  const result = await withTransaction(ctx.db, async (tx): Promise<"registered" | "resolved" | "lost"> => {
    if (registered.kind === "wait") await lockWaitsForEvents(tx, [registered.event]);
    if (!(await lockOwnedExecutorRun(tx, ctx, run.id))) return "lost";
    if (await tx.executorStep.findUnique({ where: { runId_id: { runId: run.id, id: op.id } }, select: { id: true } })) return "registered";
    const ref = { runId: run.id, functionId: run.functionId, at: now, stepId: op.id, name, op: op.op };

    if (registered.kind === "wait") {
      const earlier = await findEarlierEvent(tx, run, registered);
      if (earlier) {
        const { stepSeq } = await tx.executorRun.update({ where: { id: run.id }, data: { stepSeq: { increment: 1 } }, select: { stepSeq: true } });
        await tx.executorStep.create({
          data: {
            runId: run.id,
            id: op.id,
            name,
            op: op.op,
            status: "COMPLETED",
            input: toJsonInput(op.opts ?? null),
            output: toJsonInput(earlier),
            seq: stepSeq,
            waitEvent: registered.event,
            waitIf: registered.if,
            createdAt: now,
            completedAt: now,
          },
        });
        events.push(
          { type: "step.waiting", ...ref, event: registered.event, if: registered.if, timeoutAt: registered.wakeAt },
          { type: "step.completed", ...ref, attempt: 0, output: earlier },
        );
        return "resolved";
      }
    }

    let invokedRunId: string | null = null;
    if (registered.kind === "invoke" && invoked) {
      const event = { id: createId(now.getTime()), name: "inngest/function.invoked", data: registered.data, ts: now.getTime() };
      const child = await insertExecutorRun(tx, { ...executorRunSpecFor(invoked, event, null), parentRunId: run.id, parentStepId: op.id }, now);
      if (child) {
        invokedRunId = child.runId;
        events.push(child.event);
      }
    }
    await tx.executorStep.create({
      data: {
        runId: run.id,
        id: op.id,
        name,
        op: op.op,
        status: "WAITING",
        input: toJsonInput(op.opts ?? null),
        wakeAt: registered.wakeAt,
        waitEvent: registered.kind === "wait" ? registered.event : null,
        waitIf: registered.kind === "wait" ? registered.if : null,
        invokedRunId,
        createdAt: now,
      },
    });
    switch (registered.kind) {
      case "sleep":
        events.push({ type: "step.sleeping", ...ref, wakeAt: registered.wakeAt });
        break;
      case "wait":
        events.push({ type: "step.waiting", ...ref, event: registered.event, if: registered.if, timeoutAt: registered.wakeAt });
        break;
      case "invoke":
        events.push({ type: "step.invoking", ...ref, invokedFunctionId: registered.functionId, invokedRunId });
        break;
      default: {
        const unreachable: never = registered;
        throw new Error(`Unknown wait ${JSON.stringify(unreachable)}`);
      }
    }
    return "registered";
  });
  if (result === "lost") return result;
  ctx.emit(events);
  if (registered.kind === "invoke") ctx.wake();
  return result;
}

const pauseOps = ["Sleep", "WaitForEvent", "InvokeFunction"];

/**
 * A matching event that arrived before this wait was stored but after the run last paused (or
 * started): the function was already on its way to this wait. Without this look-back, an event
 * sent as soon as an earlier step reported "waiting for approval" would be lost in the few
 * milliseconds before the SDK reports the wait itself.
 */
async function findEarlierEvent(tx: Tx, run: LoadedExecutorRun, wait: { event: string; if: string | null }): Promise<unknown> {
  const lastPause = await tx.executorStep.aggregate({
    where: { runId: run.id, op: { in: pauseOps }, status: { in: ["COMPLETED", "FAILED"] } },
    _max: { completedAt: true },
  });
  const since = lastPause._max.completedAt ?? run.createdAt;
  const candidates = await tx.executorEvent.findMany({
    where: { name: wait.event, receivedAt: { gte: since } },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { payload: true },
    take: 500,
  });
  const match = candidates.find((candidate) => !wait.if || matchesExpression(wait.if, { event: run.event, async: candidate.payload }));
  return match?.payload;
}
