// Product analytics to PostHog, only when POSTHOG_KEY is set: unset, posthog-node is never
// imported and nothing leaves the machine. Events carry ids, outcomes and counts — never a
// prompt, a plan or generated code. Each event is flushed at once (flushAt 1): on serverless hosts
// the instance may freeze right after the response, and a queued event would be lost.
import type { PostHog } from "posthog-node";
import { env } from "../env";
import { getLogger } from "./logger";

const log = getLogger("product-analytics");

/** Every product event and its properties; a new one is added here first. */
export type ProductEvent =
  | { event: "signed up"; distinctId: string; properties: { method: "credentials" | "github" } }
  | { event: "project created"; distinctId: string; properties: { projectId: string; workspaceId: string; runId: string } }
  | { event: "follow-up"; distinctId: string; properties: { projectId: string; runId: string } }
  | { event: "run finished"; distinctId: string; properties: { runId: string; projectId: string; outcome: string; provider: string } }
  | { event: "deploy"; distinctId: string; properties: { projectId: string; deploymentId: string; target: string; outcome: string } }
  | { event: "rollback"; distinctId: string; properties: { projectId: string; deploymentId: string; target: string } };

export type ProductAnalyticsConfig = { apiKey: string | undefined; host: string };

export type ProductAnalytics = {
  capture(event: ProductEvent): Promise<void>;
  /** Whether posthog-node was loaded (false for as long as no key is configured). */
  isLoaded(): boolean;
  shutdown(): Promise<void>;
};

export function createProductAnalytics(config: ProductAnalyticsConfig): ProductAnalytics {
  let client: Promise<PostHog> | null = null;
  const load = () =>
    (client ??= import("posthog-node").then(({ PostHog }) => new PostHog(config.apiKey!, { host: config.host, flushAt: 1, flushInterval: 0, disableGeoip: true })));
  return {
    async capture(event) {
      if (!config.apiKey) return;
      try {
        const posthog = await load();
        posthog.capture({ distinctId: event.distinctId, event: event.event, properties: event.properties });
        await posthog.flush();
      } catch (error) {
        // Analytics never fail the product.
        log.warn({ err: error, event: event.event }, "a product event could not be sent");
      }
    },
    isLoaded: () => client !== null,
    async shutdown() {
      if (client) await (await client).shutdown();
    },
  };
}

const globalForAnalytics = globalThis as unknown as { __epicProductAnalytics?: ProductAnalytics };

export function getProductAnalytics(): ProductAnalytics {
  return (globalForAnalytics.__epicProductAnalytics ??= createProductAnalytics({ apiKey: env.POSTHOG_KEY, host: env.POSTHOG_HOST }));
}

/** Sends a product event in the background (never awaited by the caller, never throws). */
export function trackProductEvent(event: ProductEvent): void {
  if (!env.POSTHOG_KEY) return;
  void getProductAnalytics().capture(event);
}
