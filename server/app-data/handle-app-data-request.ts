// The HTTP face of a generated app's shared records, independent of Next so the preview route
// and QA's own server (server/agents/qa/serve-directory.ts) mount the very same code:
//   GET    records                → { records: [{entity, id, data, seq}], seq }
//   PUT    records/<entity>/<id>  ← { data: {...} } → { record }
//   DELETE records/<entity>/<id>  → { record | null }
//   GET    events?after=<seq>     → server-sent events, `id: <seq>`, one `change` per write
// The caller decides the scope (one project, one QA check): nothing in a request can name another.
// Every refusal is a 4xx in the API's error shape (server/http/api-error.ts).
import { apiErrorResponse } from "../http/api-error";
import { APP_DATA_LIMITS, AppDataFullError, ZAppEntityName, ZAppRecordId, ZAppRecordWrite, type AppRecordChange, type AppRecordStore } from "./schemas";

export type AppDataDeps = {
  store: AppRecordStore;
  /** Counts the request against the caller's budget; a Response refuses it (429). */
  limit?: (request: Request, kind: "read" | "write") => Promise<Response | null>;
  heartbeatMs?: number;
  /** How often a stream re-reads the store in case a notification was lost. */
  recheckMs?: number;
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
const refuse = (status: number, message: string, issues?: Array<{ path: string; message: string }>) => apiErrorResponse(status, { message, issues });

// Open streams per scope in this process: a page that opens streams in a loop cannot hold the server.
const openStreams = new Map<string, number>();

/** `path`: what follows `_data/` in the URL, without the query. */
export async function handleAppDataRequest(request: Request, scope: string, path: string, deps: AppDataDeps): Promise<Response> {
  const method = request.method.toUpperCase();
  const parts = path.split("/");
  if (parts[0] === "records" && parts.length === 1) {
    if (method !== "GET") return refuse(405, "Use GET to read the records");
    return (await deps.limit?.(request, "read")) ?? json(await deps.store.list(scope));
  }
  if (parts[0] === "records" && parts.length === 3) {
    const entity = ZAppEntityName.safeParse(parts[1]);
    const id = ZAppRecordId.safeParse(parts[2]);
    if (!entity.success || !id.success) return refuse(400, "Expected records/<entity>/<id> with an entity name and a record id");
    if (method === "DELETE") return (await deps.limit?.(request, "write")) ?? json({ record: await deps.store.remove(scope, entity.data, id.data) });
    if (method !== "PUT") return refuse(405, "Use PUT to write a record and DELETE to remove it");
    const limited = await deps.limit?.(request, "write");
    if (limited) return limited;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    // Bounded before zod walks it: 32 KB of "[[[[…" would otherwise recurse thousands deep.
    if (isTooDeep(body.value, APP_DATA_LIMITS.maxDepth)) return refuse(400, `A record may nest at most ${APP_DATA_LIMITS.maxDepth} levels deep`);
    const parsed = ZAppRecordWrite.safeParse(body.value);
    if (!parsed.success) {
      return refuse(400, "Expected {\"data\": {field: value, …}}", parsed.error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join("."), message: issue.message })));
    }
    if (JSON.stringify(parsed.data.data).length > APP_DATA_LIMITS.maxRecordBytes) return refuse(413, `A record may hold at most ${APP_DATA_LIMITS.maxRecordBytes} bytes`);
    try {
      return json({ record: await deps.store.put(scope, entity.data, id.data, parsed.data.data) });
    } catch (error) {
      if (error instanceof AppDataFullError) return refuse(409, error.message);
      throw error;
    }
  }
  if (parts[0] === "events" && parts.length === 1) {
    if (method !== "GET") return refuse(405, "Use GET to follow the changes");
    const limited = await deps.limit?.(request, "read");
    if (limited) return limited;
    return streamChanges(request, scope, deps);
  }
  return refuse(404, "No such data endpoint");
}

function isTooDeep(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== "object") return false;
  if (levels <= 0) return true;
  return Object.values(value).some((inner) => isTooDeep(inner, levels - 1));
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) return { ok: false, response: refuse(415, "Send the record as application/json") };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > APP_DATA_LIMITS.maxBodyBytes) return { ok: false, response: refuse(413, `A write may be at most ${APP_DATA_LIMITS.maxBodyBytes} bytes`) };
  const text = await request.text();
  if (Buffer.byteLength(text) > APP_DATA_LIMITS.maxBodyBytes) return { ok: false, response: refuse(413, `A write may be at most ${APP_DATA_LIMITS.maxBodyBytes} bytes`) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: refuse(400, "The body is not valid JSON") };
  }
}

function afterSeqOf(request: Request): number {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  const seq = Number(raw);
  return Number.isSafeInteger(seq) && seq >= 0 ? seq : 0;
}

const encoder = new TextEncoder();
const frame = (change: AppRecordChange) => encoder.encode(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);

/**
 * The scope's changes after the client's last seq, then each new one as it is committed. A client
 * that stops reading is let go once it is far behind (it resumes with Last-Event-ID).
 */
function streamChanges(request: Request, scope: string, deps: AppDataDeps): Response {
  const open = openStreams.get(scope) ?? 0;
  if (open >= APP_DATA_LIMITS.maxStreamsPerStore) return refuse(429, "Too many open change streams for this app; close another tab first");
  openStreams.set(scope, open + 1);
  let lastSeq = afterSeqOf(request);
  let isClosed = false;
  let isReading = false;
  let isDirty = false;
  let unsubscribe: (() => void) | null = null;
  const timers: Array<ReturnType<typeof setInterval>> = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const close = () => {
    if (isClosed) return;
    isClosed = true;
    for (const timer of timers) clearInterval(timer);
    unsubscribe?.();
    openStreams.set(scope, (openStreams.get(scope) ?? 1) - 1);
    if (openStreams.get(scope) === 0) openStreams.delete(scope);
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };
  // One read at a time; a notification during a read makes it read again.
  const pump = async () => {
    if (isReading) {
      isDirty = true;
      return;
    }
    isReading = true;
    try {
      do {
        isDirty = false;
        const changes = await deps.store.changesAfter(scope, lastSeq, APP_DATA_LIMITS.pageSize);
        for (const change of changes) {
          if (isClosed) return;
          controller.enqueue(frame(change));
          lastSeq = change.seq;
        }
        if (changes.length === APP_DATA_LIMITS.pageSize) isDirty = true;
        // Far behind the client (it reads nothing): let it go; it resumes from its last id.
        if ((controller.desiredSize ?? 0) < -APP_DATA_LIMITS.pageSize * 2) close();
      } while (isDirty && !isClosed);
    } catch {
      close();
    } finally {
      isReading = false;
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      c.enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
      request.signal.addEventListener("abort", close, { once: true });
      unsubscribe = await deps.store.subscribe(scope, () => void pump());
      if (isClosed) unsubscribe();
      await pump();
      timers.push(setInterval(() => void pump(), deps.recheckMs ?? 15_000));
      timers.push(
        setInterval(() => {
          if (!isClosed && (controller.desiredSize ?? 0) > 0) controller.enqueue(encoder.encode(": ping\n\n"));
        }, deps.heartbeatMs ?? 20_000),
      );
    },
    cancel: close,
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "X-Accel-Buffering": "no" },
  });
}
