import { describe, expect, it } from "vitest";
import { mapWithLimit } from "./map-with-limit";

describe("mapWithLimit", () => {
  it("keeps the order of results with at most `limit` calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapWithLimit([30, 10, 20, 5], 2, async (ms) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40, 10]);
    expect(most).toBe(2);
  });

  it("throws the first error only after the calls in flight settled, and starts no new one", async () => {
    const settled: string[] = [];
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const mapping = mapWithLimit(["fails", "slow", "never"], 2, async (item) => {
      if (item === "fails") throw new Error("database unreachable");
      if (item === "slow") await slowGate;
      settled.push(item);
      return item;
    });
    let isRejected = false;
    mapping.catch(() => (isRejected = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // "slow" is still executing: the failure must wait for it.
    expect(isRejected).toBe(false);
    releaseSlow();
    await expect(mapping).rejects.toThrow("database unreachable");
    expect(settled).toEqual(["slow"]);
  });
});
