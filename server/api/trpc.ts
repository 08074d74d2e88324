/**
 * tRPC setup, in three sections: the context every call gets, the initialisation
 * (serialisation and error shape), and the procedure builders that carry authorization.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { resolveApiToken } from "../users/api-tokens";
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
};

/** Resolves the caller from a `Bearer` API token first, then the session cookie. */
export async function createTRPCContext({ db, headers, getSessionUser }: CreateContextOptions) {
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const user = bearer ? await resolveApiToken(db, bearer) : ((await getSessionUser?.()) ?? null);
  return { db, headers, user, authMethod: bearer ? ("token" as const) : user ? ("session" as const) : null };
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

/** Procedures on a project: input carries `projectId`; the caller must hold `minimumRole` in its workspace. */
export function projectProcedure(minimumRole: TWorkspaceRole) {
  return protectedProcedure.input(z.object({ projectId: ZId })).use(async ({ ctx, input, next }) => {
    const project = await ctx.db.project.findUnique({ where: { id: input.projectId }, select: { workspaceId: true } });
    if (!project) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found" });
    const membership = await requireMembership(ctx.db, ctx.user.id, project.workspaceId, "VIEWER").catch(() => {
      throw new TRPCError({ code: "NOT_FOUND", message: "Project not found" });
    });
    if (!hasRoleAtLeast(membership.role, minimumRole)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${minimumRole.toLowerCase()} role or higher in this workspace` });
    }
    return next({ ctx: { ...ctx, membership } });
  });
}
