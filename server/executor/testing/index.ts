// The executor's testing entry, for tests, scripts and benches (never the app): Inngest clients
// and serve handlers configured like the app's in embedded mode, a test app of real functions,
// the demo functions, and a polling helper.
export { createEmbeddedTestClient } from "./embedded-test-client";
export { createNextServeHandler } from "./next-serve-handler";
export { createExecutorTestApp, type ExecutorTestApp } from "./executor-test-app";
export {
  createDemoFunctions,
  demoHelloRequested,
  demoPipelineFinished,
  demoPipelineRequested,
  demoPipelineReviewed,
} from "./demo-functions";
export { waitFor } from "./wait-for";
