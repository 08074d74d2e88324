// API tokens for the CLI and REST API: shown once at creation, stored as a SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";
import { notFound } from "../errors";

const TOKEN_PREFIX = "epic_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(db: Db, input: { userId: string; name: string; expiresInDays?: number }) {
  const secret = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const token = await db.apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      tokenHash: hashApiToken(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
      expiresAt,
    },
    select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
  });
  return { ...token, secret };
}

export function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, lastUsedAt: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeApiToken(db: Db, input: { userId: string; tokenId: string }) {
  const { count } = await db.apiToken.updateMany({
    where: { id: input.tokenId, userId: input.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("API token");
}

/** The token's user, or null for unknown, revoked or expired tokens. */
export async function resolveApiToken(db: Db, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, image: true } } },
  });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= new Date())) return null;
  await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  return record.user;
}
