import { createHash } from "node:crypto";
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { isUniqueViolation } from "../db/unique-violation";
import { validateGeneratedFiles, type FileInput } from "./file-rules";

export type CreateVersionInput = {
  projectId: string;
  runId?: string | null;
  /** The pipeline step making it, with runId: that step's version is made once, however often the step runs. */
  stepKey?: string | null;
  parentVersionId?: string | null;
  summary?: string | null;
  files: FileInput[];
};

/**
 * Work inside the version's transaction. `before` runs first and may throw to abort (the
 * pipeline locks its run there and refuses a finished one); `after` records the new version (its
 * run event), so the version and its event commit together or not at all. Neither runs when the
 * step's version already exists.
 */
export type CreateVersionHooks = {
  before?: (tx: Prisma.TransactionClient) => Promise<void>;
  after?: (tx: Prisma.TransactionClient, version: CreatedVersion) => Promise<void>;
};

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const versionSelect = { id: true, number: true, projectId: true, createdAt: true, _count: { select: { files: true } } } as const;
export type CreatedVersion = Prisma.ProjectVersionGetPayload<{ select: typeof versionSelect }>;

/** The version a pipeline step already made, if it made one. */
export function findStepVersion(db: Db | Prisma.TransactionClient, runId: string, stepKey: string) {
  return db.projectVersion.findUnique({ where: { runId_stepKey: { runId, stepKey } }, select: versionSelect });
}

/**
 * Stores a new numbered version of a project. Files are content-addressed: a blob already
 * stored (by any version, any project) is not stored again. All-or-nothing: a bad path or an
 * oversized file refuses the whole version before anything is written. With a runId and a
 * stepKey it is idempotent: a step run again (a retry after the write, or two at once) gets the
 * version the first one made.
 */
export async function createVersion(db: Db, input: CreateVersionInput, hooks: CreateVersionHooks = {}): Promise<CreatedVersion> {
  const stepKey = input.runId && input.stepKey ? { runId: input.runId, stepKey: input.stepKey } : null;
  if (stepKey) {
    const existing = await findStepVersion(db, stepKey.runId, stepKey.stepKey);
    if (existing) return existing;
  }
  const files = validateGeneratedFiles(input.files).map((file) => ({ ...file, sha: sha256(file.bytes) }));
  try {
    return await db.$transaction(async (tx) => {
      await hooks.before?.(tx);
      await storeBlobs(tx, files);
      // Lock the project row so two runs finishing together get consecutive numbers, not a clash.
      // The lock also serialises two copies of one step: the second sees the first's version here.
      await tx.$executeRaw`SELECT 1 FROM "Project" WHERE "id" = ${input.projectId} FOR UPDATE`;
      if (stepKey) {
        const existing = await findStepVersion(tx, stepKey.runId, stepKey.stepKey);
        if (existing) return existing;
      }
      const last = await tx.projectVersion.findFirst({
        where: { projectId: input.projectId },
        orderBy: { number: "desc" },
        select: { number: true },
      });
      const version = await tx.projectVersion.create({
        data: {
          projectId: input.projectId,
          number: (last?.number ?? 0) + 1,
          runId: input.runId ?? null,
          stepKey: stepKey?.stepKey ?? null,
          parentVersionId: input.parentVersionId ?? null,
          summary: input.summary ?? null,
          files: { create: files.map((file) => ({ path: file.path, blobSha: file.sha, size: file.bytes.length })) },
        },
        select: versionSelect,
      });
      await hooks.after?.(tx, version);
      return version;
    });
  } catch (error) {
    // Unreachable while every writer takes the project lock above; should one ever not, the
    // loser of the race still answers with the first row instead of an error.
    if (stepKey && isUniqueViolation(error)) {
      const existing = await findStepVersion(db, stepKey.runId, stepKey.stepKey);
      if (existing) return existing;
    }
    throw error;
  }
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
