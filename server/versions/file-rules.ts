// What a generated file may be. Agents (and the models behind them) are untrusted: every path
// and size is checked here before anything is stored or written to disk.
import { AppError } from "../errors";

export const fileLimits = {
  maxFiles: 400,
  maxFileBytes: 512 * 1024,
  maxTotalBytes: 8 * 1024 * 1024,
  maxPathLength: 200,
} as const;

const SEGMENT = /^[A-Za-z0-9._@+-]+$/;

/** A clean relative POSIX path, or an error saying why the agent's path was refused. */
export function normalizeGeneratedPath(raw: string): string {
  const path = raw.trim().replace(/^\.\/+/, "");
  const refuse = (why: string) => new AppError("BAD_REQUEST", `Refused file path "${raw.slice(0, 80)}": ${why}`);
  if (!path) throw refuse("empty");
  if (path.length > fileLimits.maxPathLength) throw refuse(`longer than ${fileLimits.maxPathLength} characters`);
  if (path.includes("\\") || path.includes("\0")) throw refuse("backslashes and NUL are not allowed");
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) throw refuse("absolute paths are not allowed");
  const segments = path.split("/");
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") throw refuse("empty, . and .. segments are not allowed");
    if (!SEGMENT.test(segment)) throw refuse("only letters, digits and . _ - @ + are allowed in names");
  }
  if (segments[0] === ".git") throw refuse(".git is reserved");
  return segments.join("/");
}

export type FileInput = { path: string; content: string | Uint8Array };

/** Validated, normalised files: unique paths, within size limits, sorted for stable storage. */
export function validateGeneratedFiles(files: FileInput[]): Array<{ path: string; bytes: Buffer }> {
  if (files.length > fileLimits.maxFiles) {
    throw new AppError("BAD_REQUEST", `A version may hold at most ${fileLimits.maxFiles} files (got ${files.length})`);
  }
  // Keyed case-insensitively: two paths differing only in case would clash on macOS and Windows checkouts.
  const byKey = new Map<string, { path: string; bytes: Buffer }>();
  let total = 0;
  for (const file of files) {
    const path = normalizeGeneratedPath(file.path);
    const key = path.toLowerCase();
    if (byKey.has(key)) throw new AppError("BAD_REQUEST", `Duplicate file path "${path}"`);
    const bytes = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
    if (bytes.length > fileLimits.maxFileBytes) {
      throw new AppError("BAD_REQUEST", `File "${path}" is ${bytes.length} bytes; the limit is ${fileLimits.maxFileBytes}`);
    }
    total += bytes.length;
    if (total > fileLimits.maxTotalBytes) {
      throw new AppError("BAD_REQUEST", `The version's files exceed ${fileLimits.maxTotalBytes} bytes in total`);
    }
    byKey.set(key, { path, bytes });
  }
  return [...byKey.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
