import type { Db } from "../db";
import { notFound } from "../errors";

/** The version's file list (paths, sizes, content hashes), without contents. */
export async function listVersionFiles(db: Db, versionId: string) {
  const version = await db.projectVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      number: true,
      projectId: true,
      summary: true,
      createdAt: true,
      files: { orderBy: { path: "asc" }, select: { path: true, size: true, blobSha: true } },
    },
  });
  if (!version) throw notFound("Version");
  return version;
}

/** One file's bytes, or null when the version has no such path. */
export async function readVersionFile(db: Db, versionId: string, path: string) {
  const file = await db.versionFile.findUnique({
    where: { versionId_path: { versionId, path } },
    select: { path: true, size: true, blobSha: true, blob: { select: { content: true } } },
  });
  return file ? { path: file.path, size: file.size, sha: file.blobSha, content: Buffer.from(file.blob.content) } : null;
}

/** Every file with its content, e.g. to write a working copy for QA. */
export async function readVersionFiles(db: Db, versionId: string) {
  const files = await db.versionFile.findMany({
    where: { versionId },
    orderBy: { path: "asc" },
    select: { path: true, blob: { select: { content: true } } },
  });
  return files.map((file) => ({ path: file.path, content: Buffer.from(file.blob.content) }));
}
