/**
 * tRPC setup, in three sections: the context every call gets, the initialisation
 * (serialisation and error shape), and the procedure builders that carry authorization.
 */
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "../db";
import { sendWithInngest, type SendEvent } from "../pipeline/send-event";
import { AppError } from "../errors";
import type { ApiTokenScope } from "../db/generated/client";
import { REQUEST_ID_HEADER } from "../http/request-id";
import { addLogContext } from "../observability/logger";
import { withSpan } from "../observability/tracing";
import { hasScopeAtLeast, resolveApiToken, type ApiTokenGrant } from "../users/api-tokens";
import { assertCleanInput } from "../validation/clean-text";
import { isPlatformAdmin } from "../users/is-platform-admin";
import { ZId } from "../validation/common";
import { hasRoleAtLeast } from "../workspaces/roles";
import type { TWorkspaceRole } from "../workspaces/schemas";

// ─── 1. Context ──────────────────────────────────────────────────────────────

export type ContextUser = { id: string; email: string; name: string | null; image: string | null };

export type CreateContextOptions = {
  db: Db;
  headers: Headers;
  /** Resolves the browser session; absent for calls that can only be token-authenticated. */
  getSessionUser?: () => Promise<ContextUser | null>;
  /** Delivers events to the agent functions (Inngest's client unless a test binds its own). */
  sendEvent?: SendEvent;
};

/**
 * Resolves the caller from a `Bearer` API token first, then the session cookie. A token caller
 * carries its grant (scope and workspace), which the procedure builders below enforce.
 */
export async function createTRPCContext({ db, headers, getSessionUser, sendEvent = sendWithInngest }: CreateContextOptions) {
  const requestId = headers.get(REQUEST_ID_HEADER) ?? randomUUID();
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const resolved = bearer ? await resolveApiToken(db, bearer) : null;
  const user: ContextUser | null = bearer ? (resolved?.user ?? null) : ((await getSessionUser?.()) ?? null);
  const apiToken: ApiTokenGrant | null = resolved?.grant ?? null;
  // The request's log lines name the caller from here on (the guard set the request id).
  addLogContext({ requestId, userId: user?.id });
  return { db, headers, requestId, sendEvent, user, apiToken, authMethod: bearer ? ("token" as const) : user ? ("session" as const) : null };
}

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

// ─── 2. Initialisation ───────────────────────────────────────────────────────

// Meta carries the REST mapping (`openapi`: method and path) of the procedures server/api/rest exposes.
const t = initTRPC.context<TRPCContext>().meta<OpenApiMeta>().create({
  transformer: superjson,
  // Clients get typed failures: zod issues, domain errors' messages (and retry-after), and for
  // anything unexpected only a request id; the internal message is logged with that id
  // (app/api/trpc's onError), never sent.
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const retryAfterSeconds = error.cause instanceof AppError ? error.cause.retryAfterSeconds : undefined;
    const requestId = ctx?.requestId;
    const isInternal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: isInternal ? `Internal error. Quote request id ${requestId ?? "?"} when you report it.` : shape.message,
      data: { ...shape.data, zodError, retryAfterSeconds, requestId, stack: undefined },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Domain and database errors become typed tRPC errors instead of 500s. */
const translateErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (isPrismaKnownError(cause, "P2025")) throw new TRPCError({ code: "NOT_FOUND", message: "Not found", cause });
  if (isPrismaKnownError(cause, "P2002")) throw new TRPCError({ code: "CONFLICT", message: "Already exists", cause });
  return result;
});

