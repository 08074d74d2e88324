import type { Db } from "../db";

/**
 * Whether the user holds the platform ADMIN role, read from the database on every call: roles
 * are not in the session token, so revoking one takes effect at once.
 */
export async function isPlatformAdmin(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { roles: true } });
  return user?.roles.includes("ADMIN") ?? false;
}
