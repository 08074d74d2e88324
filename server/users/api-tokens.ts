// API tokens for the CLI and REST API: shown once at creation, stored as a SHA-256 hash. Each
// token acts in one workspace, with one scope (READ < WRITE < ADMIN), and expires (90 days by
// default). Only a signed-in session mints, lists or revokes tokens, so a leaked token cannot
// make more of itself: revoking it ends everything it could do.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { ApiTokenScope } from "../db/generated/client";
import { AppError, notFound } from "../errors";

const TOKEN_PREFIX = "epic_";
export const DEFAULT_TOKEN_DAYS = 90;
/** lastUsedAt is a hint for the settings page: written at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const tokenScopeRank: Record<ApiTokenScope, number> = { READ: 0, WRITE: 1, ADMIN: 2 };

export function hasScopeAtLeast(scope: ApiTokenScope, needed: ApiTokenScope): boolean {
  return tokenScopeRank[scope] >= tokenScopeRank[needed];
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const tokenView = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  lastUsedAt: true,
  expiresAt: true,
  createdAt: true,
  workspace: { select: { id: true, name: true } },
} as const;

export async function createApiToken(
  db: Db,
  input: { userId: string; workspaceId: string; name: string; scope: ApiTokenScope; expiresInDays?: number },
) {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
    select: { role: true },
  });
  if (!membership) throw notFound("Workspace");
  if (input.scope === "ADMIN" && membership.role !== "OWNER" && membership.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Only owners and admins of this workspace can create admin tokens for it");
  }
  const secret = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? DEFAULT_TOKEN_DAYS) * 86_400_000);
  const token = await db.apiToken.create({
    data: {
      userId: input.userId,
      workspaceId: input.workspaceId,
      name: input.name,
      scope: input.scope,
      tokenHash: hashApiToken(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
      expiresAt,
    },
    select: tokenView,
  });
  return { ...token, secret };
}

/** The user's tokens that still work (not revoked, not expired), newest first. */
export function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    orderBy: { createdAt: "desc" },
    select: tokenView,
  });
}

/** One token's settings-page view (never its secret), e.g. the token a CLI call is made with. */
export async function getApiToken(db: Db, tokenId: string) {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: tokenView });
  if (!token) throw notFound("API token");
  return token;
}

export async function revokeApiToken(db: Db, input: { userId: string; tokenId: string }) {
  const { count } = await db.apiToken.updateMany({
    where: { id: input.tokenId, userId: input.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("API token");
}

export type ApiTokenGrant = { id: string; scope: ApiTokenScope; workspaceId: string };

/** The token's user and what it may do, or null for unknown, revoked or expired tokens. */
export async function resolveApiToken(db: Db, token: string) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      scope: true,
      workspaceId: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, image: true } },
    },
  });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= new Date())) return null;
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  const grant: ApiTokenGrant = { id: record.id, scope: record.scope, workspaceId: record.workspaceId };
  return { user: record.user, grant };
}

/** Whether a token resolved earlier still works (for long-lived streams it authorised). */
export async function isApiTokenActive(db: Db, tokenId: string): Promise<boolean> {
  const record = await db.apiToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true, expiresAt: true } });
  return !!record && !record.revokedAt && (!record.expiresAt || record.expiresAt > new Date());
}
