// Conformance with the installed Inngest SDK: the executor's side of the wire protocol
// (buildExecutionBody, parseExecutionResponse, syncFunctions, request signing) against the SDK's
// real serve handler, one opcode at a time, with no database. The executor speaks a protocol the
// SDK does not promise to keep, so `inngest` is pinned exactly in package.json; an upgrade must
// change the pin and `verifiedInngestVersion` together, after these tests (and executor.test.ts,
// end to end) pass on the new version. See server/executor/README.md, "Upgrading the SDK".
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { createNextServeHandler } from "../testing/next-serve-handler";
import { callFunction } from "./call-function";
import type { ExecutionRequest, ExecutionResult, OutgoingOp, StepState } from "./execution-protocol";
import { syncFunctions } from "./function-registry";
import { parseDurationMs } from "./parse-duration";
import type { ServeTransport } from "./serve-transport";

/** The SDK version the protocol code was last verified against. */
const verifiedInngestVersion = "4.24.0";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const readVersions = () => ({
  installed: (JSON.parse(readFileSync(path.join(root, "node_modules/inngest/package.json"), "utf8")) as { version: string }).version,
  pinned: (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies.inngest,
});

const signingKey = `signkey-test-${"c0".repeat(32)}`;
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
// Configured like the app in embedded mode: not in dev mode, so every request must be signed.
const client = new Inngest({ id: "conformance", isDev: false, signingKey, eventKey: "unused", logger: silent });

const everyWait = client.createFunction(
  {
    id: "every-wait",
    triggers: [{ event: "conformance.wait" }],
    retries: 2,
    concurrency: { limit: 1, key: "event.data.key" },
    cancelOn: [{ event: "conformance.stop", match: "data.key" }],
    idempotency: "event.data.key",
    rateLimit: { limit: 1, period: "1m" },
  },
  async ({ step }) => {
    const first = await step.run("first", () => 1);
    const [left, right] = await Promise.all([step.run("left", () => "L"), step.run("right", () => "R")]);
    await step.sleep("nap", "1s");
    const reply = await step.waitForEvent("reply", { event: "conformance.reply", match: "data.key", timeout: "1h" });
    const invoked = await step.invoke("call-other", { function: failing, data: { value: 7 } });
    return { first, left, right, reply, invoked };
  },
);
const failing = client.createFunction({ id: "failing", triggers: [{ event: "conformance.fail" }] }, async ({ step }) => {
  await step.run("flaky", () => {
    throw new Error("boom");
  });
});
const failingForGood = client.createFunction({ id: "failing-for-good", triggers: [{ event: "conformance.final" }] }, async ({ step }) => {
  await step.run("doomed", () => {
    throw new NonRetriableError("never");
  });
});
const throwing = client.createFunction({ id: "throwing", triggers: [{ event: "conformance.throw" }] }, async ({ event }) => {
  if (event.data.kind === "retry-after") throw new RetryAfterError("later", "30s");
  if (event.data.kind === "fatal") throw new NonRetriableError("fatal");
  throw new Error("plain");
});

const transport: ServeTransport = {
  handler: createNextServeHandler(client, [everyWait, failing, failingForGood, throwing]),
  serveUrl: "http://localhost:3000/api/inngest",
  signingKey,
};

/** One execution request as the driver builds it; `memo` lists finished steps in completion order. */
function execute(
  functionId: string,
  event: Record<string, unknown>,
  { stepId = "step", memo = [], attempt = 0, maxAttempts = 3 }: { stepId?: string; memo?: [string, StepState][]; attempt?: number; maxAttempts?: number } = {},
): Promise<ExecutionResult> {
  const request: ExecutionRequest = {
    functionId: `conformance-${functionId}`,
    stepId,
    runId: "conformance-run",
    attempt,
    maxAttempts,
    event,
    steps: Object.fromEntries(memo),
    stack: memo.map(([id]) => id),
  };
  return callFunction(transport, request);
}

function opsOf(result: ExecutionResult): OutgoingOp[] {
  if (result.kind !== "ops") throw new Error(`Expected ops, got ${JSON.stringify(result)}`);
  return result.ops;
}

const data = (value: unknown): StepState => ({ type: "data", data: value });

describe(`the Inngest SDK's serve protocol (verified against inngest ${verifiedInngestVersion})`, () => {
  it("is the version the protocol was verified against, pinned exactly", () => {
    const { installed, pinned } = readVersions();
    expect(pinned).toBe(installed);
    expect(installed).toBe(verifiedInngestVersion);
  });

  it("describes its functions in an in-band sync, and reports options the executor ignores", async () => {
    const registry = await syncFunctions(transport);
    expect(registry.appId).toBe("conformance");
    expect(registry.functions.get("conformance-every-wait")).toEqual({
      id: "conformance-every-wait",
      name: "every-wait",
      triggers: [{ event: "conformance.wait", expression: null }],
      maxAttempts: 3,
      concurrency: [{ limit: 1, key: "event.data.key", scope: "fn" }],
      cancelOn: [{ event: "conformance.stop", if: "event.data.key == async.data.key", timeout: null }],
      idempotency: "event.data.key",
      ignoredOptions: ["rateLimit"],
    });
    // Inngest's default: 3 retries.
    expect(registry.functions.get("conformance-failing")?.maxAttempts).toBe(4);
  });

  it("refuses unsigned requests outside dev mode", async () => {
    const unsigned = await callFunction(
      { ...transport, signingKey: undefined },
      { functionId: "conformance-failing", stepId: "step", runId: "r", attempt: 0, maxAttempts: 1, event: { name: "conformance.fail", data: {} }, steps: {}, stack: [] },
    );
    expect(unsigned).toMatchObject({ kind: "unexpected", status: 401 });
  });

  it("walks every kind of step: run, parallel plan, sleep, waitForEvent, invoke, then completes", async () => {
    const event = { name: "conformance.wait", data: { key: "k1" } };
    // A single new step runs right away, inside the discovery request.
    const [first] = opsOf(await execute("every-wait", event));
    expect(first).toMatchObject({ op: "StepRun", name: "first", data: 1 });
    const memo: [string, StepState][] = [[first!.id, data(1)]];

    // Two at once (Promise.all) are only planned; each then runs with its own stepId.
    const planned = opsOf(await execute("every-wait", event, { memo: [...memo] }));
    expect(planned.map((op) => [op.op, op.name])).toEqual([
      ["StepPlanned", "left"],
      ["StepPlanned", "right"],
    ]);
    for (const op of planned) {
      const [ran] = opsOf(await execute("every-wait", event, { stepId: op.id, memo: [...memo] }));
      expect(ran).toMatchObject({ id: op.id, op: "StepRun" });
      memo.push([op.id, data(ran!.data)]);
    }

    const [sleep] = opsOf(await execute("every-wait", event, { memo: [...memo] }));
    expect(sleep).toMatchObject({ op: "Sleep", displayName: "nap" });
    expect(parseDurationMs(sleep!.name ?? "")).toBe(1000);
    memo.push([sleep!.id, data(null)]);

    const [wait] = opsOf(await execute("every-wait", event, { memo: [...memo] }));
    // `match` arrives as a CEL `if`: `event` is the run's trigger, `async` the awaited event.
    expect(wait).toMatchObject({ op: "WaitForEvent", name: "conformance.reply", opts: { timeout: "1h", if: "event.data.key == async.data.key" } });
    memo.push([wait!.id, data(null)]);

    const [invoke] = opsOf(await execute("every-wait", event, { memo: [...memo] }));
    expect(invoke).toMatchObject({ op: "InvokeFunction", opts: { function_id: "conformance-failing", payload: { data: { value: 7 } } } });
    memo.push([invoke!.id, data("invoked")]);

    expect(await execute("every-wait", event, { memo })).toEqual({
      kind: "completed",
      output: { first: 1, left: "L", right: "R", reply: null, invoked: "invoked" },
    });
  });

  it("reports a step's error as StepError while attempts remain, StepFailed on the last or for NonRetriableError", async () => {
    const event = { name: "conformance.fail", data: {} };
    const [retriable] = opsOf(await execute("failing", event, { attempt: 0, maxAttempts: 3 }));
    expect(retriable).toMatchObject({ op: "StepError", name: "flaky", error: { message: "boom" } });
    const [last] = opsOf(await execute("failing", event, { attempt: 2, maxAttempts: 3 }));
    expect(last).toMatchObject({ op: "StepFailed", error: { message: "boom" } });
    const [final] = opsOf(await execute("failing-for-good", { name: "conformance.final", data: {} }));
    expect(final).toMatchObject({ op: "StepFailed", error: { name: "NonRetriableError", message: "never" } });
  });

  it("reports errors outside steps as function errors: retriable, retriable after a delay, or final", async () => {
    const thrown = (kind: string) => execute("throwing", { name: "conformance.throw", data: { kind } });
    expect(await thrown("plain")).toMatchObject({ kind: "function-error", isRetriable: true, retryAfter: null, error: { message: "plain" } });
    expect(await thrown("retry-after")).toMatchObject({ kind: "function-error", isRetriable: true, retryAfter: "30", error: { name: "RetryAfterError" } });
    expect(await thrown("fatal")).toMatchObject({ kind: "function-error", isRetriable: false, error: { name: "NonRetriableError", message: "fatal" } });
  });
});
