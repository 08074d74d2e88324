// All offline agent outputs for a plan, merged into one file set.
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { generateCode } from "./codegen/generate-code";
import { generateDataLayer } from "./datalayer/generate-data-layer";
import { generateInfra } from "./infra/generate-infra";

/** Merges file lists; the first file for a path wins, so callers can pass overrides first. */
export function mergeFiles(...lists: TGeneratedFile[][]): TGeneratedFile[] {
  const byPath = new Map<string, TGeneratedFile>();
  for (const list of lists) for (const file of list) if (!byPath.has(file.path)) byPath.set(file.path, file);
  return [...byPath.values()];
}

export function generateApp(plan: TPlan): TGeneratedFile[] {
  return mergeFiles(generateCode(plan), generateDataLayer(plan), generateInfra(plan));
}
