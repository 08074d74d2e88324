// Bounded input, against the running server: oversized bodies are refused while they stream in,
// bad text gets a 400 that names the problem (never a 500 or a database message), and batches
// and URLs have limits. Raw node:http where the browser's or Playwright's client would get in the way.
import http from "node:http";
import { expect, test } from "@playwright/test";
import superjson from "superjson";
import { signUp, uniqueEmail } from "../support/users";

/**
 * Sends `bodyBytes` of junk and resolves at the answer: status, milliseconds, and how much had been
 * sent by then. Status 0 means the server cut the connection and no answer reached us: when a
 * server closes with unread upload data, TCP resets the connection, and the reset can discard an
 * answer already sent but not yet read (more likely on a busy machine).
 */
function postHuge(port: number, path: string, bodyBytes: number, { declareLength }: { declareLength: boolean }) {
  return new Promise<{ status: number; ms: number; body: string; sentBeforeAnswer: number }>((resolve, reject) => {
    let sent = 0;
    const startedAt = performance.now();
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: { "content-type": "application/json", ...(declareLength ? { "content-length": String(bodyBytes) } : { "transfer-encoding": "chunked" }) },
      },
      (response) => {
        const ms = performance.now() - startedAt;
        const sentBeforeAnswer = sent;
        let body = "";
        const done = () => {
          resolve({ status: response.statusCode ?? 0, ms, body, sentBeforeAnswer });
          request.destroy(); // stop uploading the rest
        };
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        // The server may cut the connection right after its answer: that ends the body too.
        response.on("end", done);
        response.on("close", done);
      },
    );
    // The server may close while we are still sending: that is the point.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (!["EPIPE", "ECONNRESET", "ERR_STREAM_DESTROYED"].includes(error.code ?? "")) return reject(error);
      // An answer already on its way still arrives after this; give it a moment, else report the cut.
      const cutAt = sent;
      const ms = performance.now() - startedAt;
      setTimeout(() => resolve({ status: 0, ms, body: "", sentBeforeAnswer: cutAt }), 2_000);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (sent < bodyBytes && !request.destroyed) {
        sent += chunk.length;
        if (!request.write(chunk)) return request.once("drain", pump);
      }
      if (!request.destroyed) request.end();
    };
    pump();
    // Neither an answer nor a cut: say so (status -1) rather than hang the test.
    setTimeout(() => {
      request.destroy();
      resolve({ status: -1, ms: performance.now() - startedAt, body: "", sentBeforeAnswer: sent });
    }, 20_000).unref();
  });
}

