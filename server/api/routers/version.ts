import { diffVersionFile } from "../../versions/diff-version-file";
import { diffVersions } from "../../versions/diff-versions";
import { listProjectVersions } from "../../versions/list-versions";
import { listVersionFiles, readVersionFileBase64, readVersionFileText } from "../../versions/read-version";
import { ZDiffInput, ZFileDiffInput, ZProjectVersionsInput, ZVersionFileInput, ZVersionIdInput } from "../../versions/schemas";
import { createTRPCRouter, projectProcedure, versionProcedure } from "../trpc";

export const versionRouter = createTRPCRouter({
  list: projectProcedure("VIEWER")
    .input(ZProjectVersionsInput)
    .query(({ ctx, input }) => listProjectVersions(ctx.db, input.projectId)),

  files: versionProcedure("VIEWER")
    .input(ZVersionIdInput)
    .query(({ ctx, input }) => listVersionFiles(ctx.db, input.versionId)),

  file: versionProcedure("VIEWER")
    .input(ZVersionFileInput)
    .query(({ ctx, input }) => readVersionFileText(ctx.db, input.versionId, input.path)),

  /** One file's exact bytes (base64) and content hash, text or binary: what `epic pull` writes. */
  fileBytes: versionProcedure("VIEWER")
    .input(ZVersionFileInput)
    .query(({ ctx, input }) => readVersionFileBase64(ctx.db, input.versionId, input.path)),

  /** File-level changes from `againstVersionId` to `versionId` (both must belong to the same project). */
  diff: versionProcedure("VIEWER")
    .input(ZDiffInput)
    .query(({ ctx, input }) => diffVersions(ctx.db, { fromVersionId: input.againstVersionId, toVersionId: input.versionId })),

  /** One file's line diff from `againstVersionId` to `versionId` (same project), with 3 lines of context. */
  fileDiff: versionProcedure("VIEWER")
    .input(ZFileDiffInput)
    .query(({ ctx, input }) =>
      diffVersionFile(ctx.db, { fromVersionId: input.againstVersionId, toVersionId: input.versionId, path: input.path }),
    ),
});
