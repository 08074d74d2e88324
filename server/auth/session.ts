import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions } from "./options";

/** The signed-in user for this request (resolved once per request), or null. */
export const getSessionUser = cache(async () => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? "", name: user.name ?? null, image: user.image ?? null };
});

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;
