// Input schemas of the admin executor pages (the `executor` router), shared with the browser: so
// they import only Prisma's generated enums (browser-safe), never the executor itself.
import { z } from "zod";
import { ExecutorRunStatus } from "../db/generated/enums";

/** Executor ids are ULIDs (see server/executor/store/create-id.ts), not cuids: 26 Crockford base32 characters. */
export const ZExecutorRunId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "Invalid run id");

export const executorRunStatuses = Object.values(ExecutorRunStatus);
export const ZExecutorRunStatus = z.enum(ExecutorRunStatus);
export type TExecutorRunStatus = z.infer<typeof ZExecutorRunStatus>;

export const ZListExecutorRunsInput = z.object({
  status: ZExecutorRunStatus.optional(),
  functionId: z.string().trim().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: ZExecutorRunId.nullish(),
});
export type TListExecutorRunsInput = z.infer<typeof ZListExecutorRunsInput>;
