// The offline provider: deterministic stand-ins for the planning and generating agents, used
// when no LLM is configured (and as a known-good baseline when one is).
export { compilePlan } from "./compile-plan";
export { generateCode } from "./codegen/generate-code";
export { generateDataLayer } from "./datalayer/generate-data-layer";
export { generateInfra } from "./infra/generate-infra";
export { generateApp, mergeFiles } from "./generate-app";
export { repairFiles } from "./repair-files";
export { previewCsp } from "./preview-csp";
