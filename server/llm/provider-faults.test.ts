// A model provider answering 429, 500, garbage or nothing at all, scripted at the fake provider
// and met by the real model layer (AI SDK client over HTTP): retries with back-off that honour
// Retry-After, then a clean failure naming the provider; the run budget counts every reply that
// was paid for, failed attempts included. Outcomes only: timings are the bench's (npm run bench -- faults).
import { describe, expect, it } from "vitest";
import { providerFaultScenarios, runProviderFault } from "./testing/provider-faults";

describe("model provider faults", { timeout: 60_000 }, () => {
  it.each(providerFaultScenarios.map((scenario) => [scenario.name, scenario] as const))("%s", async (_name, scenario) => {
    const result = await runProviderFault(scenario);
    const { expected } = scenario;

    expect({ outcome: result.outcome, calls: result.calls, tokens: result.tokens }).toEqual({ outcome: expected.outcome, calls: expected.calls, tokens: expected.tokens });
    if (expected.error) expect(result.error).toMatch(expected.error);
    else expect(result.error).toBeNull();
    // Retry-After (or the per-call timeout) decides the wait, not the SDK's shorter guess.
    if (expected.minGapMs !== undefined) for (const gap of result.gapsMs) expect(gap).toBeGreaterThanOrEqual(expected.minGapMs);
  });

  it("tells a step to retry later only when waiting could help", async () => {
    const byName = (name: string) => providerFaultScenarios.find((scenario) => scenario.name === name)!;
    expect((await runProviderFault(byName("401 bad API key"))).isRetryable).toBe(false);
    expect((await runProviderFault(byName("HTML body with HTTP 200"))).isRetryable).toBe(true);
  });
});
