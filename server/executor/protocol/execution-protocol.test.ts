import { describe, expect, it } from "vitest";
import { buildExecutionBody, parseExecutionResponse } from "./execution-protocol";

const headers = (entries: Record<string, string> = {}) => new Headers(entries);

describe("parseExecutionResponse", () => {
  it("reads a completed function (200) and its return value", () => {
    expect(parseExecutionResponse(200, headers(), '{"ok":true}')).toEqual({ kind: "completed", output: { ok: true } });
    expect(parseExecutionResponse(200, headers(), "")).toEqual({ kind: "completed", output: null });
  });

  it("reads ops (206) with their retry-after", () => {
    const result = parseExecutionResponse(
      206,
      headers({ "retry-after": "5" }),
      JSON.stringify([{ id: "abc", op: "StepError", name: "x", error: { message: "boom" } }]),
    );
    expect(result).toMatchObject({ kind: "ops", retryAfter: "5", ops: [{ id: "abc", op: "StepError" }] });
  });

  it("tells a retriable function error from a final one by x-inngest-no-retry", () => {
    expect(parseExecutionResponse(500, headers({ "x-inngest-no-retry": "false" }), '{"name":"Error","message":"m"}')).toMatchObject({
      kind: "function-error",
      isRetriable: true,
      error: { message: "m" },
    });
    expect(parseExecutionResponse(400, headers({ "x-inngest-no-retry": "true" }), '{"message":"no"}')).toMatchObject({
      kind: "function-error",
      isRetriable: false,
    });
  });

  it("reports answers that are not the SDK's as unexpected", () => {
    expect(parseExecutionResponse(401, headers(), '{"message":"Unauthorized"}')).toMatchObject({ kind: "unexpected", status: 401 });
    expect(parseExecutionResponse(206, headers(), '[{"op":"Nope"}]')).toMatchObject({ kind: "unexpected", status: 206 });
    expect(parseExecutionResponse(200, headers(), "<html>")).toMatchObject({ kind: "unexpected" });
  });
});

describe("buildExecutionBody", () => {
  it("sends the memoized steps, the completion order and the attempt, without fn_id", () => {
    const body = buildExecutionBody({
      functionId: "app-fn",
      stepId: "step",
      runId: "run-1",
      attempt: 2,
      maxAttempts: 4,
      event: { name: "e", data: {} },
      steps: { a: { type: "data", data: 1 } },
      stack: ["a"],
    });
    expect(body).toEqual({
      event: { name: "e", data: {} },
      events: [{ name: "e", data: {} }],
      steps: { a: { type: "data", data: 1 } },
      ctx: {
        run_id: "run-1",
        attempt: 2,
        max_attempts: 4,
        disable_immediate_execution: false,
        use_api: false,
        stack: { stack: ["a"], current: 1 },
      },
      version: 2,
    });
  });
});
