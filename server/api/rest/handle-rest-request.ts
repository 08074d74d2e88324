// The REST API's request handling (/api/v1/…): matches a documented route, authenticates (API
// token or session, the same context as tRPC), rate-limits, reads and checks the input (JSON only,
// no unknown fields, path ids), honours Idempotency-Key, calls the procedure through a tRPC caller
// — so the same builders authorize and the same zod schemas validate — and answers in JSON, with
// failures in the API's one error shape.
//
// trpc-to-openapi generates the document (server/api/rest/openapi-document.ts); its own request
// handler is not used because it coerces every body field to its declared type (`"yes"` becomes
// `true`, `123` becomes `"123"`) by mutating the shared zod schemas in place, which would also
// change what the dashboard's procedures accept.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import type { Db } from "../../db";
import { AppError } from "../../errors";
import { apiErrorResponse, issuePath, type ApiErrorIssue } from "../../http/api-error";
import { limitApiRequest, type ApiRateLimitBudgets, type ApiRequestKind } from "../../http/api-rate-limit";
import { REQUEST_ID_HEADER } from "../../http/request-id";
import type { SendEvent } from "../../pipeline/send-event";
import { createTRPCContext, type ContextUser } from "../trpc";
import { IDEMPOTENCY_KEY_HEADER, IdempotencyError, parseIdempotencyKey, withIdempotencyKey } from "./idempotency";
import {
  createdProcedures,
  getOpenApiDocument,
  idempotentProcedures,
  procedurePathOf,
  REST_BASE_PATH,
  runStartingProcedures,
} from "./openapi-document";
import { createRestCaller } from "./router";
import { findUnknownFields, type SchemaComponents } from "./unknown-fields";
import { reportError } from "../../observability/error-reporting";
import { getLogger } from "../../observability/logger";

const log = getLogger("rest");

export type RestHandlerOptions = {
  getDb: () => Promise<Db>;
  getSessionUser?: () => Promise<ContextUser | null>;
  sendEvent?: SendEvent;
  /** Rate-limit budgets (default: from the environment); `false` only for the bench that measures the limiter's cost. */
  rateLimits?: ApiRateLimitBudgets | false;
};

type Route = {
  method: string;
  procedure: string;
  pattern: RegExp;
  paramNames: string[];
  queryNames: Set<string>;
  bodySchema: Record<string, unknown> | null;
};

type Operation = {
  operationId?: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
};

let routes: Route[] | null = null;

