// The offline provider: deterministic stand-ins for the planning and generating agents, used
// when no LLM is configured (and as a known-good baseline when one is). The PromptCompiler is
// compileAppPlan; CodeGen, DB and Infra each write their part of generateAppFiles(plan).
export { compileAppPlan, type CompileResult } from "./compile-app-plan";
export { generateAppCode, generateAppData, generateAppFiles, generateAppInfra } from "./codegen/generate-app-files";
export { missingRuntimeModules } from "./codegen/app-main";
export { regenerateFiles } from "./regenerate-files";
export { targetFiles, type TInfraDeploySetup } from "./codegen/target-files";
export { previewCsp } from "./preview-csp";
export { rebuildChecksAfterEdit } from "./checks/after-edit";
