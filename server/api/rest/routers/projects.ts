import { z } from "zod";
import { getProjectPreviewLocation, listProjectDeployments } from "../../../deployments/list-deployments";
import { rollbackToVersion } from "../../../deployments/deploy-preview";
import { getPreviewOrigins } from "../../../deployments/preview-config";
import { rollbackTarget } from "../../../deployments/deploy-to-target";
import { toDeploymentView, ZDeploymentView, ZDeploymentWithVersion, ZPreviewLocation } from "../../../deployments/schemas";
import { ZExternalDeployTarget } from "../../../events/deploy-targets";
import { getConnectionOptions } from "../../../integrations/app-options";
import { getProject } from "../../../projects/get-project";
import { listProjects } from "../../../projects/list-projects";
import { ZCreateProjectInput, ZProjectDetail, ZProjectSummary } from "../../../projects/schemas";
import { listProjectRuns } from "../../../runs/manage-runs";
import { ZFollowUpInput, ZNewProjectRun, ZRunSummary, ZRunView } from "../../../runs/schemas";
import { startPipelineRun } from "../../../runs/start-pipeline-run";
import { ZId } from "../../../validation/common";
import { listProjectVersions } from "../../../versions/list-versions";
import { ZVersionSummary } from "../../../versions/schemas";
import { createTRPCRouter, projectProcedure, workspaceProcedure } from "../../trpc";
import { cursorId, encodeCursor, pageParams, toPage, ZPage } from "../pagination";
import { ZQueryBoolean } from "../query-params";

const tags = ["Projects"];
const idempotent = "Send an `Idempotency-Key` header to make retries safe: the same key and body get the first answer again.";

export const restProjectsRouter = createTRPCRouter({
  list: workspaceProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/workspaces/{workspaceId}/projects", tags, summary: "The workspace's projects, newest first" } })
    .input(z.object({ ...pageParams, includeArchived: ZQueryBoolean.default(false) }))
    .output(ZPage(ZProjectSummary, "ProjectPage"))
    .query(async ({ ctx, input }) => {
      const list = `projects:${input.workspaceId}:${input.includeArchived}`;
      const afterId = cursorId(input.cursor, list);
      const page = await listProjects(ctx.db, { workspaceId: input.workspaceId, includeArchived: input.includeArchived, limit: input.limit, cursor: afterId });
      return { items: page.items, nextCursor: page.nextCursor ? encodeCursor({ list, id: page.nextCursor }) : null };
    }),

  create: workspaceProcedure("MEMBER")
    .meta({
      openapi: {
        method: "POST",
        path: "/workspaces/{workspaceId}/projects",
        tags,
        summary: "Create a project from a prompt (starts its first run)",
        description: idempotent,
        successDescription: "Created: the project and its first run",
      },
    })
    .input(ZCreateProjectInput.omit({ workspaceId: true }))
    .output(ZNewProjectRun)
    .mutation(({ ctx, input }) =>
      startPipelineRun(ctx.db, ctx.sendEvent, { kind: "new-project", userId: ctx.user.id, project: input }),
    ),

  get: projectProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/projects/{projectId}", tags, summary: "A project with its latest runs" } })
    .input(z.object({}))
    .output(ZProjectDetail)
    .query(({ ctx, input }) => getProject(ctx.db, input.projectId)),

  followUp: projectProcedure("MEMBER")
    .meta({
      openapi: {
        method: "POST",
        path: "/projects/{projectId}/follow-ups",
        tags,
        summary: "Ask for a change: a new run that builds the next version",
        description: idempotent,
        successDescription: "Created: the follow-up run",
      },
    })
    .input(ZFollowUpInput.omit({ projectId: true }))
    .output(ZRunView)
    .mutation(async ({ ctx, input }) => {
      const { run } = await startPipelineRun(ctx.db, ctx.sendEvent, { kind: "follow-up", userId: ctx.user.id, projectId: input.projectId, prompt: input.prompt });
      return run;
    }),

  runs: projectProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/projects/{projectId}/runs", tags: ["Runs"], summary: "The project's runs, newest first" } })
    .input(z.object(pageParams))
    .output(ZPage(ZRunSummary, "RunPage"))
    .query(async ({ ctx, input }) => {
      const list = `runs:${input.projectId}`;
      const rows = await listProjectRuns(ctx.db, input.projectId, input.limit + 1, cursorId(input.cursor, list));
      return toPage(rows, input.limit, list);
    }),

  versions: projectProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/projects/{projectId}/versions", tags: ["Versions"], summary: "The project's versions, newest first" } })
    .input(z.object(pageParams))
    .output(ZPage(ZVersionSummary, "VersionPage"))
    .query(async ({ ctx, input }) => {
      const list = `versions:${input.projectId}`;
      const rows = await listProjectVersions(ctx.db, input.projectId, { take: input.limit + 1, afterId: cursorId(input.cursor, list) });
      return toPage(rows, input.limit, list);
    }),

  deployments: projectProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/projects/{projectId}/deployments", tags: ["Deployments"], summary: "The project's deployments, newest first" } })
    .input(z.object(pageParams))
    .output(ZPage(ZDeploymentWithVersion, "DeploymentPage"))
    .query(async ({ ctx, input }) => {
      const list = `deployments:${input.projectId}`;
      const rows = await listProjectDeployments(ctx.db, input.projectId, { take: input.limit + 1, afterId: cursorId(input.cursor, list) });
      return toPage(rows.map(toDeploymentView), input.limit, list);
    }),

  preview: projectProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/projects/{projectId}/preview", tags: ["Deployments"], summary: "Where the project's live preview is served" } })
    .input(z.object({}))
    .output(ZPreviewLocation)
    .query(({ ctx, input }) => getProjectPreviewLocation(ctx.db, input.projectId, getPreviewOrigins())),

  rollback: projectProcedure("MEMBER")
    .meta({
      openapi: { method: "POST", path: "/projects/{projectId}/rollback", tags: ["Deployments"], summary: "Point the live preview at an earlier ready version" },
    })
    .input(z.object({ versionId: ZId }))
    .output(ZDeploymentView)
    .mutation(async ({ ctx, input }) => toDeploymentView(await rollbackToVersion(ctx.db, { projectId: input.projectId, versionId: input.versionId, previewOrigins: getPreviewOrigins() }))),

  rollbackTarget: projectProcedure("MEMBER")
    .meta({
      openapi: {
        method: "POST",
        path: "/projects/{projectId}/targets/{target}/rollback",
        tags: ["Deployments"],
        summary: "Put an earlier version live again on one external target",
        description: "Vercel re-points the production alias at the version's deployment; Cloudflare and S3 deploy its files again. The version must have gone live on that target before. Answers the new deployment (FAILED with the provider's message if it did not go through).",
      },
    })
    .input(z.object({ target: ZExternalDeployTarget, versionId: ZId }))
    .output(ZDeploymentView)
    .mutation(async ({ ctx, input }) => toDeploymentView(await rollbackTarget(ctx.db, { projectId: input.projectId, versionId: input.versionId, target: input.target }, { access: getConnectionOptions }))),
});
