// The GraphQL endpoint (graphql-yoga), independent of Next so it can be served and tested anywhere.
// Queries and mutations over POST (GET for queries), subscriptions over server-sent events.
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { RunEventHub } from "../../runs/run-event-hub";
import { graphqlRequestKind, type LimitRequest } from "../api-limit";
import { createRequestApiCaller, type ApiCallerDeps } from "../request-api-caller";
import type { GraphQLContext } from "./builder";
import { queryLimitsRule, type QueryLimits } from "./limits";
import { graphqlSchema } from "./schema";
import { getLogger } from "../../observability/logger";

const log = getLogger("graphql");

export const GRAPHQL_ENDPOINT = "/api/graphql";

export type GraphQLHandlerOptions = {
  /** The database and session for each request (resolved per request: the app's database is opened lazily). */
  deps: () => Promise<ApiCallerDeps & { hub: RunEventHub }>;
  isIntrospectionEnabled: boolean;
  limits: QueryLimits;
  /** Counts each operation against the API's rate limits (a read, a change or a run start); none → no limit. */
  limitRequest?: LimitRequest;
};

/** What the rate-limit plugin leaves for the response: its RateLimit-* headers. */
type ServerContext = { rateLimitHeaders: Record<string, string> };

/**
 * What a client may see of a failure: a procedure's refusal keeps its code and message (and the
 * fields a bad input names); anything else is "Unexpected error" and the original goes to the log.
 */
function maskError(error: unknown): Error {
  const graphQLError = error instanceof GraphQLError ? error : null;
  const original = graphQLError?.originalError ?? error;
  if (graphQLError && !graphQLError.originalError) return graphQLError; // parse and validation errors
  if (original instanceof TRPCError && original.code !== "INTERNAL_SERVER_ERROR") {
    const issues = original.cause instanceof ZodError ? original.cause.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) : undefined;
    const message = issues?.length ? `Invalid input: ${issues.map((issue) => `${issue.path || "input"}: ${issue.message}`).join("; ")}` : original.message;
    return new GraphQLError(message, {
      nodes: graphQLError?.nodes,
      path: graphQLError?.path,
      extensions: { code: original.code, ...(issues ? { issues } : {}), ...(original.code === "TOO_MANY_REQUESTS" ? { retryAfterSeconds: (original.cause as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds } : {}) },
    });
  }
  if (original instanceof GraphQLError) return original;
  log.error({ err: original }, "GraphQL resolver failed");
  return new GraphQLError("Unexpected error. Quote the response's X-Request-Id when you report it.", {
    nodes: graphQLError?.nodes,
    path: graphQLError?.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}

/** Adds the size limits (and, when off, the introspection ban) to the standard validation rules. */
function validationRules(options: GraphQLHandlerOptions): Plugin {
  const rules = [queryLimitsRule(options.limits), ...(options.isIntrospectionEnabled ? [] : [NoSchemaIntrospectionCustomRule])];
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}

/**
 * Counts each operation once it is parsed and valid (so a refused query costs nothing), by its
 * kind; over the limit it ends with 429 and Retry-After, as the REST API does.
 */
function rateLimits(limitRequest: LimitRequest): Plugin<ServerContext & { request: Request }> {
  const check = async (context: ServerContext & { request: Request }, document: Parameters<typeof graphqlRequestKind>[0], operationName?: string | null) => {
    const kind = graphqlRequestKind(document, operationName);
    const result = await limitRequest(context.request, kind);
    Object.assign(context.rateLimitHeaders, result.headers);
    if (!result.isAllowed) {
      const what = kind === "run" ? "runs started" : kind === "write" ? "changes" : "requests";
      throw new GraphQLError(`Too many ${what}. Try again in ${result.retryAfterSeconds} second(s).`, {
        extensions: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: result.retryAfterSeconds, http: { status: 429, headers: { ...result.headers, "Retry-After": String(result.retryAfterSeconds) }, spec: false } },
      });
    }
  };
  return {
    onExecute: async ({ args }) => check(args.contextValue, args.document, args.operationName),
    onSubscribe: async ({ args }) => check(args.contextValue, args.document, args.operationName),
  };
}

export function createGraphQLHandler(options: GraphQLHandlerOptions): (request: Request) => Promise<Response> {
  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema: graphqlSchema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    fetchAPI: { Response },
    // Served from the platform's origin only; no cross-origin reads (the session cookie stays ours).
    cors: false,
    // GraphiQL loads its page from a CDN: use any GraphQL client against the endpoint instead.
    graphiql: false,
    landingPage: false,
    maskedErrors: { maskError: (error) => maskError(error) },
    plugins: [validationRules(options), ...(options.limitRequest ? [rateLimits(options.limitRequest)] : [])],
    context: async ({ request }) => {
      const { hub, ...deps } = await options.deps();
      const caller = await createRequestApiCaller(request, deps);
      return { ...caller, hub, signal: request.signal };
    },
  });
  // Refusals travel as errors with `extensions.code` (NOT_FOUND for another tenant's id, FORBIDDEN
  // for a role) in a 200, as the GraphQL-over-HTTP spec has it; limits and bad queries are 400s.
  return async (request) => {
    const serverContext: ServerContext = { rateLimitHeaders: {} };
    const response = await yoga.fetch(request, serverContext);
    for (const [name, value] of Object.entries(serverContext.rateLimitHeaders)) response.headers.set(name, value);
    return response;
  };
}
