import { z } from "zod";
import { ZId } from "../validation/common";

export const ZVersionIdInput = z.object({ versionId: ZId });
export const ZVersionFileInput = z.object({ versionId: ZId, path: z.string().min(1).max(200) });
export const ZDiffInput = z.object({ versionId: ZId, againstVersionId: ZId });
export const ZFileDiffInput = ZDiffInput.extend({ path: ZVersionFileInput.shape.path });
export const ZProjectVersionsInput = z.object({ projectId: ZId });
