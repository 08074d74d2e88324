// List prices in USD per million tokens, used to charge a run's USD budget. Prices change and new
// models appear faster than this table: LLM_PRICES extends/overrides it, and an unpriced model
// costs 0 (its tokens are still counted, so a token budget still protects the run).
import type { ModelProvider, TokenUsage } from "./agent-model";

export type ModelPrice = { inputPerMillion: number; outputPerMillion: number };
/** Keyed "provider:model", e.g. "openai:gpt-5-mini". */
export type PriceTable = Record<string, ModelPrice>;

const price = (inputPerMillion: number, outputPerMillion: number): ModelPrice => ({ inputPerMillion, outputPerMillion });

/** Published standard-tier prices for uncached input (cached input is billed less: an upper bound). */
export const defaultPrices: PriceTable = {
  "openai:gpt-5": price(1.25, 10),
  "openai:gpt-5-mini": price(0.25, 2),
  "openai:gpt-5-nano": price(0.05, 0.4),
  "openai:gpt-4.1": price(2, 8),
  "openai:gpt-4.1-mini": price(0.4, 1.6),
  "openai:gpt-4.1-nano": price(0.1, 0.4),
  "openai:gpt-4o": price(2.5, 10),
  "openai:gpt-4o-mini": price(0.15, 0.6),
  "anthropic:claude-opus-4-5": price(5, 25),
  "anthropic:claude-opus-4-1": price(15, 75),
  "anthropic:claude-opus-4-0": price(15, 75),
  "anthropic:claude-sonnet-4-5": price(3, 15),
  "anthropic:claude-sonnet-4-0": price(3, 15),
  "anthropic:claude-haiku-4-5": price(1, 5),
  "anthropic:claude-3-haiku": price(0.25, 1.25),
};

/**
 * The price of `model`, or undefined when unknown. Dated snapshots ("claude-sonnet-4-5-20250929",
 * "gpt-5-mini-2025-08-07") fall back to their alias. OpenAI-compatible servers are free unless
 * priced explicitly (local models; OpenRouter users add their models to LLM_PRICES).
 */
export function findModelPrice(provider: ModelProvider, model: string, overrides: PriceTable = {}): ModelPrice | undefined {
  const table = { ...defaultPrices, ...overrides };
  const undated = model.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, "");
  return table[`${provider}:${model}`] ?? table[`${provider}:${undated}`];
}

export function costOf(usage: TokenUsage, modelPrice: ModelPrice | undefined): number {
  if (!modelPrice) return 0;
  return (usage.inputTokens * modelPrice.inputPerMillion + usage.outputTokens * modelPrice.outputPerMillion) / 1_000_000;
}
