import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable, retryWhileUnreachable, writeFinishedWork } from "./retry-while-unreachable";

const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });

describe("retryWhileUnreachable", () => {
  it("tells an outage from other errors", () => {
    expect(isDatabaseUnreachable(unreachable)).toBe(true);
    expect(isDatabaseUnreachable(new Error("DriverAdapterError: DatabaseNotReachable"))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("duplicate key"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnreachable(new Error("Run not found"))).toBe(false);
  });

  it("waits out an outage and returns the write's result once the database answers", async () => {
    let calls = 0;
    const retried: number[] = [];
    const result = await retryWhileUnreachable(
      async () => {
        calls += 1;
        if (calls < 3) throw unreachable;
        return "stored";
      },
      { giveUpAfterMs: 10_000, onRetry: (_error, waitedMs) => retried.push(waitedMs) },
    );
    expect(result).toBe("stored");
    expect(calls).toBe(3);
    expect(retried).toHaveLength(2);
  });

  it("throws any other error at once, and an outage once it has waited long enough or is told to stop", async () => {
    let calls = 0;
    const other = new Error("constraint failed");
    await expect(retryWhileUnreachable(async () => { calls += 1; throw other; }, { giveUpAfterMs: 10_000 })).rejects.toBe(other);
    expect(calls).toBe(1);
    await expect(retryWhileUnreachable(async () => { throw unreachable; }, { giveUpAfterMs: 0 })).rejects.toBe(unreachable);
    await expect(retryWhileUnreachable(async () => { throw unreachable; }, { giveUpAfterMs: 10_000, shouldStop: () => true })).rejects.toBe(unreachable);
  });

  it("a finished work's write logs each wait with the caller's fields and stores once the database is back", async () => {
    const warnings: Array<{ fields: Record<string, unknown>; message: string }> = [];
    let calls = 0;
    const stored = await writeFinishedWork({ warn: (fields, message) => warnings.push({ fields, message }) }, "waiting to store", { runId: "r1" }, async () => {
      calls += 1;
      if (calls < 2) throw unreachable;
      return "kept";
    });
    expect(stored).toBe("kept");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ message: "waiting to store", fields: { runId: "r1", err: unreachable } });
  });
});
