import type { Db } from "../db";
import { resolveApiToken } from "../users/api-tokens";
import { getSessionUser } from "./session";

/** The caller of a plain route handler: a Bearer API token first, then the session cookie. */
export async function resolveRequestUser(db: Db, request: Request) {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) return resolveApiToken(db, bearer);
  return getSessionUser();
}
