// The model layer's public surface: import from "~/server/llm".
export { modelProviders, type AgentModel, type ModelProvider, type StructuredRequest, type StructuredResult, type TokenUsage } from "./agent-model";
export {
  createAgentModel,
  defaultModels,
  type CreateAgentModelOptions,
  type LlmEnv,
  type ModelSettings,
  type OfflineModelFactory,
} from "./create-agent-model";
export { BudgetExceededError, ModelConfigurationError, ModelProviderError, PlanCompileError, StructuredOutputError } from "./errors";
export { generateStructured, type StructuredGenerationSettings } from "./generate-structured";
export { parseStructuredText } from "./parse-structured-text";
export { costOf, defaultPrices, findModelPrice, type ModelPrice, type PriceTable } from "./pricing";
export {
  defaultTargetStack,
  fenceData,
  filesPrompt,
  planPrompt,
  repairFilesPrompt,
  repairPrompt,
  ZAgentFiles,
  type QaFailure,
  type StructuredPrompt,
  type TAgentFiles,
} from "./prompts";
export { createRunBudget, type BudgetLimit, type BudgetTotals, type RunBudget, type RunBudgetOptions } from "./run-budget";
