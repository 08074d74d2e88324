// The REST API's procedures (/api/v1): thin procedures over the same domain functions and the same
// authorization builders as the dashboard's tRPC routers, each with its `meta.openapi` route and an
// output schema from its domain's schemas.ts. They live in a router of their own because a REST
// resource has another shape than the dashboard's calls (pages with cursors, 201s, path ids), and
// output schemas here must not narrow the dashboard's inferred types.
import { createCallerFactory, createTRPCRouter } from "../trpc";
import { restProjectsRouter } from "./routers/projects";
import { restRunsRouter } from "./routers/runs";
import { restTokensRouter } from "./routers/tokens";
import { restVersionsRouter } from "./routers/versions";
import { restWorkspacesRouter } from "./routers/workspaces";

export const restRouter = createTRPCRouter({
  workspaces: restWorkspacesRouter,
  projects: restProjectsRouter,
  runs: restRunsRouter,
  versions: restVersionsRouter,
  tokens: restTokensRouter,
});

export type RestRouter = typeof restRouter;
export const createRestCaller = createCallerFactory(restRouter);
