// The MCP endpoint (streamable HTTP, stateless): each POST gets a fresh server and transport that
// live for that one request, so any instance (a serverless function included) can answer any call
// and nothing is kept between them. Answers are plain JSON (no stream is held open).
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { REQUEST_ID_HEADER } from "../../http/request-id";
import { mcpRequestKind, type LimitRequest } from "../api-limit";
import { createRequestApiCaller, type ApiCallerDeps } from "../request-api-caller";
import { createMcpServer } from "./server";

const jsonRpcError = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });

export type McpDeps = ApiCallerDeps & {
  /** Counts each call against the API's rate limits (tools that start runs, that change things, reads); none → no limit. */
  limitRequest?: LimitRequest;
};

export async function handleMcpRequest(request: Request, deps: McpDeps): Promise<Response> {
  // Stateless: no session to resume a stream on (GET) or to end (DELETE).
  if (request.method !== "POST") return jsonRpcError(405, "Method not allowed: this MCP server is stateless; send JSON-RPC with POST", { Allow: "POST" });
  const { context, api } = await createRequestApiCaller(request, deps);
  if (!context.user) {
    return jsonRpcError(401, "Send an API token: Authorization: Bearer <token> (create one in the dashboard's settings)", {
      "WWW-Authenticate": 'Bearer realm="epic-ai-dev"',
    });
  }
  let rateLimitHeaders: Record<string, string> = {};
  if (deps.limitRequest) {
    const message: unknown = await request
      .clone()
      .json()
      .catch(() => null); // the transport answers malformed JSON itself
    const limit = await deps.limitRequest(request, mcpRequestKind(message));
    rateLimitHeaders = limit.headers;
    if (!limit.isAllowed) {
      return jsonRpcError(429, `Too many requests. Try again in ${limit.retryAfterSeconds} second(s).`, { ...limit.headers, "Retry-After": String(limit.retryAfterSeconds) });
    }
  }
  const server = createMcpServer(api, request.headers.get(REQUEST_ID_HEADER) ?? context.requestId);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(request);
    for (const [name, value] of Object.entries(rateLimitHeaders)) response.headers.set(name, value);
    return response;
  } finally {
    await server.close();
  }
}
