// `epic pull`: a version's exact files on disk. Bytes come base64 from the server, are checked
// against the stored SHA-256, and are written only inside the target folder.
import { createHash } from "node:crypto";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError, usageError } from "./cli-error";
import type { CommandContext } from "./context";
import { exitCodes } from "./exit-codes";

const CONCURRENT_DOWNLOADS = 4;

export async function assertWritableFolder(dir: string, isForced: boolean) {
  const entries = await readdir(dir).catch((error: { code?: string }) => {
    if (error.code === "ENOENT") return [];
    if (error.code === "ENOTDIR") throw usageError(`${dir} is a file, not a folder`);
    throw error;
  });
  if (entries.length > 0 && !isForced) throw usageError(`${dir} is not empty`, "Pull into a new folder, or pass --force to overwrite files there.");
}

export async function writeVersionFiles(context: CommandContext, versionId: string, dir: string) {
  const root = path.resolve(dir);
  const { files } = await context.api.version.files.query({ versionId });
  const written: Array<{ path: string; size: number; sha: string }> = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const target = path.resolve(root, file.path);
      // Paths are validated when a version is stored; a client still never writes outside its folder.
      if (!target.startsWith(`${root}${path.sep}`)) throw new CliError(`Refused to write ${file.path}: outside ${root}`, exitCodes.failed);
      const { base64, sha } = await context.api.version.fileBytes.query({ versionId, path: file.path });
      const bytes = Buffer.from(base64, "base64");
      const actual = createHash("sha256").update(bytes).digest("hex");
      if (actual !== sha || sha !== file.blobSha) throw new CliError(`${file.path} arrived damaged (SHA-256 ${actual}, expected ${file.blobSha})`, exitCodes.failed);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
      written.push({ path: file.path, size: bytes.length, sha });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_DOWNLOADS }, worker));
  return written.sort((a, b) => (a.path < b.path ? -1 : 1));
}
