import { z } from "zod";
import { ZId } from "../validation/common";

import { PROMPT_EMPTY_MESSAGE, PROMPT_MAX_LENGTH, PROMPT_TOO_LONG_MESSAGE } from "./prompt-rules";

export { PROMPT_MAX_LENGTH };

export const ZPrompt = z.string().trim().min(1, PROMPT_EMPTY_MESSAGE).max(PROMPT_MAX_LENGTH, PROMPT_TOO_LONG_MESSAGE);

export const ZProjectName = z
  .string()
  .trim()
  .min(1, "Project name cannot be empty")
  .max(80, "Project name must be at most 80 characters");

export const ZCreateProjectInput = z.object({
  workspaceId: ZId,
  prompt: ZPrompt,
  name: ZProjectName.optional(),
  requiresPlanApproval: z.boolean().optional(),
});
export type TCreateProjectInput = z.infer<typeof ZCreateProjectInput>;

export const ZListProjectsInput = z.object({
  workspaceId: ZId,
  cursor: ZId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
  includeArchived: z.boolean().default(false),
});
export type TListProjectsInput = z.infer<typeof ZListProjectsInput>;

export const ZProjectIdInput = z.object({ projectId: ZId });
export const ZRenameProjectInput = z.object({ projectId: ZId, name: ZProjectName });
