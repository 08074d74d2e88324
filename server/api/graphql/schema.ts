// The GraphQL schema's root fields. Each one authorizes and acts through the tRPC procedures
// (ctx.api, server/api/request-api-caller.ts): the same membership, role and token-scope checks,
// and the same domain functions, as the dashboard. A root field then loads its object graph with
// one Prisma query (the plugin's `query`), inside what the procedure allowed.
import { TRPCError } from "@trpc/server";
import type { RunEventMessage } from "../../events/run-events";
import { isApiTokenActive } from "../../users/api-tokens";
import { builder, type GraphQLContext } from "./builder";
import { followRunEvents } from "./follow-run-events";
import { WorkspaceRoleEnum } from "./types";

function requireUser(ctx: GraphQLContext) {
  const user = ctx.context.user;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send an API token" });
  return user;
}

const InvitationLink = builder.objectRef<{ invitationId: string; path: string }>("InvitationLink");
InvitationLink.implement({
  fields: (t) => ({
    invitationId: t.exposeID("invitationId"),
    /** Sign in, then the invitation page: send this to the invitee (relative to the platform's URL). */
    path: t.exposeString("path"),
  }),
});

const Viewer = builder.objectRef<{ id: string; email: string; name: string | null }>("Viewer");
Viewer.implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    name: t.exposeString("name", { nullable: true }),
    /** The workspaces the caller is a member of (a token: its own workspace only). */
    workspaces: t.prismaField({
      type: ["Workspace"],
      resolve: async (query, _viewer, _args, ctx) => {
        const allowed = await ctx.api.workspace.list();
        const ids = allowed.map((workspace) => workspace.id);
        const rows = await ctx.context.db.workspace.findMany({ ...query, where: { id: { in: ids } } });
        return ids.map((id) => rows.find((row) => row.id === id)).filter((row) => row !== undefined);
      },
    }),
  }),
});

const RunEventMessageRef = builder.objectRef<RunEventMessage>("RunEventMessage");
RunEventMessageRef.implement({
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    type: t.exposeString("type"),
    payload: t.field({ type: "JSON", resolve: (event) => event.payload }),
    createdAt: t.exposeString("createdAt"),
  }),
});

builder.queryType({
  fields: (t) => ({
    viewer: t.field({
      type: Viewer,
      resolve: (_root, _args, ctx) => {
        const user = requireUser(ctx);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    workspace: t.prismaField({
      type: "Workspace",
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _root, args, ctx) => {
        await ctx.api.workspace.get({ workspaceId: String(args.id) });
        return ctx.context.db.workspace.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
      },
    }),
    project: t.prismaField({
      type: "Project",
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _root, args, ctx) => {
        await ctx.api.project.get({ projectId: String(args.id) });
        return ctx.context.db.project.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
      },
    }),
    run: t.prismaField({
      type: "Run",
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _root, args, ctx) => {
        await ctx.api.run.get({ runId: String(args.id) });
        return ctx.context.db.run.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
      },
    }),
  }),
});

