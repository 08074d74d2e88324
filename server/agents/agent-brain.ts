// What the agents think with: the offline spec compiler (zero setup, deterministic) or a real
// model through the AI SDK. Agents ask for typed results and get token usage and cost back;
// neither they nor the pipeline know which is behind it.
import { createAgentModel, filesPrompt, planPrompt, repairFilesPrompt, type AgentModel, type LlmEnv, type QaFailure, type RunBudget, type TokenUsage } from "../llm";
import { compilePlan, generateCode, generateDataLayer, generateInfra, repairFiles } from "../llm/offline";
import type { FileAgentName } from "~/server/plan/agent-names";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
export type AgentResult<T> = { value: T; usage: TokenUsage; costUsd: number; attempts: number };
export type FileSet = { summary: string; files: TGeneratedFile[] };

export type AgentBrain = {
  /** Shown in the UI, e.g. "Offline spec compiler" or "openai · gpt-5-mini". */
  label: string;
  isOffline: boolean;
  /** Recorded on each AgentTask so usage and cost can be broken down per provider and model. */
  model: { provider: string; name: string };
  compilePlan(input: { prompt: string; previousPlan?: TPlan | null; budget?: RunBudget }): Promise<AgentResult<TPlan>>;
  writeFiles(input: { agent: FileAgentName; plan: TPlan; prompt?: string; previousFiles?: TGeneratedFile[]; budget?: RunBudget }): Promise<AgentResult<FileSet>>;
  repairFiles(input: { plan: TPlan; files: TGeneratedFile[]; failures: QaFailure[]; budget?: RunBudget }): Promise<AgentResult<FileSet>>;
};

const free = { usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, attempts: 1 };

const offlineWriters: Record<FileAgentName, { write: (plan: TPlan) => TGeneratedFile[]; summary: string }> = {
  CodeGen: { write: generateCode, summary: "Pages, components and styles" },
  DB: { write: generateDataLayer, summary: "Schema, seed data and the data layer" },
  Infra: { write: generateInfra, summary: "Dockerfile, vercel.json, CI workflow, README and tests" },
};

export function createOfflineBrain(): AgentBrain {
  return {
    label: "Offline spec compiler",
    isOffline: true,
    model: { provider: "offline", name: "spec-compiler" },
    compilePlan: async ({ prompt, previousPlan }) => ({ ...free, value: compilePlan(prompt, previousPlan ? { plan: previousPlan } : undefined) }),
    writeFiles: async ({ agent, plan }) => ({ ...free, value: { summary: offlineWriters[agent].summary, files: offlineWriters[agent].write(plan) } }),
    repairFiles: async ({ plan, files, failures }) => ({
      ...free,
      value: { summary: "Regenerated the failing parts from the plan", files: repairFiles(plan, files, failures.map((failure) => `${failure.checkId}: ${failure.message}`)) },
    }),
  };
}

export function createModelBrain(model: AgentModel): AgentBrain {
  return {
    label: `${model.provider} · ${model.model}`,
    isOffline: false,
    model: { provider: model.provider, name: model.model },
    compilePlan: ({ prompt, previousPlan, budget }) =>
      model.generateStructured({ ...planPrompt({ userPrompt: prompt, previousPlan: previousPlan ?? undefined }), budget }),
    writeFiles: ({ agent, plan, prompt, previousFiles, budget }) =>
      model.generateStructured({ ...filesPrompt({ agent, plan, userPrompt: prompt, previousFiles }), budget }),
    repairFiles: ({ plan, files, failures, budget }) => model.generateStructured({ ...repairFilesPrompt({ plan, files, failures }), budget }),
  };
}

/** The brain a workspace chose. Keys come from the environment; a missing one is a clear error. */
export function brainForWorkspace(settings: { modelProvider: string; modelName: string | null }, env: LlmEnv): AgentBrain {
  if (settings.modelProvider === "offline") return createOfflineBrain();
  return createModelBrain(createAgentModel({ provider: settings.modelProvider, modelName: settings.modelName }, env));
}