// Behaviour, not speed: the answer comes while the body is still streaming in (the server never
// reads it all). How long it took is recorded as an annotation; `npm run bench` is where speed is measured.
test("a 25 MB body is refused before it has been sent, on routes with and without a login", async ({ request, baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const size = 25 * 1024 * 1024;
  const answered: string[] = [];
  const messages: string[] = [];
  for (const path of ["/api/trpc/user.signUp", "/api/auth/callback/credentials", "/api/trpc/project.create"]) {
    // A first call loads the route's code; a cold start is not what is measured here.
    await request.post(path, { data: "{}" });
    for (const declareLength of [true, false]) {
      const how = `${path} ${declareLength ? "with" : "without"} Content-Length`;
      let answer = await postHuge(port, path, size, { declareLength });
      if (answer.status === -1) {
        // Seen once in CI (2026-11-27, chunked upload to the credentials route): no answer and no
        // cut within 20 s, cause not found. Recorded, and the refusal must hold on a second try.
        test.info().annotations.push({ type: "no answer", description: `${how}: nothing within 20 s after ${answer.sentBeforeAnswer} bytes; tried again` });
        answer = await postHuge(port, path, size, { declareLength });
      }
      const { status, ms, body, sentBeforeAnswer } = answer;
      // Refused either way: the 413, or a connection cut before half the body was sent (its 413 lost
      // to the reset; see postHuge). At least one 413 with its message is required below.
      expect([413, 0], how).toContain(status);
      if (status === 413) answered.push(how);
      else test.info().annotations.push({ type: "cut", description: `${how}: the connection was reset before the 413 could be read` });
      expect(sentBeforeAnswer, `${how}: answered after ${sentBeforeAnswer} of ${size} bytes`).toBeLessThan(size / 2);
      test.info().annotations.push({ type: "refused", description: `${how}: ${Math.round(ms)} ms, ${(sentBeforeAnswer / 1024 / 1024).toFixed(1)} MB sent` });
      // The server closes the connection right after its answer to stop the upload; on a busy
      // machine that close can reach the client before the answer's body does. The 413 is the
      // behaviour; the message is checked whenever it arrived.
      if (body) {
        expect(body, how).toContain("larger than the limit");
        messages.push(how);
      } else if (status === 413) test.info().annotations.push({ type: "body cut", description: `${how}: the connection closed before the message arrived` });
    }
  }
  // The refusal is a real 413 that says why, not only a dropped connection.
  expect(answered.length, "no oversized request got its 413").toBeGreaterThan(0);
  expect(messages.length, "no 413 carried its message").toBeGreaterThan(0);
});

test("NUL and invalid UTF-8 give 400 with a clear message and no internal text", async ({ page }) => {
  await signUp(page, { name: "Nul", email: uniqueEmail("nul") });
  const workspaces = await page.request.get("/api/trpc/workspace.list");
  const workspaceId = (superjson.deserialize((await workspaces.json()).result.data) as Array<{ id: string }>)[0]!.id;

  const post = (procedure: string, input: unknown) => page.request.post(`/api/trpc/${procedure}`, { data: superjson.serialize(input) });
  const cases = [
    await post("project.create", { workspaceId, prompt: "An app\u0000 with a NUL" }),
    await post("workspace.rename", { workspaceId, name: "Name\u0000" }),
    await page.request.get(`/api/trpc/version.file?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ versionId: "c".repeat(25), path: "src/a\u0000.js" })))}`),
    await post("project.create", { workspaceId, prompt: "A lone surrogate \ud800 here" }),
  ];
  for (const response of cases) {
    expect(response.status()).toBe(400);
    const text = await response.text();
    expect(text).toMatch(/NUL|not valid Unicode/);
    expect(text).not.toMatch(/prisma|postgres|invalid byte sequence|0x00|\.ts:\d+|node_modules/i);
  }

  // Raw bytes that are not UTF-8 in a JSON body, and a percent-escape that is not UTF-8 in the URL.
  const raw = await page.request.fetch("/api/trpc/project.create", {
    method: "POST",
    headers: { "content-type": "application/json" },
    data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  });
  expect(raw.status()).toBe(400);
  expect(await raw.text()).toContain("not valid UTF-8");
  const url = await page.request.get("/api/trpc/workspace.list?input=%FF");
  // (Next re-encodes the query before the route sees it: %FF arrives as U+FFFD, which is not JSON.)
  expect(url.status()).toBe(400);
  expect(await url.text()).not.toMatch(/prisma|postgres|\.ts:\d+|node_modules/i);
});

test("tRPC batches and URLs are bounded; errors carry a request id", async ({ page }) => {
  await signUp(page, { name: "Batch", email: uniqueEmail("batch") });
  const paths = Array(17).fill("user.me").join(",");
  const batch = await page.request.get(`/api/trpc/${paths}?batch=1&input={}`);
  expect(batch.status()).toBe(400);
  expect(await batch.text()).toContain("Batch call exceeds maximum size");
  const long = await page.request.get(`/api/trpc/user.me?input=${"x".repeat(9000)}`);
  expect(long.status()).toBe(414);
  expect(long.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("dashboard pages carry a nonce CSP that their own scripts satisfy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/signin");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toMatch(/frame-src http:\/\/\*\.preview\.localhost:\d+/);
  // Over plain HTTP there is no HSTS (it is sent only on HTTPS responses).
  expect(response?.headers()["strict-transport-security"]).toBeUndefined();
  await signUp(page, { name: "Csp", email: uniqueEmail("csp") });
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  expect(violations).toEqual([]);
});