function isPrismaKnownError(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

// ─── 3. Procedures ───────────────────────────────────────────────────────────

/** Text that would reach the database or a file path must be clean Unicode without NUL (a 400 otherwise). */
const requireCleanInput = t.middleware(async ({ getRawInput, next }) => {
  assertCleanInput(await getRawInput());
  return next();
});

/** A span per procedure call (a no-op unless tracing is on: server/observability/tracing.ts). */
const traceProcedure = t.middleware(({ path, type, next }) => withSpan(`trpc ${path}`, { "rpc.system": "trpc", "rpc.method": path, "epic.trpc_type": type }, () => next()));

export const publicProcedure = t.procedure.use(traceProcedure).use(translateErrors).use(requireCleanInput);

function requireTokenScope(token: ApiTokenGrant | null, needed: ApiTokenScope) {
  if (token && !hasScopeAtLeast(token.scope, needed)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This API token has the ${token.scope.toLowerCase()} scope; this needs ${needed.toLowerCase()}` });
  }
}

/** A token acts in its own workspace only; elsewhere the answer is the same as for a stranger. */
function requireTokenWorkspace(token: ApiTokenGrant | null, workspaceId: string, what: string) {
  if (token && token.workspaceId !== workspaceId) throw new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
}

/** Signed in by session or token. A token needs the read scope for queries and write for mutations. */
export const protectedProcedure = publicProcedure.use(({ ctx, type, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  requireTokenScope(ctx.apiToken, type === "mutation" ? "WRITE" : "READ");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Account-level actions (API tokens, profile, new workspaces, invitations): a browser session only. */
export const sessionProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.apiToken) throw new TRPCError({ code: "FORBIDDEN", message: "API tokens cannot do this; sign in to the dashboard" });
  return next();
});

/**
 * Platform administration (e.g. the executor's runs): the caller must hold the ADMIN platform role.
 * Session only: these span every workspace, and a token is bound to one.
 */
export const adminProcedure = sessionProcedure.use(async ({ ctx, next }) => {
  if (!(await isPlatformAdmin(ctx.db, ctx.user.id))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only platform administrators can do this" });
  }
  return next();
});

async function requireMembership(db: Db, userId: string, workspaceId: string, minimumRole: TWorkspaceRole) {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, workspaceId: true },
  });
  // Not a member: the workspace is not there as far as this caller knows.
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found" });
  if (!hasRoleAtLeast(membership.role, minimumRole)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${minimumRole.toLowerCase()} role or higher in this workspace` });
  }
  return membership;
}

/** Procedures on a workspace: input carries `workspaceId`; the caller must hold `minimumRole` there. */
export function workspaceProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ workspaceId: ZId })).use(async ({ ctx, input, next }) => {
    requireTokenWorkspace(ctx.apiToken, input.workspaceId, "Workspace");
    // The workspace's administration (members, invitations, settings) needs an admin token.
    if (hasRoleAtLeast(minimumRole, "ADMIN")) requireTokenScope(ctx.apiToken, "ADMIN");
    const membership = await requireMembership(ctx.db, ctx.user.id, input.workspaceId, minimumRole);
    addLogContext({ workspaceId: input.workspaceId });
    return next({ ctx: { ...ctx, membership } });
  });
}

async function requireProjectRole(
  db: Db,
  userId: string,
  token: ApiTokenGrant | null,
  projectId: string | null | undefined,
  minimumRole: TWorkspaceRole,
  what: string,
) {
  const project = projectId ? await db.project.findUnique({ where: { id: projectId }, select: { workspaceId: true } }) : null;
  if (project) requireTokenWorkspace(token, project.workspaceId, what);
  // Missing, or in a workspace the caller is not in: the same answer, so ids reveal nothing.
  const membership = project
    ? await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: project.workspaceId, userId } }, select: { role: true, workspaceId: true } })
    : null;
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
  if (!hasRoleAtLeast(membership.role, minimumRole)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${minimumRole.toLowerCase()} role or higher in this workspace` });
  }
  addLogContext({ workspaceId: membership.workspaceId, projectId: projectId! });
  return { ...membership, projectId: projectId! };
}

/** Procedures on a project: input carries `projectId`; the caller must hold `minimumRole` in its workspace. */
export function projectProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ projectId: ZId })).use(async ({ ctx, input, next }) => {
    const membership = await requireProjectRole(ctx.db, ctx.user.id, ctx.apiToken, input.projectId, minimumRole, "Project");
    return next({ ctx: { ...ctx, membership } });
  });
}

/** Procedures on a run: input carries `runId`; checked against the run's project's workspace. */
export function runProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ runId: ZId })).use(async ({ ctx, input, next }) => {
    const run = await ctx.db.run.findUnique({ where: { id: input.runId }, select: { projectId: true } });
    const membership = await requireProjectRole(ctx.db, ctx.user.id, ctx.apiToken, run?.projectId, minimumRole, "Run");
    addLogContext({ runId: input.runId });
    return next({ ctx: { ...ctx, membership } });
  });
}

/** Procedures on a version: input carries `versionId`; checked against its project's workspace. */
export function versionProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ versionId: ZId })).use(async ({ ctx, input, next }) => {
    const version = await ctx.db.projectVersion.findUnique({ where: { id: input.versionId }, select: { projectId: true } });
    const membership = await requireProjectRole(ctx.db, ctx.user.id, ctx.apiToken, version?.projectId, minimumRole, "Version");
    return next({ ctx: { ...ctx, membership } });
  });
}
