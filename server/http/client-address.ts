// The client's network address, for rate limits. Proxy headers (X-Forwarded-For) are written by
// whoever sends the request, so they are believed only when TRUST_PROXY says a proxy we run sits
// in front and overwrites or appends to them. Otherwise the address is the TCP peer, which the
// production server (scripts/serve.ts) stamps on every request in CLIENT_ADDRESS_HEADER,
// replacing anything the client sent under that name.
export const CLIENT_ADDRESS_HEADER = "x-epic-client-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export type ClientAddressOptions = {
  /** Number of proxies we run in front of the app (TRUST_PROXY); 0 = believe no proxy header. */
  trustedProxyHops: number;
  /** Whether the serving process stamps the TCP peer's address (scripts/serve.ts does). */
  isPeerAddressStamped: boolean;
};

/**
 * With N trusted proxies, the client is the N-th address from the right of X-Forwarded-For: each
 * of our proxies appends the peer it saw, and anything further left was written by the client.
 */
export function clientAddressFromHeaders(headers: HeaderBag, options: ClientAddressOptions): string {
  const peer = options.isPeerAddressStamped ? readHeader(headers, CLIENT_ADDRESS_HEADER)?.trim() : undefined;
  if (options.trustedProxyHops > 0) {
    const hops = (readHeader(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const client = hops.at(-options.trustedProxyHops) ?? hops[0];
    if (client) return normalizeAddress(client);
  }
  return peer ? normalizeAddress(peer) : "unknown";
}

/** IPv4 peers of a dual-stack socket show up as ::ffff:1.2.3.4; one client, one key. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").toLowerCase().slice(0, 64);
}
