import { env } from "../env";
import { clientAddressFromHeaders } from "./client-address";

type HeaderBag = Parameters<typeof clientAddressFromHeaders>[0];

/** This deployment's view of the client address (TRUST_PROXY and the serving process decide). */
export function clientAddress(headers: HeaderBag): string {
  return clientAddressFromHeaders(headers, {
    trustedProxyHops: env.TRUST_PROXY,
    isPeerAddressStamped: env.EPIC_STAMPS_PEER_ADDRESS,
  });
}
