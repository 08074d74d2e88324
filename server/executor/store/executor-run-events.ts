// What the executor reports about runs, for the app's run log and live views. Every state change
// the executor makes produces one of these after its transaction commits.

import { getLogger } from "../../observability/logger";

const log = getLogger("executor");

type RunRef = { runId: string; functionId: string; at: Date };
type StepRef = RunRef & { stepId: string; name: string; op: string };

export type ExecutorRunEvent =
  | (RunRef & { type: "run.queued"; eventName: string; eventId: string | null; parentRunId: string | null; replayOfRunId: string | null })
  | (RunRef & { type: "run.started" })
  | (RunRef & { type: "run.retrying"; attempt: number; error: unknown; retryAt: Date })
  | (RunRef & { type: "run.completed"; output: unknown })
  | (RunRef & { type: "run.failed"; error: unknown })
  | (RunRef & { type: "run.cancelled"; reason: string })
  | (StepRef & { type: "step.started"; attempt: number; input: unknown })
  | (StepRef & { type: "step.completed"; attempt: number; output: unknown })
  | (StepRef & { type: "step.retrying"; attempt: number; error: unknown; retryAt: Date })
  | (StepRef & { type: "step.failed"; attempt: number; error: unknown })
  | (StepRef & { type: "step.sleeping"; wakeAt: Date })
  | (StepRef & { type: "step.waiting"; event: string; if: string | null; timeoutAt: Date })
  | (StepRef & { type: "step.invoking"; invokedFunctionId: string; invokedRunId: string | null });

export type ExecutorRunEventType = ExecutorRunEvent["type"];

export type ExecutorRunEventListener = (event: ExecutorRunEvent) => void | Promise<void>;

/** Delivers events to listeners; a listener that throws never disturbs the executor. */
export function createExecutorRunEventEmitter(listeners: ExecutorRunEventListener[] = []) {
  const all = new Set(listeners);
  return {
    on(listener: ExecutorRunEventListener): () => void {
      all.add(listener);
      return () => all.delete(listener);
    },
    emit(events: ExecutorRunEvent[]): void {
      for (const event of events) {
        for (const listener of all) {
          try {
            void Promise.resolve(listener(event)).catch((error: unknown) => log.error({ err: error }, "executor run event listener failed"));
          } catch (error) {
            log.error({ err: error }, "executor run event listener failed");
          }
        }
      }
    },
  };
}

export type ExecutorRunEventEmitter = ReturnType<typeof createExecutorRunEventEmitter>;

const globalForEvents = globalThis as unknown as { __epicExecutorRunEvents?: ExecutorRunEventEmitter };

/**
 * Every run event of every executor and query function in this process (the worker loop,
 * cancelExecutorRun, replayExecutorRun). Subscribe once at start-up to mirror runs into the product's run log.
 */
export const processExecutorRunEvents: ExecutorRunEventEmitter = (globalForEvents.__epicExecutorRunEvents ??= createExecutorRunEventEmitter());

export function onExecutorRunEvent(listener: ExecutorRunEventListener): () => void {
  return processExecutorRunEvents.on(listener);
}
