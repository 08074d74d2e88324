import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "../db";
import type { PlatformRole, Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { createWorkspace, personalWorkspaceName } from "../workspaces/create-workspace";
import type { TSignUpInput } from "./schemas";
import { trackProductEvent } from "../observability/product-analytics";

export type SignUpOptions = {
  /**
   * The one-time setup token (SETUP_TOKEN) of a server reachable beyond loopback with open
   * sign-up: the first admin must present it, so a stranger who signs up first is only a user.
   */
  setupToken?: string;
};

/**
 * Registers an email + password user with a personal workspace they own. The first user of a
 * fresh install also becomes a platform admin (roles [USER, ADMIN]), so someone can see the
 * executor's runs without a manual database edit; everyone after is a plain USER. With a setup
 * token configured, the admin is instead the first to sign up with that token (once).
 */
export async function signUpUser(db: Db, input: TSignUpInput, options: SignUpOptions = {}) {
  if (input.setupToken !== undefined && options.setupToken && !isSameSecret(input.setupToken, options.setupToken)) {
    throw new AppError("FORBIDDEN", "That setup token is not the one in the server log.");
  }
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const roles = options.setupToken
        ? await rolesWithSetupToken(tx, input.setupToken !== undefined)
        : await rolesForNewUser(tx);
      const user = await tx.user.create({
        data: { email: input.email, name: input.name ?? null, passwordHash, authProvider: "credentials", roles },
        select: { id: true, email: true, name: true },
      });
      const workspace = await createWorkspace(tx, { name: personalWorkspaceName(user), ownerId: user.id, isPersonal: true });
      return { user, workspace };
    }).then((created) => {
      trackProductEvent({ event: "signed up", distinctId: created.user.id, properties: { method: "credentials" } });
      return created;
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same clear message.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    throw error;
  }
}

/** Arbitrary constant: the advisory lock that serializes "am I the first user?" decisions. */
const FIRST_USER_LOCK = 7_420_313_001;

async function rolesForNewUser(tx: Prisma.TransactionClient): Promise<PlatformRole[]> {
  // Cheap check first: once anyone exists (the normal case) no lock is taken.
  if ((await tx.user.count()) > 0) return ["USER"];
  // Two sign-ups racing on an empty install both saw 0: the lock (held until commit) makes the
  // second wait, and its recount then sees the first one's committed user.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK}::bigint)`;
  return (await tx.user.count()) === 0 ? ["USER", "ADMIN"] : ["USER"];
}

/** With a setup token: ADMIN for the holder of the (already checked) token while no admin exists. */
async function rolesWithSetupToken(tx: Prisma.TransactionClient, hasValidToken: boolean): Promise<PlatformRole[]> {
  if (!hasValidToken) return ["USER"];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK}::bigint)`;
  if ((await countPlatformAdmins(tx)) > 0) throw new AppError("CONFLICT", "This server already has an admin; the setup token was used. Sign up without it.");
  return ["USER", "ADMIN"];
}

/** Raw SQL: Prisma's `has` filter on an enum array fails through the PGlite adapter. */
export async function countPlatformAdmins(db: Db | Prisma.TransactionClient): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS "count" FROM "User" WHERE 'ADMIN' = ANY("roles")`;
  return rows[0]?.count ?? 0;
}

function isSameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
