// The object types: the platform's data as a graph (viewer → workspaces → projects → runs →
// events / agent tasks → versions → deployments). Nested lists are relations that the Prisma
// plugin folds into the root field's query. Only root fields authorize (server/api/graphql/schema.ts):
// everything below a root is inside the workspace the caller was allowed into.
import { getPreviewOrigins } from "../../deployments/preview-config";
import { previewUrl } from "../../deployments/preview-origin";
import { deployTargets, parseDeployTarget } from "../../events/deploy-targets";
import { builder } from "./builder";

/** Clamps a list argument: lists are bounded whatever the client asks for. */
export function take(value: number | null | undefined, fallback: number, max: number): number {
  return Math.min(Math.max(1, value ?? fallback), max);
}

/** Where a deployment went (server/events/deploy-targets.ts). */
export const DeployTargetEnum = builder.enumType("DeployTarget", { values: deployTargets });

export const WorkspaceRoleEnum = builder.enumType("WorkspaceRole", { values: ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const });

builder.prismaObject("Workspace", {
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    isPersonal: t.exposeBoolean("isPersonal"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    /** The caller's role here (the viewer's membership). */
    viewerRole: t.field({
      type: WorkspaceRoleEnum,
      select: (_args, ctx) => ({ memberships: { where: { userId: ctx.context.user?.id ?? "" }, select: { role: true }, take: 1 } }),
      resolve: (workspace) => workspace.memberships[0]?.role ?? "VIEWER",
    }),
    /** Who is in the workspace and with which role, oldest member first. */
    members: t.relation("memberships", { query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
    projects: t.relation("projects", {
      args: { first: t.arg.int({ defaultValue: 20, description: "How many to return (at most 50)." }), includeArchived: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({
        where: args.includeArchived ? {} : { archivedAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: take(args.first, 20, 50),
      }),
    }),
  }),
});

builder.prismaObject("Membership", {
  name: "Member",
  fields: (t) => ({
    userId: t.exposeID("userId"),
    role: t.field({ type: WorkspaceRoleEnum, resolve: (membership) => membership.role }),
    joinedAt: t.expose("createdAt", { type: "DateTime" }),
    name: t.string({ nullable: true, select: { user: { select: { name: true } } }, resolve: (membership) => membership.user.name }),
    email: t.string({ select: { user: { select: { email: true } } }, resolve: (membership) => membership.user.email }),
  }),
});

builder.prismaObject("WorkspaceInvitation", {
  name: "Invitation",
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    role: t.field({ type: WorkspaceRoleEnum, resolve: (invitation) => invitation.role }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("Project", {
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    originalPrompt: t.exposeString("originalPrompt"),
    status: t.exposeString("status"),
    requiresPlanApproval: t.exposeBoolean("requiresPlanApproval"),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    /** Where the live preview is served (computed from the project's key, like the dashboard's). */
    previewUrl: t.string({
      nullable: true,
      select: { previewKey: true, liveVersionId: true },
      resolve: (project) => (project.previewKey && project.liveVersionId ? previewUrl(getPreviewOrigins(), project.previewKey) : null),
    }),
    liveVersion: t.relation("liveVersion", { nullable: true }),
    runs: t.relation("runs", {
      args: { first: t.arg.int({ defaultValue: 20, description: "How many to return (at most 100)." }) },
      query: (args) => ({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: take(args.first, 20, 100) }),
    }),
    versions: t.relation("versions", {
      args: { first: t.arg.int({ defaultValue: 20, description: "How many to return (at most 100)." }) },
      query: (args) => ({ orderBy: { number: "desc" }, take: take(args.first, 20, 100) }),
    }),
    deployments: t.relation("deployments", {
      args: { first: t.arg.int({ defaultValue: 20, description: "How many to return (at most 50)." }) },
      query: (args) => ({ orderBy: { initiatedAt: "desc" }, take: take(args.first, 20, 50) }),
    }),
  }),
});

const RequirementTally = builder.objectRef<{ total: number; passed: number; failed: number; unsupported: number; unverified: number }>("RequirementTally");
RequirementTally.implement({
  fields: (t) => ({
    total: t.exposeInt("total"),
    passed: t.exposeInt("passed"),
    failed: t.exposeInt("failed"),
    unsupported: t.exposeInt("unsupported"),
    unverified: t.exposeInt("unverified"),
  }),
});

builder.prismaObject("Run", {
  fields: (t) => ({
    id: t.exposeID("id"),
    prompt: t.exposeString("prompt"),
    status: t.exposeString("status"),
    error: t.exposeString("error", { nullable: true }),
    plan: t.expose("plan", { type: "JSON", nullable: true }),
    lastSeq: t.exposeInt("lastSeq"),
    attempts: t.exposeInt("attempts"),
    tokensIn: t.exposeInt("tokensIn"),
    tokensOut: t.exposeInt("tokensOut"),
    costUsd: t.exposeFloat("costUsd"),
    queuedAt: t.expose("queuedAt", { type: "DateTime" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    requirements: t.field({
      type: RequirementTally,
      select: { requirementsTotal: true, requirementsPassed: true, requirementsFailed: true, requirementsUnsupported: true, requirementsUnverified: true },
      resolve: (run) => ({
        total: run.requirementsTotal,
        passed: run.requirementsPassed,
        failed: run.requirementsFailed,
        unsupported: run.requirementsUnsupported,
        unverified: run.requirementsUnverified,
      }),
    }),
    project: t.relation("project"),
    events: t.relation("events", {
      args: { after: t.arg.int({ defaultValue: 0, description: "Only events with a greater seq." }), first: t.arg.int({ defaultValue: 100, description: "How many to return (at most 500)." }) },
      query: (args) => ({ where: { seq: { gt: args.after ?? 0 } }, orderBy: { seq: "asc" }, take: take(args.first, 100, 500) }),
    }),
    agentTasks: t.relation("agentTasks", { query: { orderBy: { createdAt: "asc" }, take: 200 } }),
    versions: t.relation("versions", { query: { orderBy: { number: "asc" }, take: 100 } }),
    deployments: t.relation("deployments", { query: { orderBy: { initiatedAt: "desc" }, take: 50 } }),
  }),
});

builder.prismaObject("RunEvent", {
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    type: t.exposeString("type"),
    payload: t.expose("payload", { type: "JSON" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("AgentTask", {
  fields: (t) => ({
    id: t.exposeID("id"),
    agentName: t.exposeString("agentName"),
    taskType: t.exposeString("taskType"),
    status: t.exposeString("status"),
    error: t.exposeString("error", { nullable: true }),
    attempt: t.exposeInt("attempt"),
    round: t.exposeInt("round", { nullable: true }),
    tokensIn: t.exposeInt("tokensIn"),
    tokensOut: t.exposeInt("tokensOut"),
    costUsd: t.exposeFloat("costUsd"),
    provider: t.exposeString("provider", { nullable: true }),
    model: t.exposeString("model", { nullable: true }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("ProjectVersion", {
  name: "Version",
  fields: (t) => ({
    id: t.exposeID("id"),
    number: t.exposeInt("number"),
    summary: t.exposeString("summary", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    fileCount: t.relationCount("files"),
    run: t.relation("run", { nullable: true }),
    deployments: t.relation("deployments", { query: { orderBy: { initiatedAt: "desc" }, take: 50 } }),
  }),
});

builder.prismaObject("Deployment", {
  fields: (t) => ({
    id: t.exposeID("id"),
    platform: t.exposeString("platform"),
    target: t.field({ type: DeployTargetEnum, resolve: (deployment) => parseDeployTarget(deployment.target) }),
    providerDeploymentId: t.exposeString("providerDeploymentId", { nullable: true }),
    status: t.exposeString("status"),
    deploymentUrl: t.exposeString("deploymentUrl", { nullable: true }),
    initiatedAt: t.expose("initiatedAt", { type: "DateTime" }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    version: t.relation("version", { nullable: true }),
  }),
});
