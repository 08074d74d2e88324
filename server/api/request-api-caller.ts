// The tRPC caller behind the GraphQL and MCP endpoints. They do not re-implement a single rule:
// every read's authorization and every mutation goes through the same procedures (and so the same
// builders, token scopes and domain functions) as the dashboard, called in-process.
import type { Db } from "../db";
import type { SendEvent } from "../pipeline/send-event";
import { createCaller } from "./root";
import { createTRPCContext, type ContextUser, type TRPCContext } from "./trpc";

export type ApiCallerDeps = {
  db: Db;
  /** The browser session; only consulted for same-origin requests without a Bearer token. */
  getSessionUser: () => Promise<ContextUser | null>;
  sendEvent?: SendEvent;
};

export type ApiCaller = ReturnType<typeof createCaller>;
export type RequestApiCaller = { context: TRPCContext; api: ApiCaller };

/**
 * The session cookie counts only for same-origin calls: a page on another origin (a generated
 * app's preview included) cannot act as the signed-in user, even where the browser would send
 * the cookie. Bearer tokens are not ambient, so they need no such check.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function createRequestApiCaller(request: Request, deps: ApiCallerDeps): Promise<RequestApiCaller> {
  const useSession = isSameOriginRequest(request);
  const context = await createTRPCContext({
    db: deps.db,
    headers: request.headers,
    getSessionUser: useSession ? deps.getSessionUser : undefined,
    sendEvent: deps.sendEvent,
  });
  return { context, api: createCaller(context) };
}
