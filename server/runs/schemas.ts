import { z } from "zod";
import { ZPlan } from "~/server/plan/plan-schema";
import { ZPrompt } from "../projects/schemas";
import { ZId } from "../validation/common";

export const ZRunIdInput = z.object({ runId: ZId });
export const ZListRunsInput = z.object({ projectId: ZId, limit: z.number().int().min(1).max(100).default(20) });
export const ZFollowUpInput = z.object({ projectId: ZId, prompt: ZPrompt });
export const ZReviewPlanInput = z.object({
  runId: ZId,
  isApproved: z.boolean(),
  feedback: z.string().trim().max(2000).optional(),
  /** An edited plan replaces the generated one before building starts. */
  plan: ZPlan.optional(),
});
