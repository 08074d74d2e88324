// A minimal server-sent events reader over fetch, for tests: collects events until told to stop.
export type SseMessage = { id?: string; event: string; data: string };

export async function readSse(
  url: string,
  init: RequestInit,
  shouldStop: (messages: SseMessage[]) => boolean,
): Promise<{ status: number; messages: SseMessage[] }> {
  const controller = new AbortController();
  const response = await fetch(url, { ...init, signal: controller.signal });
  const messages: SseMessage[] = [];
  if (!response.ok || !response.body) return { status: response.status, messages };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    while (!shouldStop(messages)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary: number;
      while ((boundary = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const message: SseMessage = { event: "message", data: "" };
        let hasField = false;
        for (const line of block.split("\n")) {
          if (line.startsWith(":") || !line.includes(":")) continue;
          const [field, ...rest] = line.split(":");
          const text = rest.join(":").replace(/^ /, "");
          hasField = true;
          if (field === "id") message.id = text;
          else if (field === "event") message.event = text;
          else if (field === "data") message.data += text;
          else hasField = field !== "retry" && hasField;
        }
        if (hasField && (message.data || message.id)) messages.push(message);
        if (shouldStop(messages)) break;
      }
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => {});
  }
  return { status: response.status, messages };
}
