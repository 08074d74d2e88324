// Builds the AgentModel a workspace asked for (Workspace.modelProvider / modelName) from the
// server's environment. Keys and URLs only ever come from the environment.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { Env } from "../env";
import { modelProviders, type AgentModel, type ModelProvider } from "./agent-model";
import { ModelConfigurationError } from "./errors";
import { generateStructured, type StructuredGenerationSettings } from "./generate-structured";
import { findModelPrice } from "./pricing";
import { withCallTimeout } from "./provider-failure";

export type LlmEnv = Partial<
  Pick<
    Env,
    | "OPENAI_API_KEY"
    | "OPENAI_BASE_URL"
    | "OPENAI_MODEL"
    | "ANTHROPIC_API_KEY"
    | "ANTHROPIC_BASE_URL"
    | "ANTHROPIC_MODEL"
    | "OPENAI_COMPATIBLE_BASE_URL"
    | "OPENAI_COMPATIBLE_API_KEY"
    | "OPENAI_COMPATIBLE_NAME"
    | "OPENAI_COMPATIBLE_MODEL"
    | "LLM_PRICES"
    | "LLM_TIMEOUT_SECONDS"
  >
>;

export type ModelSettings = { provider: string; modelName?: string | null };

/** Plugs in the deterministic offline generator (server/llm/offline), which needs no keys. */
export type OfflineModelFactory = (settings: { modelName?: string }) => AgentModel;

export type CreateAgentModelOptions = {
  offline?: OfflineModelFactory;
  /** Custom fetch for every provider (proxies, tracing, tests). */
  fetch?: typeof globalThis.fetch;
  maxRepairAttempts?: number;
  maxTransportRetries?: number;
};

export const defaultModels = { openai: "gpt-5-mini", anthropic: "claude-sonnet-4-5" } as const;

/** Per HTTP request to a provider, when LLM_TIMEOUT_SECONDS is unset: long enough for a big file set. */
export const defaultCallTimeoutSeconds = 180;

export function createAgentModel(settings: ModelSettings, env: LlmEnv, options: CreateAgentModelOptions = {}): AgentModel {
  const provider = parseProvider(settings.provider);
  const modelName = settings.modelName?.trim() || undefined;
  if (provider === "offline") {
    if (!options.offline) throw new ModelConfigurationError("offline", "The offline generator is not available in this process.");
    return options.offline({ modelName });
  }
  const fetch = withCallTimeout(options.fetch, (env.LLM_TIMEOUT_SECONDS ?? defaultCallTimeoutSeconds) * 1000);
  const { model, modelId, providerOptions } = createLanguageModel(provider, modelName, env, fetch);
  const generation: StructuredGenerationSettings = {
    model,
    provider,
    modelId,
    price: findModelPrice(provider, modelId, env.LLM_PRICES),
    providerOptions,
    maxRepairAttempts: options.maxRepairAttempts,
    maxTransportRetries: options.maxTransportRetries,
  };
  return {
    provider,
    model: modelId,
    price: generation.price,
    generateStructured: (request) => generateStructured(generation, request),
  };
}

function parseProvider(value: string): ModelProvider {
  const provider = modelProviders.find((candidate) => candidate === value);
  if (!provider) {
    throw new ModelConfigurationError(value, `Unknown model provider "${value}"; expected one of ${modelProviders.join(", ")}.`);
  }
  return provider;
}

type LanguageModelSetup = {
  model: LanguageModel;
  modelId: string;
  providerOptions?: StructuredGenerationSettings["providerOptions"];
};

function createLanguageModel(
  provider: Exclude<ModelProvider, "offline">,
  modelName: string | undefined,
  env: LlmEnv,
  fetch: typeof globalThis.fetch | undefined,
): LanguageModelSetup {
  switch (provider) {
    case "openai": {
      const apiKey = required(provider, "OPENAI_API_KEY", env.OPENAI_API_KEY, "an OpenAI API key");
      const modelId = modelName ?? env.OPENAI_MODEL ?? defaultModels.openai;
      const openai = createOpenAI({ apiKey, baseURL: env.OPENAI_BASE_URL, fetch });
      return {
        // The Responses API, as `openai(model)` uses by default: required by OpenAI's newest models.
        model: openai.responses(modelId),
        modelId,
        providerOptions: {
          // Strict mode rejects schemas with optional/defaulted fields (the plan has many); we
          // validate with zod and repair instead. `store: false`: users' prompts are not kept at OpenAI.
          openai: { strictJsonSchema: false, store: false },
        },
      };
    }
    case "anthropic": {
      const apiKey = required(provider, "ANTHROPIC_API_KEY", env.ANTHROPIC_API_KEY, "an Anthropic API key");
      const modelId = modelName ?? env.ANTHROPIC_MODEL ?? defaultModels.anthropic;
      const anthropic = createAnthropic({ apiKey, baseURL: env.ANTHROPIC_BASE_URL, fetch });
      // Structured output mode stays "auto": native output_format when the model and schema allow
      // it, otherwise a forced "json" tool. Both come back through the same validation.
      return { model: anthropic.messages(modelId), modelId };
    }
    case "openai-compatible": {
      const baseURL = required(provider, "OPENAI_COMPATIBLE_BASE_URL", env.OPENAI_COMPATIBLE_BASE_URL, "the server's URL");
      const modelId = modelName ?? env.OPENAI_COMPATIBLE_MODEL;
      if (!modelId) {
        throw new ModelConfigurationError(
          provider,
          "No model chosen for the OpenAI-compatible provider: set the workspace's model name or OPENAI_COMPATIBLE_MODEL.",
          { envVar: "OPENAI_COMPATIBLE_MODEL" },
        );
      }
      const compatible = createOpenAICompatible({
        name: env.OPENAI_COMPATIBLE_NAME ?? "openai-compatible",
        baseURL,
        apiKey: env.OPENAI_COMPATIBLE_API_KEY,
        fetch,
        // Ollama, LM Studio, vLLM and OpenRouter accept response_format json_schema (LM Studio
        // rejects json_object), so send the schema rather than bare JSON mode.
        supportsStructuredOutputs: true,
      });
      return {
        model: compatible.chatModel(modelId),
        modelId,
        providerOptions: { openaiCompatible: { strictJsonSchema: false } },
      };
    }
  }
}

function required(provider: ModelProvider, envVar: string, value: string | undefined, what: string): string {
  if (value) return value;
  throw new ModelConfigurationError(
    provider,
    `The workspace uses the "${provider}" model provider, but ${envVar} is not set: set it to ${what}, or pick another provider.`,
    { envVar },
  );
}
