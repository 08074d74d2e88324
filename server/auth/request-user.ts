import type { Db } from "../db";
import { resolveApiToken, type ApiTokenGrant } from "../users/api-tokens";
import { getSessionUser } from "./session";

export type RequestCaller = { user: { id: string; email: string; name: string | null; image: string | null }; apiToken: ApiTokenGrant | null };

/**
 * The caller of a plain route handler: a Bearer API token first (with its grant: scope and
 * workspace, which the route must respect), then the session cookie.
 */
export async function resolveRequestCaller(db: Db, request: Request): Promise<RequestCaller | null> {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) {
    const resolved = await resolveApiToken(db, bearer);
    return resolved ? { user: resolved.user, apiToken: resolved.grant } : null;
  }
  const user = await getSessionUser();
  return user ? { user, apiToken: null } : null;
}
