import { z } from "zod";
import { ZId } from "../../../validation/common";
import { diffVersions } from "../../../versions/diff-versions";
import { readVersionWithContents } from "../../../versions/read-version";
import { ZVersionDiff, ZVersionFiles } from "../../../versions/schemas";
import { versionArchive } from "../../../versions/version-archive";
import { createTRPCRouter, versionProcedure } from "../../trpc";

const tags = ["Versions"];

export const restVersionsRouter = createTRPCRouter({
  files: versionProcedure("VIEWER")
    .meta({
      openapi: {
        method: "GET",
        path: "/versions/{versionId}/files",
        tags,
        summary: "Every file of a version with its content (UTF-8 text, or base64)",
        description: "The same files as a tar archive: `GET /versions/{versionId}/archive`.",
      },
    })
    .input(z.object({}))
    .output(ZVersionFiles)
    .query(({ ctx, input }) => readVersionWithContents(ctx.db, input.versionId)),

  diff: versionProcedure("VIEWER")
    .meta({ openapi: { method: "GET", path: "/versions/{versionId}/diff", tags, summary: "Which files changed from `againstVersionId` to this version (same project)" } })
    .input(z.object({ againstVersionId: ZId }))
    .output(ZVersionDiff)
    .query(({ ctx, input }) => diffVersions(ctx.db, { fromVersionId: input.againstVersionId, toVersionId: input.versionId })),

  /** The tar download (GET /versions/{versionId}/archive): binary, so the REST handler serves it and documents it by hand. */
  archive: versionProcedure("VIEWER")
    .input(z.object({}))
    .query(({ ctx, input }) => versionArchive(ctx.db, input.versionId)),
});
