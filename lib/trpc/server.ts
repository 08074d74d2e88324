// Server Components call procedures directly (no HTTP hop) with the same context and checks.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";
import { getSessionUser } from "~/server/auth/session";
import { getMigratedDatabase } from "~/server/db";

export const getServerApi = cache(async () => {
  const context = await createTRPCContext({
    db: (await getMigratedDatabase()).prisma,
    headers: new Headers(await headers()),
    getSessionUser,
  });
  return createCaller(context);
});
