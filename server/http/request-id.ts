/** Set by guardRoute on every request it passes on; the tRPC context and logs read it. */
export const REQUEST_ID_HEADER = "x-request-id";
