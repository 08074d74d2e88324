// The one interface every agent codes against. Providers (OpenAI, Anthropic, OpenAI-compatible,
// and the deterministic offline generator) differ only behind it.
import type { z } from "zod";
import type { ModelPrice } from "./pricing";
import type { RunBudget } from "./run-budget";

export const modelProviders = ["offline", "openai", "anthropic", "openai-compatible"] as const;
export type ModelProvider = (typeof modelProviders)[number];

export type TokenUsage = { inputTokens: number; outputTokens: number };

/** What an agent asks for: one JSON value matching `schema`. */
export type StructuredRequest<Schema extends z.ZodType> = {
  /** Agent task name, e.g. "PromptCompiler.plan"; used in errors, logs and by the offline generator. */
  task: string;
  system: string;
  prompt: string;
  /** Root must be a z.object: OpenAI and Anthropic only accept object-rooted JSON schemas. */
  schema: Schema;
  maxOutputTokens?: number;
  /** Checked before every attempt (repairs included) and charged after it. */
  budget?: RunBudget;
  abortSignal?: AbortSignal;
};

export type StructuredResult<Value> = {
  value: Value;
  /** Summed over every attempt, failed ones included. */
  usage: TokenUsage;
  costUsd: number;
  /** 1 when the first reply was valid. */
  attempts: number;
};

export type AgentModel = {
  provider: ModelProvider;
  /** The provider's model id, e.g. "gpt-5-mini"; the offline generator reports its own. */
  model: string;
  /** Undefined when the model is unpriced: its calls cost $0, so only a token budget limits it. */
  price?: ModelPrice;
  generateStructured<Schema extends z.ZodType>(request: StructuredRequest<Schema>): Promise<StructuredResult<z.output<Schema>>>;
};
