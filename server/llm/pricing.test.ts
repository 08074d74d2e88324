import { describe, expect, it } from "vitest";
import { costOf, findModelPrice } from "./pricing";

describe("pricing", () => {
  it("prices known models, dated snapshots through their alias, and overrides", () => {
    expect(findModelPrice("anthropic", "claude-sonnet-4-5-20250929")).toEqual({ inputPerMillion: 3, outputPerMillion: 15 });
    expect(findModelPrice("openai", "gpt-5-mini-2025-08-07")).toEqual({ inputPerMillion: 0.25, outputPerMillion: 2 });
    expect(findModelPrice("openai", "gpt-5-mini", { "openai:gpt-5-mini": { inputPerMillion: 1, outputPerMillion: 1 } })).toEqual({
      inputPerMillion: 1,
      outputPerMillion: 1,
    });
  });

  it("treats unknown and OpenAI-compatible models as free but still countable", () => {
    expect(findModelPrice("openai", "gpt-99")).toBeUndefined();
    expect(findModelPrice("openai-compatible", "gpt-5-mini")).toBeUndefined();
    expect(costOf({ inputTokens: 1_000, outputTokens: 1_000 }, undefined)).toBe(0);
    expect(costOf({ inputTokens: 2_000_000, outputTokens: 500_000 }, { inputPerMillion: 3, outputPerMillion: 15 })).toBe(13.5);
  });
});
