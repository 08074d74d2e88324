import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { decodeFileText } from "./file-text";

/** What both file listings say about the version itself. */
const versionHeader = { id: true, number: true, projectId: true, summary: true, createdAt: true } as const;

/** The version's file list (paths, sizes, content hashes), without contents. */
export async function listVersionFiles(db: Db, versionId: string) {
  const version = await db.projectVersion.findUnique({
    where: { id: versionId },
    select: {
      ...versionHeader,
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

/** One file for display: its text when it is text (content null for binary files); NOT_FOUND when the path is not in the version. */
export async function readVersionFileText(db: Db, versionId: string, path: string) {
  const file = await readVersionFile(db, versionId, path);
  if (!file) throw new AppError("NOT_FOUND", `No file ${path} in this version`);
  const text = decodeFileText(file.content);
  const isText = text.kind === "text";
  return { path: file.path, size: file.size, sha: file.sha, isText, content: isText ? text.text : null };
}

/**
 * One file's exact bytes as base64, for clients that write a working copy (the `epic pull` CLI):
 * text or not, the bytes are the stored ones, and `sha` lets the client check them.
 */
export async function readVersionFileBase64(db: Db, versionId: string, path: string) {
  const file = await readVersionFile(db, versionId, path);
  if (!file) throw new AppError("NOT_FOUND", `No file ${path} in this version`);
  return { path: file.path, size: file.size, sha: file.sha, base64: file.content.toString("base64") };
}

/** The version with every file's content, for export (the REST API's files-as-JSON): text as UTF-8, the rest base64. */
export async function readVersionWithContents(db: Db, versionId: string) {
  const version = await db.projectVersion.findUnique({
    where: { id: versionId },
    select: {
      ...versionHeader,
      files: { orderBy: { path: "asc" }, select: { path: true, size: true, blobSha: true, blob: { select: { content: true } } } },
    },
  });
  if (!version) throw notFound("Version");
  const files = version.files.map((file) => {
    const bytes = Buffer.from(file.blob.content);
    const text = exactUtf8(bytes);
    return text !== null
      ? { path: file.path, size: file.size, sha: file.blobSha, encoding: "utf8" as const, content: text }
      : { path: file.path, size: file.size, sha: file.blobSha, encoding: "base64" as const, content: bytes.toString("base64") };
  });
  return { ...version, files };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text only when that round-trips exactly (an export must give back the same bytes). */
function exactUtf8(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
