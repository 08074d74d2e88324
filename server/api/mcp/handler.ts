// The MCP endpoint (streamable HTTP, stateless): each POST gets a fresh server and transport that
// live for that one request, so any instance (a serverless function included) can answer any call
// and nothing is kept between them. Answers are plain JSON (no stream is held open).
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { REQUEST_ID_HEADER } from "../../http/request-id";
import { createRequestApiCaller, type ApiCallerDeps } from "../request-api-caller";
import { createMcpServer } from "./server";

const jsonRpcError = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });

export async function handleMcpRequest(request: Request, deps: ApiCallerDeps): Promise<Response> {
  // Stateless: no session to resume a stream on (GET) or to end (DELETE).
  if (request.method !== "POST") return jsonRpcError(405, "Method not allowed: this MCP server is stateless; send JSON-RPC with POST", { Allow: "POST" });
  const { context, api } = await createRequestApiCaller(request, deps);
  if (!context.user) {
    return jsonRpcError(401, "Send an API token: Authorization: Bearer <token> (create one in the dashboard's settings)", {
      "WWW-Authenticate": 'Bearer realm="epic-ai-dev"',
    });
  }
  const server = createMcpServer(api, request.headers.get(REQUEST_ID_HEADER) ?? context.requestId);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
