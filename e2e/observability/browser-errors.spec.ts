// Browser errors to Sentry, end to end: the platform started the way `npm start` starts it, with
// SENTRY_DSN pointing at a loopback Sentry fake. An error thrown in a dashboard page arrives
// there (without the page's query string, with the page load's request id); the main e2e server, with no SENTRY_DSN, never loads
// the Sentry SDK in the browser and lets its pages talk to no other origin.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePortSync, isPortFreeSync } from "../../scripts/lib/free-port";
import { startPlatform, type PlatformProcess } from "../support/platform-process";

// Two above the main e2e server's port (no-browser.spec.ts takes the one above), when free.
const preferred = Number(process.env.E2E_PORT ?? 3100) + 2;
const port = isPortFreeSync(preferred) ? preferred : freePortSync();
const sentryBaseURL = `http://localhost:${port}`;
test.setTimeout(420_000);

const envelopes: Array<{ path: string; body: string }> = [];
const fakeSentry = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    if (request.method === "POST") envelopes.push({ path: request.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(200, { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Content-Type": "application/json" }).end("{}");
  });
});

let platform: PlatformProcess | undefined;
let dataDir: string;
let dsn: string;

test.beforeAll(async () => {
  // This spec starts a server of its own: on a loaded machine that alone can pass two minutes.
  test.setTimeout(300_000);
  await new Promise<void>((resolve) => fakeSentry.listen(0, "127.0.0.1", resolve));
  dsn = `http://publickey@127.0.0.1:${(fakeSentry.address() as AddressInfo).port}/42`;
  dataDir = mkdtempSync(path.join(tmpdir(), "epic-e2e-sentry-data-"));
  const env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_URL: sentryBaseURL, SENTRY_DSN: dsn, SENTRY_RELEASE: "epic@e2e-browser" };
  platform = await startPlatform({ port, dataDir, env });
});

test.afterAll(async () => {
  await platform?.stop();
  await new Promise<void>((resolve) => fakeSentry.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

const hasSentry = () => (globalThis as { __SENTRY__?: unknown }).__SENTRY__ !== undefined;

test("with SENTRY_DSN a browser error reaches Sentry; without it the SDK is never loaded", async ({ page, browser }) => {
  await test.step("no SENTRY_DSN (the main e2e server): no Sentry in the page, no other origin allowed", async () => {
    const response = await page.goto("/signin?from=e2e-secret-query");
    expect(response?.headers()["content-security-policy"]).toMatch(/connect-src 'self'(;| ws:)/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.evaluate(() => setTimeout(() => { throw new Error("browser error without Sentry"); }, 0));
    await page.waitForTimeout(1000);
    expect(await page.evaluate(hasSentry)).toBe(false);
  });

  await test.step("SENTRY_DSN set: the SDK loads, and an uncaught error arrives with the release, without the query string", async () => {
    const context = await browser.newContext();
    const sentryPage = await context.newPage();
    const response = await sentryPage.goto(`${sentryBaseURL}/signin?from=e2e-secret-query`);
    expect(response?.headers()["content-security-policy"]).toContain(`connect-src 'self' ${new URL(dsn).origin}`);
    // The page load's request id, which the server's logs carry too.
    const requestId = response?.headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await sentryPage.waitForFunction(hasSentry, undefined, { timeout: 30_000 });
    await sentryPage.evaluate(() => setTimeout(() => { throw new Error("browser error for the Sentry fake"); }, 0));
    await expect.poll(() => envelopes.find(({ body }) => body.includes("browser error for the Sentry fake")), { timeout: 30_000 }).toBeDefined();
    const envelope = envelopes.find(({ body }) => body.includes("browser error for the Sentry fake"))!;
    expect(envelope.path).toMatch(/^\/api\/42\/envelope\//);
    expect(envelope.body).toContain("epic@e2e-browser");
    expect(envelope.body).toContain('"runtime":"browser"');
    expect(envelope.body).toContain(`"request_id":"${requestId}"`);
    expect(envelope.body).not.toContain("e2e-secret-query");
    await context.close();
  });

  await test.step("the server without SENTRY_DSN sent nothing", async () => {
    expect(envelopes.some(({ body }) => body.includes("browser error without Sentry"))).toBe(false);
  });
});
