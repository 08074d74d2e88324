// What the agents think with: the offline spec compiler (zero setup, deterministic) or a real
// model through the AI SDK. Agents ask for typed results and get token usage and cost back;
// neither they nor the pipeline know which is behind it.
import { createAgentModel, filesPrompt, PlanCompileError, planPrompt, repairFilesPrompt, type AgentModel, type LlmEnv, type QaFailure, type RunBudget, type TokenUsage } from "../llm";
import { compileAppPlan, generateAppCode, generateAppData, generateAppInfra, regenerateFiles, targetFiles, type TInfraDeploySetup } from "../llm/offline";
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
  /** `deploy`: the project's deploy targets, whose configs the Infra agent writes (without it, none). */
  writeFiles(input: { agent: FileAgentName; plan: TPlan; prompt?: string; previousFiles?: TGeneratedFile[]; budget?: RunBudget; deploy?: TInfraDeploySetup }): Promise<AgentResult<FileSet>>;
  repairFiles(input: { plan: TPlan; files: TGeneratedFile[]; failures: QaFailure[]; budget?: RunBudget; deploy?: TInfraDeploySetup }): Promise<AgentResult<FileSet>>;
};

const free = { usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, attempts: 1 };

const offlineWriters: Record<FileAgentName, { write: (plan: TPlan, deploy?: TInfraDeploySetup) => TGeneratedFile[]; summary: string }> = {
  CodeGen: { write: generateAppCode, summary: "The page, its styles, the app spec and the runtime's section modules" },
  DB: { write: generateAppData, summary: "Schema, seed data and the browser data layer" },
  Infra: { write: generateAppInfra, summary: "package.json with the app's tests, README, Dockerfile, CI, a static server and the deploy targets' configs" },
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
    writeFiles: async ({ agent, plan, deploy }) => ({ ...free, value: { summary: offlineWriters[agent].summary, files: offlineWriters[agent].write(plan, deploy) } }),
    repairFiles: async ({ plan, files, deploy }) => {
      const repaired = regenerateFiles(plan, files, deploy);
      return { ...free, value: { summary: repaired.summary, files: repaired.files } };
    },
  };
}

/** A model's Infra files with the deploy targets' configs written as the deploy applies them (they are settings, not prose to invent). */
function withTargetConfigs(set: FileSet, plan: TPlan, deploy: TInfraDeploySetup): FileSet {
  const configs = targetFiles(plan, deploy);
  const paths = new Set(configs.map((file) => file.path));
  return { ...set, files: [...set.files.filter((file) => !paths.has(file.path)), ...configs] };
}

export function createModelBrain(model: AgentModel): AgentBrain {
  return {
    label: `${model.provider} · ${model.model}`,
    isOffline: false,
    model: { provider: model.provider, name: model.model },
    compilePlan: ({ prompt, previousPlan, budget }) =>
      model.generateStructured({ ...planPrompt({ userPrompt: prompt, previousPlan: previousPlan ?? undefined }), budget }),
    writeFiles: async ({ agent, plan, prompt, previousFiles, budget, deploy }) => {
      const result = await model.generateStructured({ ...filesPrompt({ agent, plan, userPrompt: prompt, previousFiles }), budget });
      return agent === "Infra" && deploy ? { ...result, value: withTargetConfigs(result.value, plan, deploy) } : result;
    },
    repairFiles: ({ plan, files, failures, budget }) => model.generateStructured({ ...repairFilesPrompt({ plan, files, failures }), budget }),
  };
}

/** The brain a workspace chose. Keys come from the environment; a missing one is a clear error. */
export function brainForWorkspace(settings: { modelProvider: string; modelName: string | null }, env: LlmEnv): AgentBrain {
  if (settings.modelProvider === "offline") return createOfflineBrain();
  return createModelBrain(createAgentModel({ provider: settings.modelProvider, modelName: settings.modelName }, env));
}
