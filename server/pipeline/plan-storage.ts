// Where a generated app keeps its records in the browser: one key per project, stable across
// versions, so a follow-up's app finds the data the previous version stored (its store migrates
// it when the version goes up). The compiler keeps and bumps the storage of a follow-up's plan;
// the pipeline fills it in for a first plan, and for any plan (a model's) that came without one.
import { createHash } from "node:crypto";
import type { TPlan } from "~/server/plan/plan-schema";

export function projectStorageKey(projectId: string): string {
  return `p-${createHash("sha256").update(projectId).digest("hex").slice(0, 12)}`;
}

export function withStorage(plan: TPlan, previousPlan: TPlan | null, projectId: string): TPlan {
  if (plan.storage) return plan;
  return { ...plan, storage: previousPlan?.storage ?? { key: projectStorageKey(projectId), version: 1 } };
}
