/**
 * tRPC setup, in three sections: the context every call gets, the initialisation
 * (serialisation and error shape), and the procedure builders that carry authorization.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "../db";
import { sendWithInngest, type SendEvent } from "../pipeline/send-event";
import { AppError } from "../errors";
import { resolveApiToken } from "../users/api-tokens";
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

/** Resolves the caller from a `Bearer` API token first, then the session cookie. */
export async function createTRPCContext({ db, headers, getSessionUser, sendEvent = sendWithInngest }: CreateContextOptions) {
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const user = bearer ? await resolveApiToken(db, bearer) : ((await getSessionUser?.()) ?? null);
  return { db, headers, sendEvent, user, authMethod: bearer ? ("token" as const) : user ? ("session" as const) : null };
}

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

// ─── 2. Initialisation ───────────────────────────────────────────────────────

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    return { ...shape, data: { ...shape.data, zodError, stack: undefined } };
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

export const publicProcedure = t.procedure.use(translateErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Platform administration (e.g. the executor's runs): the caller must hold the ADMIN platform role. */
export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
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
    const membership = await requireMembership(ctx.db, ctx.user.id, input.workspaceId, minimumRole);
    return next({ ctx: { ...ctx, membership } });
  });
}

async function requireProjectRole(db: Db, userId: string, projectId: string | null | undefined, minimumRole: TWorkspaceRole, what: string) {
  const project = projectId ? await db.project.findUnique({ where: { id: projectId }, select: { workspaceId: true } }) : null;
  // Missing, or in a workspace the caller is not in: the same answer, so ids reveal nothing.
  const membership = project
    ? await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: project.workspaceId, userId } }, select: { role: true, workspaceId: true } })
    : null;
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
  if (!hasRoleAtLeast(membership.role, minimumRole)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${minimumRole.toLowerCase()} role or higher in this workspace` });
  }
  return { ...membership, projectId: projectId! };
}

/** Procedures on a project: input carries `projectId`; the caller must hold `minimumRole` in its workspace. */
export function projectProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ projectId: ZId })).use(async ({ ctx, input, next }) => {
    const membership = await requireProjectRole(ctx.db, ctx.user.id, input.projectId, minimumRole, "Project");
    return next({ ctx: { ...ctx, membership } });
  });
}

/** Procedures on a run: input carries `runId`; checked against the run's project's workspace. */
export function runProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ runId: ZId })).use(async ({ ctx, input, next }) => {
    const run = await ctx.db.run.findUnique({ where: { id: input.runId }, select: { projectId: true } });
    const membership = await requireProjectRole(ctx.db, ctx.user.id, run?.projectId, minimumRole, "Run");
    return next({ ctx: { ...ctx, membership } });
  });
}

/** Procedures on a version: input carries `versionId`; checked against its project's workspace. */
export function versionProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ versionId: ZId })).use(async ({ ctx, input, next }) => {
    const version = await ctx.db.projectVersion.findUnique({ where: { id: input.versionId }, select: { projectId: true } });
    const membership = await requireProjectRole(ctx.db, ctx.user.id, version?.projectId, minimumRole, "Version");
    return next({ ctx: { ...ctx, membership } });
  });
}
