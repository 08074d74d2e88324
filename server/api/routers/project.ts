import { ZFollowUpInput } from "../../runs/schemas";
import { startPipelineRun } from "../../runs/start-pipeline-run";
import { getProject } from "../../projects/get-project";
import { listProjects } from "../../projects/list-projects";
import { ZCreateProjectInput, ZListProjectsInput, ZProjectIdInput, ZRenameProjectInput } from "../../projects/schemas";
import { archiveProject, renameProject, unarchiveProject } from "../../projects/update-project";
import { createTRPCRouter, projectProcedure, workspaceProcedure } from "../trpc";

export const projectRouter = createTRPCRouter({
  create: workspaceProcedure("MEMBER")
    .input(ZCreateProjectInput)
    .mutation(({ ctx, input }) => startPipelineRun(ctx.db, ctx.sendEvent, { kind: "new-project", userId: ctx.user.id, project: input })),

  followUp: projectProcedure("MEMBER")
    .input(ZFollowUpInput)
    .mutation(async ({ ctx, input }) => {
      const { run } = await startPipelineRun(ctx.db, ctx.sendEvent, { kind: "follow-up", userId: ctx.user.id, ...input });
      return run;
    }),

  list: workspaceProcedure("VIEWER")
    .input(ZListProjectsInput)
    .query(({ ctx, input }) => listProjects(ctx.db, input)),

  get: projectProcedure("VIEWER")
    .input(ZProjectIdInput)
    .query(({ ctx, input }) => getProject(ctx.db, input.projectId)),

  rename: projectProcedure("MEMBER")
    .input(ZRenameProjectInput)
    .mutation(({ ctx, input }) => renameProject(ctx.db, input)),

  archive: projectProcedure("MEMBER")
    .input(ZProjectIdInput)
    .mutation(({ ctx, input }) => archiveProject(ctx.db, input)),

  unarchive: projectProcedure("MEMBER")
    .input(ZProjectIdInput)
    .mutation(({ ctx, input }) => unarchiveProject(ctx.db, input)),
});
