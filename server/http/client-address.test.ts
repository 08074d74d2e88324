import { describe, expect, it } from "vitest";
import { clientAddressFromHeaders } from "./client-address";

describe("client address for rate limits", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("ignores X-Forwarded-For unless TRUST_PROXY says a proxy of ours sits in front", () => {
    const sent = headers({ "x-forwarded-for": "203.0.113.7", "x-epic-client-address": "198.51.100.1" });
    expect(clientAddressFromHeaders(sent, { trustedProxyHops: 0, isPeerAddressStamped: true })).toBe("198.51.100.1");
    // Without a stamped peer and without a trusted proxy, nothing the client says is believed.
    expect(clientAddressFromHeaders(sent, { trustedProxyHops: 0, isPeerAddressStamped: false })).toBe("unknown");
  });

  it("with N trusted proxies takes the N-th address from the right, so client-written entries do not count", () => {
    const chain = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2", "x-epic-client-address": "10.0.0.3" });
    expect(clientAddressFromHeaders(chain, { trustedProxyHops: 1, isPeerAddressStamped: true })).toBe("10.0.0.2");
    expect(clientAddressFromHeaders(chain, { trustedProxyHops: 2, isPeerAddressStamped: true })).toBe("203.0.113.7");
    // A request that did not come through the proxy falls back to the peer.
    expect(clientAddressFromHeaders(headers({ "x-epic-client-address": "::ffff:127.0.0.1" }), { trustedProxyHops: 1, isPeerAddressStamped: true })).toBe(
      "127.0.0.1",
    );
  });
});
