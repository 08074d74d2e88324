// The offline "repair" for the QA loop. Without a model there is nothing to reason about a
// failure with: the one fix a deterministic generator can make is to write again, from the plan,
// every file that no longer matches what the plan generates (a file changed or lost since). When
// the files already match, the same checks will fail again, and the summary says so.
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { missingRuntimeModules } from "./codegen/app-main";
import { generateAppFiles } from "./codegen/generate-app-files";
import type { TInfraDeploySetup } from "./codegen/target-files";

export type Regenerated = { summary: string; files: TGeneratedFile[] };

export function regenerateFiles(plan: TPlan, files: TGeneratedFile[], setup?: TInfraDeploySetup): Regenerated {
  const current = new Map(files.map((file) => [file.path, file.content]));
  const changed = generateAppFiles(plan, setup).filter((file) => current.get(file.path) !== file.content);
  const missing = missingRuntimeModules(plan);
  const cannot = missing.length ? ` The runtime has no ${missing.join(", ")} yet, so the checks of those parts cannot pass offline.` : "";
  const summary = changed.length
    ? `Regenerated ${changed.length} file(s) that differed from what the plan generates (${changed.slice(0, 5).map((file) => file.path).join(", ")}${changed.length > 5 ? ", …" : ""}).${cannot}`
    : `Nothing to repair offline: every file already matches what the plan generates, so the same checks will fail again. The offline compiler cannot reason about failures; a model provider can.${cannot}`;
  return { summary, files: changed };
}
