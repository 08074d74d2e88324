type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Best-effort client address for rate limiting (first hop of X-Forwarded-For behind a proxy). */
export function clientIpFromHeaders(headers: HeaderBag): string {
  const forwarded = readHeader(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || readHeader(headers, "x-real-ip") || "local";
}
