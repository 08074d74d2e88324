import { z } from "zod";
import { ProjectStatus, RunStatus } from "../db/generated/enums";
import { deployTargets, ZDeployTarget } from "../events/deploy-targets";
import { ZDateTime, ZId } from "../validation/common";

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
  /** Where its versions go besides the preview (which always stays); unset: the preview only. */
  deployTargets: z.array(ZDeployTarget).max(deployTargets.length).optional(),
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

// ─── Answers (the REST API's documented shapes; server/api/rest) ───
export const ZProjectSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    originalPrompt: z.string(),
    status: z.enum(ProjectStatus),
    liveUrls: z.array(z.string()),
    archivedAt: ZDateTime.nullable(),
    createdAt: ZDateTime,
    updatedAt: ZDateTime,
    user: z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }),
    /** The run that made the live version (its status tells a live app with gaps from a plain ready one). */
    liveVersion: z.object({ run: z.object({ status: z.enum(RunStatus) }).nullable() }).nullable(),
  })
  .meta({ id: "ProjectSummary" });

export const ZProjectDetail = ZProjectSummary.extend({
  workspaceId: z.string(),
  sourceRepoUrl: z.string().nullable(),
  liveVersionId: z.string().nullable(),
  requiresPlanApproval: z.boolean(),
  workspace: z.object({ id: z.string(), name: z.string() }),
  /** The latest five runs, newest first. */
  runs: z.array(
    z.object({
      id: z.string(),
      prompt: z.string(),
      status: z.enum(RunStatus),
      queuedAt: ZDateTime,
      startedAt: ZDateTime.nullable(),
      finishedAt: ZDateTime.nullable(),
      error: z.string().nullable(),
    }),
  ),
  _count: z.object({ versions: z.number().int(), deployments: z.number().int() }),
}).meta({ id: "Project" });