function routeTable(): Route[] {
  if (routes) return routes;
  const table: Route[] = [];
  for (const [template, item] of Object.entries(getOpenApiDocument().paths ?? {})) {
    const paramNames: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => (paramNames.push(name), "([^/]+)"))}$`,
    );
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (!operation?.operationId) continue;
      const parameters = operation.parameters ?? [];
      table.push({
        method: method.toUpperCase(),
        procedure: procedurePathOf(operation.operationId),
        pattern,
        paramNames,
        queryNames: new Set(parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name)),
        bodySchema: operation.requestBody?.content?.["application/json"]?.schema ?? null,
      });
    }
  }
  routes = table;
  return table;
}

function badRequest(message: string, issues?: ApiErrorIssue[]): never {
  throw new RestInputError(message, issues);
}

class RestInputError extends Error {
  constructor(
    message: string,
    readonly issues?: ApiErrorIssue[],
    readonly status = 400,
    readonly code = "BAD_REQUEST",
  ) {
    super(message);
  }
}

/** Query parameters as an object of strings; each at most once, each one the route declares. */
function readQuery(url: URL, route: Route): Record<string, string> {
  const query: Record<string, string> = {};
  const issues: ApiErrorIssue[] = [];
  for (const [name, value] of url.searchParams) {
    if (!route.queryNames.has(name)) issues.push({ path: name, message: "Unknown query parameter" });
    else if (name in query) issues.push({ path: name, message: "Given more than once" });
    else query[name] = value;
  }
  if (issues.length) badRequest(`Invalid query: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`, issues);
  return query;
}

async function readJsonBody(request: Request, route: Route): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new RestInputError(`Send the body as JSON (Content-Type: application/json), not ${contentType || "no content type"}`, undefined, 415, "UNSUPPORTED_MEDIA_TYPE");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    badRequest(`Malformed JSON body: ${error instanceof Error ? error.message : "could not parse it"}`);
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) badRequest("The JSON body must be an object");
  const components = (getOpenApiDocument().components?.schemas ?? {}) as SchemaComponents;
  const unknown = route.bodySchema ? findUnknownFields(body, route.bodySchema, components) : Object.keys(body).map((key) => ({ path: key, message: "Unknown field" }));
  if (unknown.length) badRequest(`Unknown field(s): ${unknown.map((issue) => issue.path).join(", ")}`, unknown);
  return body as Record<string, unknown>;
}

/**
 * The session cookie rides along on requests other sites make (a generated app's preview is a
 * sibling subdomain, so even SameSite=Lax sends it): a change made with the session must come from
 * our own origin. Browsers say where a request comes from (Sec-Fetch-Site, Origin); a client that
 * sends neither is not a browser, so not a cross-site forgery. Token callers are never affected.
 */
function isCrossSiteSessionRequest(request: Request): boolean {
  if (/^Bearer\s/i.test(request.headers.get("authorization") ?? "")) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return origin !== new URL(request.url).origin;
}

function kindOf(route: Route): ApiRequestKind {
  if (route.method === "GET") return "read";
  return runStartingProcedures.has(route.procedure) ? "run" : "write";
}

function callProcedure(caller: ReturnType<typeof createRestCaller>, procedure: string, input: unknown): Promise<unknown> {
  const fn = procedure.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(input);
}

/** A thrown failure as the API's error answer (the same classification as tRPC's errorFormatter). */
export function restErrorResponse(error: unknown, requestId: string | null, path: string): Response {
  if (error instanceof RestInputError) return apiErrorResponse(error.status, { code: error.code, message: error.message, requestId, issues: error.issues });
  if (error instanceof IdempotencyError) return apiErrorResponse(error.status, { code: error.code, message: error.message, requestId });
  const trpcError =
    error instanceof TRPCError
      ? error
      : error instanceof AppError
        ? new TRPCError({ code: error.code, message: error.message, cause: error })
        : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  const status = getHTTPStatusCodeFromError(trpcError);
  if (trpcError.code === "INTERNAL_SERVER_ERROR") {
    log.error({ err: trpcError.cause ?? trpcError, requestId, path }, "REST request failed");
    void reportError(trpcError.cause ?? trpcError, { requestId: requestId ?? undefined });
    return apiErrorResponse(500, { code: trpcError.code, message: `Internal error. Quote request id ${requestId ?? "?"} when you report it.`, requestId });
  }
  const cause = trpcError.cause;
  if (cause instanceof ZodError) {
    const issues = cause.issues.map((issue) => ({ path: issuePath(issue.path) || "(body)", message: issue.message }));
    const message = `Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`;
    return apiErrorResponse(400, { code: "BAD_REQUEST", message, requestId, issues });
  }
  const retryAfter = cause instanceof AppError ? cause.retryAfterSeconds : undefined;
  return apiErrorResponse(status, { code: trpcError.code, message: trpcError.message, requestId }, retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

export function createRestHandler(options: RestHandlerOptions) {
  return async function handleRestRequest(request: Request): Promise<Response> {
    const requestId = request.headers.get(REQUEST_ID_HEADER);
    const url = new URL(request.url);
    const path = url.pathname.startsWith(REST_BASE_PATH) ? url.pathname.slice(REST_BASE_PATH.length) || "/" : url.pathname;
    const method = request.method.toUpperCase();
    let rateHeaders: Record<string, string> = {};
    try {
      if (path === "/openapi.json" && (method === "GET" || method === "HEAD")) {
        return json(200, getOpenApiDocument(), { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" });
      }
      const matching = routeTable().filter((route) => route.pattern.test(path));
      if (matching.length === 0) throw new RestInputError(`No such endpoint: ${method} ${REST_BASE_PATH}${path} (see ${REST_BASE_PATH}/openapi.json)`, undefined, 404, "NOT_FOUND");
      const route = matching.find((candidate) => candidate.method === method);
      if (!route) {
        const allowed = matching.map((candidate) => candidate.method).join(", ");
        return apiErrorResponse(405, { code: "METHOD_NOT_SUPPORTED", message: `${method} is not supported here; use ${allowed}`, requestId }, { Allow: allowed });
      }

      if (method !== "GET" && isCrossSiteSessionRequest(request)) {
        throw new RestInputError("Cross-site request refused: send an API token, or call from the dashboard's own origin", undefined, 403, "FORBIDDEN");
      }
      const db = await options.getDb();
      const ctx = await createTRPCContext({ db, headers: request.headers, getSessionUser: options.getSessionUser, sendEvent: options.sendEvent });
      const callerKey = ctx.apiToken ? `token:${ctx.apiToken.id}` : ctx.user ? `user:${ctx.user.id}` : null;
      if (options.rateLimits !== false) {
        const limit = await limitApiRequest(request, { kind: kindOf(route), db, callerKey, budgets: options.rateLimits });
        rateHeaders = limit.headers;
        if (limit.response) return limit.response;
      }

      const params = Object.fromEntries(route.paramNames.map((name, index) => [name, decodeURIComponent(route.pattern.exec(path)![index + 1]!)]));
      const hasBody = method !== "GET" && method !== "DELETE";
      const input = hasBody ? { ...(await readJsonBody(request, route)), ...readQuery(url, route), ...params } : { ...readQuery(url, route), ...params };

      if (route.procedure === "versions.archive") {
        const archive = (await callProcedure(createRestCaller(ctx), "versions.archive", input)) as { fileName: string; body: Buffer };
        return new Response(new Uint8Array(archive.body), {
          status: 200,
          headers: { ...rateHeaders, "Content-Type": "application/x-tar", "Content-Disposition": `attachment; filename="${archive.fileName}"` },
        });
      }

      const status = createdProcedures.has(route.procedure) ? 201 : 200;
      const run = async () => ({ status, body: await callProcedure(createRestCaller(ctx), route.procedure, input) });
      const key = idempotentProcedures.has(route.procedure) ? parseIdempotencyKey(request.headers.get(IDEMPOTENCY_KEY_HEADER)) : null;
      if (key && ctx.user) {
        const outcome = await withIdempotencyKey(db, { userId: ctx.user.id, operation: route.procedure, key, input }, run);
        return json(outcome.status, outcome.body, { ...rateHeaders, ...(outcome.isReplay ? { "Idempotent-Replayed": "true" } : {}) });
      }
      const answer = await run();
      return json(answer.status, answer.body, rateHeaders);
    } catch (error) {
      const response = restErrorResponse(error, requestId, `${method} ${path}`);
      for (const [name, value] of Object.entries(rateHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
      return response;
    }
  };
}
