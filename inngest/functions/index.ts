// Every Inngest function the app serves (inngest/serve-handler.ts). The executor's demo functions
// are not here: only tests serve them (server/executor/testing/demo-functions.ts).
//
// No inngest/index.ts on purpose: a resolver configured with `"baseUrl": "."` would take the
// folder for the npm package "inngest". (tsconfig sets only `paths`, but keep it safe.)
import { runPipeline } from "./run-pipeline";

export const functions = [runPipeline];
