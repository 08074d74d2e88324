// Offline repair for the QA loop. Without a model to reason about the failures, the reliable fix
// is to regenerate every file the agents own from the plan (the generators are deterministic and
// tested), while keeping extra files that nothing reported as broken.
import { ZGeneratedFile, ZPlan, type TGeneratedFile, type TPlan } from "~/server/plan/plan-schema";
import { compilePlan } from "./compile-plan";
import { generateApp } from "./generate-app";

export function repairFiles(plan: TPlan, files: TGeneratedFile[], failures: string[]): TGeneratedFile[] {
  const parsed = ZPlan.safeParse(plan);
  const expected = generateApp(parsed.success ? parsed.data : compilePlan(""));
  const owned = new Set(expected.map((f) => f.path));
  const mentioned = (path: string): boolean => failures.some((failure) => failure.includes(path));
  const extras = files.filter((f) => !owned.has(f.path) && ZGeneratedFile.safeParse(f).success && !mentioned(f.path));
  return [...expected, ...extras];
}
