import { analyticsRouter } from "./routers/analytics";
import { deploymentRouter } from "./routers/deployment";
import { executorRouter } from "./routers/executor";
import { operationsRouter } from "./routers/operations";
import { integrationRouter } from "./routers/integration";
import { projectRouter } from "./routers/project";
import { runRouter } from "./routers/run";
import { versionRouter } from "./routers/version";
import { userRouter } from "./routers/user";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  analytics: analyticsRouter,
  deployment: deploymentRouter,
  executor: executorRouter,
  operations: operationsRouter,
  integration: integrationRouter,
  project: projectRouter,
  run: runRouter,
  version: versionRouter,
  user: userRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
