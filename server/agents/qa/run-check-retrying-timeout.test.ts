import { describe, expect, it } from "vitest";
import { runCheckRetryingTimeout, type CheckResult } from "./run-acceptance-checks";

const base: CheckResult = { id: "loads", description: "the app loads", requirementIds: [], passed: true, status: "passed", blockedRequests: [], durationMs: 100 };
const passed = { result: base, screenshot: null };
const timedOut = { result: { ...base, passed: false, status: "failed" as const, isTimedOut: true, message: "step 1 (open /): timed out: Timeout 10000ms exceeded." }, screenshot: null };
const failed = { result: { ...base, passed: false, status: "failed" as const, message: 'step 2: expected to see "Todos"' }, screenshot: null };

function tries(...runs: Array<{ result: CheckResult; screenshot: null }>) {
  const queue = [...runs];
  let count = 0;
  return {
    run: async () => {
      count++;
      return queue.shift()!;
    },
    count: () => count,
  };
}

describe("runCheckRetryingTimeout", () => {
  it("runs a check that passed or failed on its own merits once", async () => {
    for (const outcome of [passed, failed]) {
      const check = tries(outcome);
      expect((await runCheckRetryingTimeout(check.run)).result).toEqual(outcome.result);
      expect(check.count()).toBe(1);
    }
  });

  it("retries a timeout once: a pass then is a pass that says the first try timed out", async () => {
    const check = tries(timedOut, passed);
    const { result } = await runCheckRetryingTimeout(check.run);
    expect(check.count()).toBe(2);
    expect(result).toMatchObject({ passed: true, status: "passed", durationMs: 200 });
    expect(result.message).toMatch(/^passed on a second try; the first timed out/);
  });

  it("a second timeout counts as a failure reported as timed out; a real failure on the retry is a failure", async () => {
    const twice = await runCheckRetryingTimeout(tries(timedOut, timedOut).run);
    expect(twice.result).toMatchObject({ passed: false, status: "failed", isTimedOut: true });
    expect(twice.result.message).toMatch(/^timed out twice: step 1/);
    const then = await runCheckRetryingTimeout(tries(timedOut, failed).run);
    expect(then.result.isTimedOut).toBeUndefined();
    expect(then.result.message).toMatch(/^failed on a second try after a timeout: step 2/);
  });
});
