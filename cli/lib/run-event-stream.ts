// Reads a run's server-sent events (GET /api/runs/:runId/events) as typed messages. The server
// numbers events (`id: <seq>`), so after a dropped connection the reader reconnects with
// Last-Event-ID and continues with no gap and no duplicate.
import type { RunEventMessage } from "../../server/events/run-events";
import { CliError, exitCodeOfServerCode } from "./cli-error";
import type { Credentials } from "./config";
import { userAgent } from "./client";

export type StreamItem = { kind: "event"; event: RunEventMessage } | { kind: "end" };

type Options = { afterSeq?: number; signal?: AbortSignal; maxReconnects?: number; reconnectDelayMs?: number };

export async function* readRunEvents(credentials: Credentials, runId: string, options: Options = {}): AsyncGenerator<StreamItem> {
  let lastSeq = options.afterSeq ?? 0;
  let failures = 0;
  const maxReconnects = options.maxReconnects ?? 10;
  for (;;) {
    let response: Response;
    try {
      response = await fetch(`${credentials.url}/api/runs/${encodeURIComponent(runId)}/events`, {
        headers: {
          accept: "text/event-stream",
          authorization: `Bearer ${credentials.token}`,
          "user-agent": userAgent,
          ...(lastSeq > 0 ? { "last-event-id": String(lastSeq) } : {}),
        },
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) return;
      if (++failures > maxReconnects) throw new CliError(`Lost the run's event stream: ${describe(error)}`, 1, { code: "UNREACHABLE" });
      await sleep(options.reconnectDelayMs ?? 2000, options.signal);
      continue;
    }
    if (!response.ok || !response.body) throw await streamError(response);
    try {
      for await (const message of parseSse(response.body)) {
        failures = 0;
        if (message.event === "end") {
          yield { kind: "end" };
          return;
        }
        if (message.event !== "run-event") continue;
        const event = JSON.parse(message.data) as RunEventMessage;
        if (event.seq <= lastSeq) continue;
        lastSeq = event.seq;
        yield { kind: "event", event };
      }
    } catch (error) {
      if (options.signal?.aborted) return;
      if (error instanceof CliError) throw error;
      if (++failures > maxReconnects) throw new CliError(`Lost the run's event stream: ${describe(error)}`, 1, { code: "UNREACHABLE" });
    }
    if (options.signal?.aborted) return;
    // The server closed the stream without `end` (a restart, a proxy timeout): resume.
    await sleep(options.reconnectDelayMs ?? 2000, options.signal);
  }
}

async function streamError(response: Response): Promise<CliError> {
  const body = (await response.json().catch(() => ({}))) as { error?: string; retryAfterSeconds?: number };
  const retryAfter = Number(response.headers.get("retry-after")) || body.retryAfterSeconds;
  return new CliError(body.error ?? `The event stream answered ${response.status}`, exitCodeOfServerCode(undefined, response.status), {
    code: { 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 429: "TOO_MANY_REQUESTS" }[response.status] ?? `HTTP_${response.status}`,
    retryAfterSeconds: retryAfter || undefined,
  });
}

type SseMessage = { id?: string; event: string; data: string };

/** Server-sent events as the HTML spec frames them (fields per line, a blank line ends a message). */
async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let boundary: number;
      while ((boundary = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const message: SseMessage = { event: "message", data: "" };
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (!line || line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "id") message.id = text;
          else if (field === "event") message.event = text;
          else if (field === "data") data.push(text);
        }
        message.data = data.join("\n");
        if (data.length > 0 || message.event !== "message") yield message;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

const describe = (error: unknown) => (error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error));

function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}
