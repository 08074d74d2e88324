/** Set by guardRoute on every request it passes on; the tRPC context and logs read it. */
export const REQUEST_ID_HEADER = "x-request-id";

// A caller's own id (a proxy's or a client's trace id) is kept when it looks like an id: short,
// printable, nothing a log line or a header could be confused by.
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** The incoming X-Request-Id when it is well-formed, else null (the guard then makes a new one). */
export function requestIdFrom(header: string | null | undefined): string | null {
  return header && WELL_FORMED_REQUEST_ID.test(header) ? header : null;
}
