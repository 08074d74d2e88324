// An Inngest client configured like the product's in embedded mode (never dev mode, signed with a
// fresh key, events through embeddedFetch), for the executor's tests, its crash worker and bench.
import { randomBytes } from "node:crypto";
import { Inngest } from "inngest";
import { embeddedBaseUrl, embeddedFetch } from "../embedded/embedded-fetch";

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

export function createEmbeddedTestClient(id: string) {
  const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
  // The SDK logs every step error; the callers provoke many on purpose.
  const client = new Inngest({ id, isDev: false, signingKey, eventKey: "test", baseUrl: embeddedBaseUrl, fetch: embeddedFetch, logger: silent });
  return { client, signingKey };
}
