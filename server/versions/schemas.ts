import { z } from "zod";
import { ZDateTime, ZId } from "../validation/common";

export const ZVersionIdInput = z.object({ versionId: ZId });
export const ZVersionFileInput = z.object({ versionId: ZId, path: z.string().min(1).max(200) });
export const ZDiffInput = z.object({ versionId: ZId, againstVersionId: ZId });
export const ZFileDiffInput = ZDiffInput.extend({ path: ZVersionFileInput.shape.path });
export const ZProjectVersionsInput = z.object({ projectId: ZId });

// ─── Answers (the REST API's documented shapes; server/api/rest) ───
export const ZVersionSummary = z
  .object({
    id: z.string(),
    number: z.number().int(),
    summary: z.string().nullable(),
    createdAt: ZDateTime,
    runId: z.string().nullable(),
    parentVersionId: z.string().nullable(),
    _count: z.object({ files: z.number().int() }),
  })
  .meta({ id: "VersionSummary" });

/** A file with its content: UTF-8 text as it is, anything else base64. */
export const ZVersionFileContent = z
  .object({
    path: z.string(),
    size: z.number().int(),
    sha: z.string(),
    encoding: z.enum(["utf8", "base64"]),
    content: z.string(),
  })
  .meta({ id: "VersionFileContent" });

export const ZVersionFiles = z
  .object({
    id: z.string(),
    number: z.number().int(),
    projectId: z.string(),
    summary: z.string().nullable(),
    createdAt: ZDateTime,
    files: z.array(ZVersionFileContent),
  })
  .meta({ id: "VersionFiles" });

const ZVersionRef = z.object({ id: z.string(), number: z.number().int() });

export const ZVersionDiff = z
  .object({
    from: ZVersionRef,
    to: ZVersionRef,
    /** Changed paths with the content hashes before and after (no contents). */
    changes: z.array(
      z.discriminatedUnion("change", [
        z.object({ path: z.string(), change: z.literal("added"), after: z.string() }),
        z.object({ path: z.string(), change: z.literal("removed"), before: z.string() }),
        z.object({ path: z.string(), change: z.literal("modified"), before: z.string(), after: z.string() }),
      ]),
    ),
  })
  .meta({ id: "VersionDiff" });
