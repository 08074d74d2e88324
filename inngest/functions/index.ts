// Every Inngest function the app serves (app/api/inngest/route.ts).
//
// This list lives here rather than in inngest/index.ts on purpose: with tsconfig's
// `"baseUrl": "."`, an inngest/index.ts would shadow the npm package "inngest" for every
// `import … from "inngest"` (tsc, tsx and Next resolve baseUrl before node_modules).
import { demoHello } from "./demo-hello";
import { demoPipeline } from "./demo-pipeline";
import { runPipeline } from "./run-pipeline";

export const functions = [runPipeline, demoHello, demoPipeline];
