// What the agents think with: the offline spec compiler (zero setup, deterministic) or a real
// model through the AI SDK. Agents ask for typed results and get token usage and cost back;
// neither they nor the pipeline know which is behind it.
import { createAgentModel, filesPrompt, PlanCompileError, planPrompt, repairFilesPrompt, type AgentModel, type LlmEnv, type QaFailure, type RunBudget, type TokenUsage } from "../llm";
import { compileAppPlan, generateAppCode, generateAppData, generateAppInfra, regenerateFiles } from "../llm/offline";
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
  /** `promptIndex`: 0 for the project's first prompt, n for its n-th follow-up (requirements say which prompt they quote). */
  compilePlan(input: { prompt: string; previousPlan?: TPlan | null; promptIndex?: number; budget?: RunBudget }): Promise<AgentResult<TPlan>>;
  writeFiles(input: { agent: FileAgentName; plan: TPlan; prompt?: string; previousFiles?: TGeneratedFile[]; budget?: RunBudget }): Promise<AgentResult<FileSet>>;
  repairFiles(input: { plan: TPlan; files: TGeneratedFile[]; failures: QaFailure[]; budget?: RunBudget }): Promise<AgentResult<FileSet>>;
};

const free = { usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, attempts: 1 };

const offlineWriters: Record<FileAgentName, { write: (plan: TPlan) => TGeneratedFile[]; summary: string }> = {
  CodeGen: { write: generateAppCode, summary: "The page, its styles, the app spec and the runtime's section modules" },
  DB: { write: generateAppData, summary: "Schema, seed data and the browser data layer" },
  Infra: { write: generateAppInfra, summary: "package.json with the app's tests, README, Dockerfile, vercel.json, CI and a static server" },
};

export function createOfflineBrain(): AgentBrain {
  return {
    label: "Offline spec compiler",
    isOffline: true,
    model: { provider: "offline", name: "spec-compiler" },
    compilePlan: async ({ prompt, previousPlan, promptIndex }) => {
      const compiled = compileAppPlan(prompt, { plan: previousPlan ?? undefined, promptIndex });
      // Deterministic: the same prompt fails the same way, so the plan step fails at once with the reason.
      if (!compiled.ok) throw new PlanCompileError(compiled.error);
      return { ...free, value: compiled.plan };
    },
    writeFiles: async ({ agent, plan }) => ({ ...free, value: { summary: offlineWriters[agent].summary, files: offlineWriters[agent].write(plan) } }),
    repairFiles: async ({ plan, files }) => {
      const repaired = regenerateFiles(plan, files);
      return { ...free, value: { summary: repaired.summary, files: repaired.files } };
    },
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
