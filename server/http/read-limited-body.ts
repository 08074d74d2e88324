// Reads a request body with a hard size limit, refusing oversized bodies while they stream in
// (by Content-Length at once, or as soon as the running count passes the limit), before anything
// parses them. Also refuses bodies that are not valid UTF-8 or carry NUL bytes, when they are text.
import { AppError } from "../errors";

export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than the limit of ${limitBytes} bytes.`);
    this.name = "PayloadTooLargeError";
  }
}

const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded)|text\/)/i;

/** The body as bytes (null when there is none), or a PayloadTooLargeError / 400 AppError. */
export async function readLimitedBody(request: Request, limitBytes: number): Promise<Uint8Array | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limitBytes)) {
    // Not a byte of it is read: the connection's remaining upload is the server's to discard.
    // (Not awaited: a cancel can wait on a client that is still sending.)
    void request.body?.cancel().catch(() => {});
    if (!/^\d+$/.test(declared)) throw new AppError("BAD_REQUEST", "Invalid Content-Length header");
    throw new PayloadTooLargeError(limitBytes);
  }
  if (!request.body) return null;

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      void reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  if (TEXT_TYPES.test(request.headers.get("content-type") ?? "")) assertCleanText(body);
  return body;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function assertCleanText(bytes: Uint8Array): void {
  if (bytes.includes(0)) throw new AppError("BAD_REQUEST", "The request body contains a NUL byte.");
  try {
    strictUtf8.decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8.");
  }
}
