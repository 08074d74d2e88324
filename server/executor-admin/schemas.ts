import { z } from "zod";

/** Executor ids are ULIDs (see server/executor/create-id.ts), not cuids: 26 Crockford base32 characters. */
export const ZExecutorRunId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "Invalid run id");

export const executorRunStatuses = ["QUEUED", "RUNNING", "WAITING", "COMPLETED", "FAILED", "CANCELLED"] as const;
export const ZExecutorRunStatus = z.enum(executorRunStatuses);
export type TExecutorRunStatus = z.infer<typeof ZExecutorRunStatus>;

/** Runs that can still be cancelled (the executor's cancelRun refuses finished ones). */
export const activeRunStatuses: readonly TExecutorRunStatus[] = ["QUEUED", "RUNNING", "WAITING"];

export const ZListExecutorRunsInput = z.object({
  status: ZExecutorRunStatus.optional(),
  functionId: z.string().trim().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: ZExecutorRunId.nullish(),
});
