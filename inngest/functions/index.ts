// Every Inngest function the app serves (app/api/inngest/route.ts).
//
// No inngest/index.ts on purpose: a resolver configured with `"baseUrl": "."` would take the
// folder for the npm package "inngest". (tsconfig sets only `paths`, but keep it safe.)
import { demoHello } from "./demo-hello";
import { demoPipeline } from "./demo-pipeline";
import { runPipeline } from "./run-pipeline";

export const functions = [runPipeline, demoHello, demoPipeline];
