// A version's files as a tar archive (POSIX ustar), for downloads: every path under one folder
// named after the project and version, so unpacking never spills files into the current folder.
// Written by hand because the format is small and fixed; paths longer than ustar's 100 + 155
// bytes cannot occur (file-rules.ts caps paths at 200 characters of ASCII-safe names).
import { readVersionFiles } from "./read-version";
import type { Db } from "../db";

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, mtimeSeconds: number): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    // Split at a slash so the name fits ustar's prefix (155) + name (100) fields.
    let split = -1;
    for (let index = name.lastIndexOf("/"); index > 0; index = name.lastIndexOf("/", index - 1)) {
      if (Buffer.byteLength(name.slice(index + 1)) > 100) break;
      if (Buffer.byteLength(name.slice(0, index)) <= 155) {
        split = index;
        break;
      }
    }
    if (split < 0) throw new Error(`Path too long for a tar archive: ${name}`);
    prefix = name.slice(0, split);
    base = name.slice(split + 1);
  }
  block.write(base, 0, 100, "utf8");
  block.write(octal(0o644, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(mtimeSeconds, 12), 136, "ascii");
  block.write("        ", 148, "ascii"); // checksum field counts as spaces while summing
  block.write("0", 156, "ascii");
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + " ", 148, "ascii");
  return block;
}

export function tarFiles(files: Array<{ path: string; content: Buffer }>, folder: string, modifiedAt: Date): Buffer {
  const mtime = Math.floor(modifiedAt.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(header(`${folder}/${file.path}`, file.content.length, mtime), file.content);
    const padding = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}

/** The archive and its file name (`<project-slug>-v<N>.tar`). */
export async function versionArchive(db: Db, versionId: string) {
  const version = await db.projectVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { number: true, createdAt: true, project: { select: { name: true } } },
  });
  const slug = version.project.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "project";
  const folder = `${slug}-v${version.number}`;
  return { fileName: `${folder}.tar`, body: tarFiles(await readVersionFiles(db, versionId), folder, version.createdAt) };
}
