// For Server Components (dashboard layout, admin pages): whether this request's signed-in user is
// a platform admin. Roles come from the database, never from the session token.
import "server-only";
import { cache } from "react";
import { getMigratedDatabase } from "../db";
import { isPlatformAdmin } from "../users/is-platform-admin";
import { getSessionUser } from "./session";

export const isSessionUserAdmin = cache(async (): Promise<boolean> => {
  const user = await getSessionUser();
  if (!user) return false;
  return isPlatformAdmin((await getMigratedDatabase()).prisma, user.id);
});
