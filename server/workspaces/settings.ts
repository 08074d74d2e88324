import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { modelProviders } from "../llm";
import { ZId } from "../validation/common";

export const ZWorkspaceSettingsInput = z.object({
  workspaceId: ZId,
  modelProvider: z.enum(modelProviders),
  modelName: z.string().trim().max(100).nullable(),
  runBudgetTokens: z.number().int().min(1_000, "A token budget below 1,000 cannot finish a run").max(100_000_000).nullable(),
  runBudgetUsd: z.number().min(0.01).max(10_000).nullable(),
  requirePlanApproval: z.boolean(),
});
export type TWorkspaceSettingsInput = z.infer<typeof ZWorkspaceSettingsInput>;

export const workspaceSettingsSelect = {
  modelProvider: true,
  modelName: true,
  runBudgetTokens: true,
  runBudgetUsd: true,
  requirePlanApproval: true,
} as const;

export function getWorkspaceSettings(db: Db, workspaceId: string) {
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: workspaceSettingsSelect });
}

export function updateWorkspaceSettings(db: Db, { workspaceId, ...settings }: TWorkspaceSettingsInput, configuredProviders: readonly string[]) {
  // Refused now rather than failing every run later with a configuration error.
  if (!configuredProviders.includes(settings.modelProvider)) {
    throw new AppError("BAD_REQUEST", `The ${settings.modelProvider} provider is not configured on this server (see the README's configuration table)`);
  }
  return db.workspace.update({
    where: { id: workspaceId },
    data: { ...settings, modelName: settings.modelName || null },
    select: workspaceSettingsSelect,
  });
}
