// A local stand-in for the model providers, speaking their real wire formats over real HTTP so the
// real AI SDK clients can be pointed at it with `baseURL`:
//   POST …/responses          OpenAI Responses API (what createOpenAI(...)(model) and .responses() call)
//   POST …/chat/completions   OpenAI Chat Completions (openai.chat(), and every OpenAI-compatible server)
//   POST …/messages           Anthropic Messages (native output_format, or the forced "json" tool)
// Replies are scripted in order (or computed by a responder) and every request is recorded.
// Only non-streaming calls are supported: the model layer uses generateText.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeLlmApi = "openai-responses" | "openai-chat" | "anthropic-messages";

export type FakeLlmReply =
  /** The model's text; a JSON reply is usually what a test scripts. Usage defaults to ~chars/4. */
  | string
  | { text: string; usage?: { inputTokens: number; outputTokens: number }; finishReason?: "stop" | "length" }
  /** An HTTP error in the API's own error format (4xx are not retried by the SDK; 429/5xx are), with a Retry-After header (seconds) when given. */
  | { error: { status: number; message: string; retryAfterSeconds?: number } }
  /** A body that is not the API's JSON at all (a proxy's HTML page, a cut-off reply). */
  | { garbage: { status: number; body: string } }
  /** Accepts the request and never answers (until the client gives up or the server closes). */
  | { stall: true };

export type FakeLlmRequest = {
  api: FakeLlmApi;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  /** Every piece of prompt text in the request (system + messages), joined: for `toContain` checks. */
  promptText: string;
  /** The model id the client asked for. */
  model: string;
  /** performance.now() when the request arrived: the gaps between retries are measured from it. */
  receivedAt: number;
};

export type FakeLlmResponder = (request: FakeLlmRequest) => FakeLlmReply | Promise<FakeLlmReply>;

export type FakeLlmServer = {
  /** Origin, e.g. http://127.0.0.1:49152. */
  url: string;
  /** `${url}/v1`: the baseURL for createOpenAI, createAnthropic and createOpenAICompatible. */
  baseURL: string;
  requests: FakeLlmRequest[];
  /** Appends scripted replies, consumed one per request across all APIs. */
  enqueue(...replies: FakeLlmReply[]): void;
  /** Scripted replies not consumed yet. */
  pendingReplies(): number;
  close(): Promise<void>;
};

export async function startFakeLlmServer(options: { replies?: FakeLlmReply[]; respond?: FakeLlmResponder } = {}): Promise<FakeLlmServer> {
  const queue: FakeLlmReply[] = [...(options.replies ?? [])];
  const requests: FakeLlmRequest[] = [];
  let sequence = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`fake LLM server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const receivedAt = performance.now();
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const api = apiOf(req.method, path);
    if (!api) return sendJson(res, 404, { error: { message: `fake LLM server: no route for ${req.method} ${path}` } });
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const request: FakeLlmRequest = {
      api,
      path,
      headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)])),
      body,
      promptText: collectText(api === "openai-responses" ? [body.instructions, body.input] : [body.system, body.messages]),
      model: typeof body.model === "string" ? body.model : "",
      receivedAt,
    };
    requests.push(request);
    if (body.stream === true) return sendError(res, api, 400, "fake LLM server: streaming is not supported");

    const reply = queue.shift() ?? (options.respond ? await options.respond(request) : undefined);
    // 400, not 5xx: the SDK retries 5xx with backoff, which would only slow a failing test down.
    if (reply === undefined) return sendError(res, api, 400, `fake LLM server: no scripted reply left for ${api} request #${requests.length}`);
    if (typeof reply === "object" && "error" in reply) return sendError(res, api, reply.error.status, reply.error.message, reply.error.retryAfterSeconds);
    if (typeof reply === "object" && "garbage" in reply) {
      res.writeHead(reply.garbage.status, { "content-type": "text/html" });
      return res.end(reply.garbage.body);
    }
    // The socket stays open with no answer; close() ends it (closeAllConnections).
    if (typeof reply === "object" && "stall" in reply) return;

    const scripted = typeof reply === "string" ? { text: reply } : reply;
    const usage = scripted.usage ?? {
      inputTokens: Math.ceil(request.promptText.length / 4),
      outputTokens: Math.ceil(scripted.text.length / 4),
    };
    const id = ++sequence;
    const created = Math.floor(Date.now() / 1000);
    const truncated = scripted.finishReason === "length";
    if (api === "openai-chat") {
      return sendJson(res, 200, {
        id: `chatcmpl-fake${id}`,
        object: "chat.completion",
        created,
        model: request.model,
        choices: [
          { index: 0, message: { role: "assistant", content: scripted.text, refusal: null }, logprobs: null, finish_reason: truncated ? "length" : "stop" },
        ],
        usage: { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens },
      });
    }
    if (api === "openai-responses") {
      return sendJson(res, 200, {
        id: `resp_fake${id}`,
        object: "response",
        created_at: created,
        status: truncated ? "incomplete" : "completed",
        incomplete_details: truncated ? { reason: "max_output_tokens" } : null,
        error: null,
        model: request.model,
        output: [
          {
            type: "message",
            id: `msg_fake${id}`,
            status: "completed",
            role: "assistant",
            content: [{ type: "output_text", text: scripted.text, annotations: [] }],
          },
        ],
        usage: {
          input_tokens: usage.inputTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: usage.outputTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: usage.inputTokens + usage.outputTokens,
        },
      });
    }
    // Anthropic: when the client forced the "json" tool (structured output without native
    // output_format), a real model answers with a tool_use block whose input is the object.
    const jsonInput = usesJsonTool(body) ? parseObject(scripted.text) : undefined;
    return sendJson(res, 200, {
      id: `msg_fake${id}`,
      type: "message",
      role: "assistant",
      model: request.model,
      content: jsonInput ? [{ type: "tool_use", id: `toolu_fake${id}`, name: "json", input: jsonInput }] : [{ type: "text", text: scripted.text }],
      stop_reason: truncated ? "max_tokens" : jsonInput ? "tool_use" : "end_turn",
      stop_sequence: null,
      usage: { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    pendingReplies: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Routed by suffix, so any base path works (/v1, /api/v1 like OpenRouter, /openai/v1 …). */
function apiOf(method: string | undefined, path: string): FakeLlmApi | undefined {
  if (method !== "POST") return undefined;
  if (path.endsWith("/responses")) return "openai-responses";
  if (path.endsWith("/chat/completions")) return "openai-chat";
  if (path.endsWith("/messages")) return "anthropic-messages";
  return undefined;
}

function sendError(res: ServerResponse, api: FakeLlmApi, status: number, message: string, retryAfterSeconds?: number) {
  const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) };
  if (api === "anthropic-messages") {
    const type = status === 401 ? "authentication_error" : status === 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error";
    return sendJson(res, status, { type: "error", error: { type, message } }, headers);
  }
  const type = status === 401 ? "invalid_request_error" : status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
  return sendJson(res, status, { error: { message, type, param: null, code: null } }, headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Gathers the text parts of any of the three APIs' message shapes. */
function collectText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(collectText).filter(Boolean).join("\n");
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.text === "string") return record.text;
    if ("content" in record) return collectText(record.content);
  }
  return "";
}

function usesJsonTool(body: Record<string, unknown>): boolean {
  return Array.isArray(body.tools) && body.tools.some((tool) => (tool as { name?: unknown }).name === "json");
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