builder.mutationType({
  fields: (t) => {
    /** Returns the run a procedure started or changed, loaded with the selection the client asked for. */
    const runResult = async (query: object, ctx: GraphQLContext, runId: string) =>
      ctx.context.db.run.findUniqueOrThrow({ ...query, where: { id: runId } });
    return {
      createProject: t.prismaField({
        type: "Run",
        description: "Creates a project from a prompt and starts its first run (the run's `project` is the new project).",
        args: {
          workspaceId: t.arg.id({ required: true }),
          prompt: t.arg.string({ required: true }),
          name: t.arg.string(),
          requiresPlanApproval: t.arg.boolean(),
        },
        resolve: async (query, _root, args, ctx) => {
          const { run } = await ctx.api.project.create({
            workspaceId: String(args.workspaceId),
            prompt: args.prompt,
            name: args.name ?? undefined,
            requiresPlanApproval: args.requiresPlanApproval ?? undefined,
          });
          return runResult(query, ctx, run.id);
        },
      }),
      followUp: t.prismaField({
        type: "Run",
        description: "Asks for a change to a project: starts a follow-up run.",
        args: { projectId: t.arg.id({ required: true }), prompt: t.arg.string({ required: true }) },
        resolve: async (query, _root, args, ctx) => {
          const run = await ctx.api.project.followUp({ projectId: String(args.projectId), prompt: args.prompt });
          return runResult(query, ctx, run.id);
        },
      }),
      approvePlan: t.prismaField({
        type: "Run",
        args: { runId: t.arg.id({ required: true }), feedback: t.arg.string() },
        resolve: async (query, _root, args, ctx) => {
          await ctx.api.run.reviewPlan({ runId: String(args.runId), isApproved: true, feedback: args.feedback ?? undefined });
          return runResult(query, ctx, String(args.runId));
        },
      }),
      editPlan: t.prismaField({
        type: "Run",
        description: "Replaces the generated plan with an edited one and approves it.",
        args: { runId: t.arg.id({ required: true }), plan: t.arg({ type: "JSON", required: true }), feedback: t.arg.string() },
        resolve: async (query, _root, args, ctx) => {
          await ctx.api.run.reviewPlan({
            runId: String(args.runId),
            isApproved: true,
            feedback: args.feedback ?? undefined,
            // Validated by the procedure's own plan schema, like the dashboard's editor.
            plan: args.plan as never,
          });
          return runResult(query, ctx, String(args.runId));
        },
      }),
      rejectPlan: t.prismaField({
        type: "Run",
        args: { runId: t.arg.id({ required: true }), feedback: t.arg.string() },
        resolve: async (query, _root, args, ctx) => {
          await ctx.api.run.reviewPlan({ runId: String(args.runId), isApproved: false, feedback: args.feedback ?? undefined });
          return runResult(query, ctx, String(args.runId));
        },
      }),
      cancelRun: t.prismaField({
        type: "Run",
        args: { runId: t.arg.id({ required: true }) },
        resolve: async (query, _root, args, ctx) => {
          await ctx.api.run.cancel({ runId: String(args.runId) });
          return runResult(query, ctx, String(args.runId));
        },
      }),
      retryRun: t.prismaField({
        type: "Run",
        description: "Starts the same prompt again as a new run (returned).",
        args: { runId: t.arg.id({ required: true }) },
        resolve: async (query, _root, args, ctx) => {
          const run = await ctx.api.run.retry({ runId: String(args.runId) });
          return runResult(query, ctx, run.id);
        },
      }),
      inviteMember: t.field({
        type: InvitationLink,
        description: "Invites someone to a team workspace (admins; an admin-scope token). The link to send them is shown once.",
        args: { workspaceId: t.arg.id({ required: true }), email: t.arg.string({ required: true }), role: t.arg({ type: WorkspaceRoleEnum }) },
        resolve: async (_root, args, ctx) => {
          const { invitation, path } = await ctx.api.workspace.invite({ workspaceId: String(args.workspaceId), email: args.email, role: args.role ?? undefined });
          return { invitationId: invitation.id, path };
        },
      }),
      revokeInvitation: t.id({
        description: "Withdraws an invitation; its link stops working. Returns the invitation's id.",
        args: { workspaceId: t.arg.id({ required: true }), invitationId: t.arg.id({ required: true }) },
        resolve: async (_root, args, ctx) =>
          (await ctx.api.workspace.revokeInvitation({ workspaceId: String(args.workspaceId), invitationId: String(args.invitationId) })).id,
      }),
      changeMemberRole: t.prismaField({
        type: "Membership",
        description: "Changes a member's role (only an owner grants or takes away the owner role).",
        args: { workspaceId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }), role: t.arg({ type: WorkspaceRoleEnum, required: true }) },
        resolve: async (query, _root, args, ctx) => {
          const workspaceId = String(args.workspaceId);
          const { userId } = await ctx.api.workspace.changeRole({ workspaceId, userId: String(args.userId), role: args.role });
          return ctx.context.db.membership.findUniqueOrThrow({ ...query, where: { workspaceId_userId: { workspaceId, userId } } });
        },
      }),
      removeMember: t.id({
        description: "Removes a member (removing yourself is leaving; the only owner cannot). Returns the removed user's id.",
        args: { workspaceId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
        resolve: async (_root, args, ctx) => (await ctx.api.workspace.removeMember({ workspaceId: String(args.workspaceId), userId: String(args.userId) })).userId,
      }),
      rollback: t.prismaField({
        type: "Deployment",
        description: "Points the project's live preview at an earlier ready version.",
        args: { projectId: t.arg.id({ required: true }), versionId: t.arg.id({ required: true }) },
        resolve: async (query, _root, args, ctx) => {
          const deployment = await ctx.api.deployment.rollback({ projectId: String(args.projectId), versionId: String(args.versionId) });
          return ctx.context.db.deployment.findUniqueOrThrow({ ...query, where: { id: deployment.id } });
        },
      }),
    };
  },
});

builder.subscriptionType({
  fields: (t) => ({
    runEvents: t.field({
      type: RunEventMessageRef,
      description: "A run's events after `after` (a seq), then live ones until the run finishes.",
      args: { runId: t.arg.id({ required: true }), after: t.arg.int({ defaultValue: 0 }) },
      subscribe: async (_root, args, ctx) => {
        // The run procedure's check: someone else's run is "not found".
        await ctx.api.run.get({ runId: String(args.runId) });
        const token = ctx.context.apiToken;
        return followRunEvents(ctx.hub.source(String(args.runId)), Math.max(0, args.after ?? 0), {
          signal: ctx.signal,
          isTokenActive: token ? () => isApiTokenActive(ctx.context.db, token.id) : undefined,
        });
      },
      resolve: (event) => event,
    }),
  }),
});

export const graphqlSchema = builder.toSchema();
