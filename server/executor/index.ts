// The embedded durable executor: runs Inngest functions by speaking the SDK's HTTP execution
// protocol to a serve handler, with all state in the database. See README.md.
//
// This file is the package's only entry for the app; tests, scripts and benches also have
// `./testing`. Nothing outside imports the folders below (protocol/, store/, worker/, embedded/),
// and nothing in them imports the app: the app passes its serve handler in.

// The worker: a loop for long-lived processes, or a bounded tick.
export { createExecutor, startExecutor, type Executor, type ExecutorOptions, type ExecutorTickResult } from "./worker/executor";
export { exponentialBackoff, type RetryBackoff } from "./worker/retry-backoff";

// The app's one executor per process, and the Inngest client's options that point it there.
export { ensureEmbeddedExecutor, tickEmbeddedExecutor, type EmbeddedExecutorOptions } from "./embedded/embedded-executor";
export { embeddedSigningKey, inngestConnectionOptions, isEmbeddedExecutorMode, type InngestEnv } from "./embedded/inngest-mode";

// Ingestion and the executor's runs: query, cancel, replay, observe.
export { sendExecutorEvent, type ExecutorEventInput, type ExecutorEventPayload } from "./store/send-executor-event";
export { countExecutorRunsByFunction, listExecutorRuns, type ListExecutorRunsInput } from "./store/list-executor-runs";
export { getExecutorRun } from "./store/get-executor-run";
export { cancelExecutorRun } from "./store/cancel-executor-run";
export { replayExecutorRun } from "./store/replay-executor-run";
export { activeExecutorRunStatuses, isActiveExecutorRunStatus } from "./store/executor-run-status";
export {
  onExecutorRunEvent,
  type ExecutorRunEvent,
  type ExecutorRunEventListener,
  type ExecutorRunEventType,
} from "./store/executor-run-events";

// How the executor reaches a serve handler: in-process, or over HTTP.
export { httpServeHandler, type ServeHandler } from "./protocol/serve-transport";
