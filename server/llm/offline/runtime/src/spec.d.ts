// The shape of src/spec.js, which the generator writes per plan (server/llm/offline/codegen/):
// the plan's app spec as data. Not shipped.
import type { AppSpec } from "./engine/app-context";

export const spec: AppSpec;
