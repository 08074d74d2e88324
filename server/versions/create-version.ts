import { createHash } from "node:crypto";
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { validateGeneratedFiles, type FileInput } from "./file-rules";

export type CreateVersionInput = {
  projectId: string;
  runId?: string | null;
  parentVersionId?: string | null;
  summary?: string | null;
  files: FileInput[];
};

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Stores a new numbered version of a project. Files are content-addressed: a blob already
 * stored (by any version, any project) is not stored again. All-or-nothing: a bad path or an
 * oversized file refuses the whole version before anything is written.
 */
export async function createVersion(db: Db, input: CreateVersionInput) {
  const files = validateGeneratedFiles(input.files).map((file) => ({ ...file, sha: sha256(file.bytes) }));
  return db.$transaction(async (tx) => {
    await storeBlobs(tx, files);
    // Lock the project row so two runs finishing together get consecutive numbers, not a clash.
    await tx.$executeRaw`SELECT 1 FROM "Project" WHERE "id" = ${input.projectId} FOR UPDATE`;
    const last = await tx.projectVersion.findFirst({
      where: { projectId: input.projectId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    return tx.projectVersion.create({
      data: {
        projectId: input.projectId,
        number: (last?.number ?? 0) + 1,
        runId: input.runId ?? null,
        parentVersionId: input.parentVersionId ?? null,
        summary: input.summary ?? null,
        files: { create: files.map((file) => ({ path: file.path, blobSha: file.sha, size: file.bytes.length })) },
      },
      select: { id: true, number: true, projectId: true, createdAt: true, _count: { select: { files: true } } },
    });
  });
}

async function storeBlobs(tx: Prisma.TransactionClient, files: Array<{ sha: string; bytes: Buffer }>) {
  const unique = new Map(files.map((file) => [file.sha, file.bytes]));
  const existing = await tx.fileBlob.findMany({ where: { sha256: { in: [...unique.keys()] } }, select: { sha256: true } });
  for (const { sha256: known } of existing) unique.delete(known);
  if (unique.size === 0) return;
  await tx.fileBlob.createMany({
    data: [...unique].map(([sha, bytes]) => ({ sha256: sha, content: new Uint8Array(bytes), size: bytes.length })),
    skipDuplicates: true,
  });
}
