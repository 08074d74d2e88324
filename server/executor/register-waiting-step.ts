// Registering a step that waits: a sleep, a waitForEvent, or an invoke (which starts the
// invoked run in the same transaction).
import { z } from "zod";
import { createId } from "./create-id";
import { insertRun, runSpecFor } from "./create-run";
import type { OutgoingOp, SerializedError } from "./execution-protocol";
import { resolveWakeTime } from "./parse-duration";
import { lockOwnedRun, stepName, type LoadedRun, type RunContext, type StepRef } from "./run-context";
import type { ExecutorRunEvent } from "./run-events";
import { farFuture } from "./run-status";
import { storeStepResult } from "./store-step-result";
import { toJsonInput } from "./to-json-input";
import { withTransaction } from "./with-transaction";

const ZWaitOpts = z.object({ timeout: z.string(), if: z.string().nullish() }).loose();
const ZInvokeOpts = z
  .object({
    function_id: z.string(),
    payload: z.object({ data: z.record(z.string(), z.unknown()).nullish() }).loose().nullish(),
    timeout: z.string().nullish(),
  })
  .loose();

/** Registers a sleep, waitForEvent or invoke (and starts the invoked run). */
export async function registerWaitingStep(ctx: RunContext, run: LoadedRun, op: OutgoingOp): Promise<"registered" | "resolved" | "lost"> {
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
  const isRegistered = await withTransaction(ctx.db, async (tx) => {
    if (!(await lockOwnedRun(tx, ctx, run.id))) return false;
    if (await tx.executorStep.findUnique({ where: { runId_id: { runId: run.id, id: op.id } }, select: { id: true } })) return true;
    let invokedRunId: string | null = null;
    if (registered.kind === "invoke" && invoked) {
      const event = { id: createId(now.getTime()), name: "inngest/function.invoked", data: registered.data, ts: now.getTime() };
      const child = await insertRun(tx, { ...runSpecFor(invoked, event, null), parentRunId: run.id, parentStepId: op.id }, now);
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
    const ref = { runId: run.id, functionId: run.functionId, at: now, stepId: op.id, name, op: op.op };
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
    return true;
  });
  if (!isRegistered) return "lost";
  ctx.emit(events);
  if (registered.kind === "invoke") ctx.wake();
  return "registered";
}
