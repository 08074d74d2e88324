// Sentry and PostHog against loopback fakes: configured, they receive the error (with the request
// id) and the product events; unset, neither SDK is loaded and nothing is sent.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRoute } from "../http/route-guard";
import { isErrorReportingLoaded, reportError, startErrorReporting } from "./error-reporting";
import { createProductAnalytics } from "./product-analytics";

type Received = { path: string; body: string };

async function startFake() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
      received.push({ path: request.url ?? "", body });
      response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { received, url: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const waitFor = async (check: () => boolean, timeoutMs = 10_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe("PostHog product events", () => {
  let fake: Awaited<ReturnType<typeof startFake>>;
  beforeAll(async () => {
    fake = await startFake();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("sends nothing and loads nothing without POSTHOG_KEY", async () => {
    const analytics = createProductAnalytics({ apiKey: undefined, host: fake.url });
    await analytics.capture({ event: "project created", distinctId: "user-1", properties: { projectId: "p1", workspaceId: "w1", runId: "r1" } });
    expect(analytics.isLoaded()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.received).toEqual([]);
  });

  it("sends the product events, with ids and outcomes only, when configured", async () => {
    const analytics = createProductAnalytics({ apiKey: "phc_test_key", host: fake.url });
    await analytics.capture({ event: "project created", distinctId: "user-1", properties: { projectId: "p1", workspaceId: "w1", runId: "r1" } });
    await analytics.capture({ event: "run finished", distinctId: "user-1", properties: { runId: "r1", projectId: "p1", outcome: "ready_with_gaps", provider: "openai" } });
    await analytics.capture({ event: "follow-up", distinctId: "user-1", properties: { projectId: "p1", runId: "r2" } });
    await analytics.capture({ event: "deploy", distinctId: "user-1", properties: { projectId: "p1", deploymentId: "d1", target: "local-preview", outcome: "ready" } });
    await analytics.capture({ event: "rollback", distinctId: "user-1", properties: { projectId: "p1", deploymentId: "d2", target: "local-preview" } });
    await analytics.shutdown();
    expect(analytics.isLoaded()).toBe(true);
    const events = fake.received.flatMap(({ body }) => (JSON.parse(body) as { batch?: Array<{ event: string; properties: Record<string, unknown>; distinct_id: string }> }).batch ?? []);
    expect(events.map((event) => event.event)).toEqual(["project created", "run finished", "follow-up", "deploy", "rollback"]);
    expect(events[1]).toMatchObject({ distinct_id: "user-1", properties: { outcome: "ready_with_gaps", provider: "openai" } });
    expect(fake.received.every(({ body }) => body.includes("phc_test_key"))).toBe(true);
  });
});

describe("Sentry errors", () => {
  let fake: Awaited<ReturnType<typeof startFake>>;
  beforeAll(async () => {
    fake = await startFake();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("is not loaded and sends nothing without SENTRY_DSN", async () => {
    expect(await startErrorReporting({ dsn: undefined })).toBeNull();
    expect(isErrorReportingLoaded()).toBe(false);
    await reportError(new Error("nobody hears this"));
    const route = guardRoute(async () => {
      throw new Error("unreported");
    });
    expect((await route(new Request("http://localhost/api/things"), undefined as never)).status).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.received).toEqual([]);
  });

  it("receives a route's 500 with its request id and the release, when configured", async () => {
    const Sentry = await startErrorReporting({ dsn: `http://publickey@127.0.0.1:${fake.port}/42`, environment: "test", release: "epic@1.2.3" });
    expect(Sentry).not.toBeNull();
    const route = guardRoute(async () => {
      throw new Error("the database fell over");
    });
    const response = await route(new Request("http://localhost/api/things", { headers: { "x-request-id": "req-sentry-0001", cookie: "session=secret-cookie" } }), undefined as never);
    expect(response.status).toBe(500);
    await Sentry!.flush(5000);
    await waitFor(() => fake.received.some(({ body }) => body.includes("the database fell over")));
    const envelope = fake.received.find(({ body }) => body.includes("the database fell over"))!;
    expect(envelope.path).toMatch(/^\/api\/42\/envelope\//);
    expect(envelope.body).toContain('"requestId":"req-sentry-0001"');
    expect(envelope.body).toContain("epic@1.2.3");
    expect(envelope.body).not.toContain("secret-cookie");
  });
});
