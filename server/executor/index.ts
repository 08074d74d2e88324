// The embedded durable executor: runs our Inngest functions by speaking the SDK's HTTP execution
// protocol to our own serve handler, with all state in the app's database. See README.md.
export { createExecutor, startExecutor, type Executor, type ExecutorOptions, type TickResult } from "./executor";
export { sendEvent, type EventInput, type EventPayload } from "./send-event";
export { listRuns, type ListRunsInput } from "./list-runs";
export { getRun } from "./get-run";
export { cancelRun } from "./cancel-run";
export { replayRun } from "./replay-run";
export { onExecutorRunEvent, type ExecutorRunEvent, type ExecutorRunEventType, type RunEventListener } from "./run-events";
export { httpHandler, type ServeHandler } from "./function-transport";
export { exponentialBackoff, type RetryBackoff } from "./retry-backoff";
export { isEmbeddedExecutorMode, inngestConnectionOptions, embeddedSigningKey } from "./inngest-mode";
