// Which custom endpoints (a provider's `baseUrl`/`endpoint` override) the server may call. The
// overrides exist for GitHub Enterprise, S3-compatible stores and tests' loopback fakes, but they
// are typed by workspace admins: unchecked, they would let one make the server call its own
// network (cloud metadata, databases, admin ports). So unless INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS
// is on (the default outside production), an override must be https and every address its host
// resolves to must be public. DNS could still change between this check and the call (rebinding);
// docs/SECURITY.md says so and what to do about it.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AppError } from "../errors";

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is checked as the IPv4 address it is. (A
  // ::ffff:0:0/96 rule would not do: BlockList matches every IPv4 address against it.)
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const mappedHex = address.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i);
  if (mappedHex) {
    const [high, low] = [parseInt(mappedHex[1]!, 16), parseInt(mappedHex[2]!, 16)];
    return isPrivateAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type EndpointPolicy = { allowPrivate: boolean };

/**
 * The override as a URL, or a BAD_REQUEST saying why it may not be used. `what` names the field
 * in the message ("GitHub API URL").
 */
export async function checkCustomEndpoint(raw: string, what: string, policy: EndpointPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("BAD_REQUEST", `${what} is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AppError("BAD_REQUEST", `${what} must be an http(s) URL`);
  if (url.username || url.password) throw new AppError("BAD_REQUEST", `${what} must not carry credentials`);
  if (policy.allowPrivate) return url;
  if (url.protocol !== "https:") throw new AppError("BAD_REQUEST", `${what} must use https`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await resolveAll(host, what);
  if (addresses.some(isPrivateAddress)) {
    throw new AppError(
      "BAD_REQUEST",
      `${what} points at a private or loopback address, which this server does not call (set INTEGRATIONS_ALLOW_PRIVATE_ENDPOINTS=true to allow it)`,
    );
  }
  return url;
}

async function resolveAll(host: string, what: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw new AppError("BAD_REQUEST", `${what}: the host ${host} does not resolve`);
  }
}
