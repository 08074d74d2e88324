import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { guardRoute } from "../http/route-guard";
import { addLogContext, createLogger, getLogger, REDACTED, withLogContext } from "./logger";

function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines, text: () => JSON.stringify(lines) };
}

describe("logger", () => {
  it("writes JSON lines carrying the ids of the current context", async () => {
    const { logger, lines } = captureLogger();
    await withLogContext({ requestId: "req-12345678", userId: "user-1" }, async () => {
      await Promise.resolve();
      addLogContext({ workspaceId: "ws-1" });
      await withLogContext({ runId: "run-1", step: "plan", agent: "PromptCompiler" }, async () => logger.info("planning"));
      logger.warn("after the step");
    });
    logger.info("outside");
    expect(lines[0]).toMatchObject({ level: "info", msg: "planning", requestId: "req-12345678", userId: "user-1", workspaceId: "ws-1", runId: "run-1", step: "plan", agent: "PromptCompiler" });
    expect(lines[1]).toMatchObject({ level: "warn", requestId: "req-12345678", workspaceId: "ws-1" });
    expect(lines[1]).not.toHaveProperty("runId");
    expect(lines[2]).not.toHaveProperty("requestId");
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("never writes a secret that sits under a secret's name, at any depth up to four", () => {
    const { logger, text } = captureLogger();
    const secrets = ["hunter2-password", "sk-live-apikey", "ghp_token_value", "Bearer abc.def", "session=cookie-value", "s3-credentials", "refresh-xyz", "signkey-prod-123"];
    logger.info({ password: secrets[0], apiKey: secrets[1] }, "top level");
    logger.info({ req: { headers: { authorization: secrets[3], cookie: secrets[4] } } }, "headers");
    logger.info({ integration: { token: secrets[2], credentials: secrets[5] } }, "nested");
    logger.info({ a: { b: { c: { refreshToken: secrets[6], signingKey: secrets[7] } } } }, "deep");
    logger.error({ err: Object.assign(new Error("boom"), { config: { headers: { Authorization: secrets[3] } } }) }, "error with request config");
    const written = text();
    for (const secret of secrets) expect(written).not.toContain(secret);
    expect(written).toContain(REDACTED);
    expect(written).toContain("boom");
  });

  it("goes to stdout as JSON, at LOG_LEVEL, with no secret, in a real process", () => {
    const script = `
      const { getLogger, withLogContext } = await import("./server/observability/logger.ts");
      const log = getLogger("check");
      withLogContext({ requestId: "req-abcdefgh", runId: "run-42", agent: "QA" }, () => {
        log.debug("hidden at info");
        log.info({ headers: { authorization: "Bearer top-secret-token" }, password: "pw-secret" }, "visible");
      });`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "info" } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "visible", component: "check", requestId: "req-abcdefgh", runId: "run-42", agent: "QA", password: REDACTED });
    expect(result.stdout).not.toContain("top-secret-token");
    expect(result.stdout).not.toContain("pw-secret");
  });
});

describe("request ids", () => {
  it("gives each request an id, returns it in X-Request-Id and error bodies, and logs with it", async () => {
    let seenInHandler: string | undefined;
    const route = guardRoute(async (request) => {
      seenInHandler = request.headers.get("x-request-id") ?? undefined;
      getLogger("test").info("inside");
      throw new Error("kaboom");
    });
    const response = await route(new Request("http://localhost/api/things"), undefined as never);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenInHandler).toBe(requestId);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { requestId: string }).requestId).toBe(requestId);
  });

  it("keeps a well-formed incoming X-Request-Id and replaces a malformed one", async () => {
    const route = guardRoute(async (request) => Response.json({ id: request.headers.get("x-request-id") }));
    const kept = await route(new Request("http://localhost/api/things", { headers: { "x-request-id": "edge-4f2a9c71" } }), undefined as never);
    expect(kept.headers.get("x-request-id")).toBe("edge-4f2a9c71");
    expect(await kept.json()).toEqual({ id: "edge-4f2a9c71" });
    const replaced = await route(new Request("http://localhost/api/things", { headers: { "x-request-id": "bad id\twith spaces" } }), undefined as never);
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
