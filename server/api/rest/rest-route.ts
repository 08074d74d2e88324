// The REST API as a route handler: guardRoute's rules (URL checks, body limit, request id) in
// front of the REST handler, with guardRoute's own refusals (413, 414, …) rewritten into the API's
// error shape so a client parses one shape whatever refused it.
import { apiErrorResponse } from "../../http/api-error";
import { guardRoute } from "../../http/route-guard";
import { createRestHandler, type RestHandlerOptions } from "./handle-rest-request";

export function createRestRoute(options: RestHandlerOptions) {
  const handle = createRestHandler(options);
  const guarded = guardRoute(async (request) => handle(request));
  return async (request: Request, context?: unknown): Promise<Response> => {
    const response = await guarded(request, context);
    if (response.status < 400 || !(response.headers.get("content-type") ?? "").startsWith("application/json")) return response;
    const body = (await response.clone().json().catch(() => null)) as { error?: unknown; requestId?: string } | null;
    if (!body || typeof body.error !== "string") return response;
    const reshaped = apiErrorResponse(response.status, { message: body.error, requestId: body.requestId ?? response.headers.get("x-request-id") }, response.headers);
    return reshaped;
  };
}
