import { TRPCError } from "@trpc/server";
import { diffVersionFile } from "../../versions/diff-version-file";
import { diffVersions } from "../../versions/diff-versions";
import { decodeFileText } from "../../versions/file-text";
import { listVersionFiles, readVersionFile } from "../../versions/read-version";
import { ZDiffInput, ZFileDiffInput, ZProjectVersionsInput, ZVersionFileInput, ZVersionIdInput } from "../../versions/schemas";
import { createTRPCRouter, projectProcedure, versionProcedure } from "../trpc";

export const versionRouter = createTRPCRouter({
  list: projectProcedure("VIEWER")
    .input(ZProjectVersionsInput)
    .query(({ ctx, input }) =>
      ctx.db.projectVersion.findMany({
        where: { projectId: input.projectId },
        orderBy: { number: "desc" },
        select: { id: true, number: true, summary: true, createdAt: true, runId: true, parentVersionId: true, _count: { select: { files: true } } },
      }),
    ),

  files: versionProcedure("VIEWER")
    .input(ZVersionIdInput)
    .query(({ ctx, input }) => listVersionFiles(ctx.db, input.versionId)),

  file: versionProcedure("VIEWER")
    .input(ZVersionFileInput)
    .query(async ({ ctx, input }) => {
      const file = await readVersionFile(ctx.db, input.versionId, input.path);
      if (!file) throw new TRPCError({ code: "NOT_FOUND", message: `No file ${input.path} in this version` });
      const text = decodeFileText(file.content);
      const isText = text.kind === "text";
      return { path: file.path, size: file.size, sha: file.sha, isText, content: isText ? text.text : null };
    }),

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
