// Reads the generated apps' runtime: the browser and Node files under runtime/, kept as real,
// linted and tested files and copied into every app that needs them.
//
// Resolved from the working directory (the project root under `next start`, `next dev`, tsx
// scripts and Vitest), not from this module's URL: in the Turbopack server bundle that URL
// points into .next/, where the folder is not. next.config.ts's outputFileTracingIncludes makes
// serverless deployments carry the folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const runtimeDir = path.join(process.cwd(), "server", "llm", "offline", "runtime");

const cache = new Map<string, string>();

/** A runtime file's text, by its path in the generated app (e.g. "src/engine/app.js"). */
export function readRuntimeFile(relPath: string): string {
  const cached = cache.get(relPath);
  if (cached !== undefined) return cached;
  const file = path.resolve(runtimeDir, relPath);
  if (!file.startsWith(runtimeDir + path.sep)) throw new Error(`Not a runtime file: ${relPath}`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the generated-app runtime file ${file} (start the server from the project root): ${String(error)}`);
  }
  // In development the files are re-read, so edits show in the next generated app without a restart.
  if (process.env.NODE_ENV !== "development") cache.set(relPath, text);
  return text;
}

/** Whether the runtime has a file at this app path (a tool or data set a plan names may not exist). */
export function hasRuntimeFile(relPath: string): boolean {
  const file = path.resolve(runtimeDir, relPath);
  return file.startsWith(runtimeDir + path.sep) && existsSync(file);
}

/** The runtime files in one folder whose names end with `suffix`, as app paths, sorted. */
export function listRuntimeFiles(relDir: string, suffix: string): string[] {
  const dir = path.resolve(runtimeDir, relDir);
  if (!dir.startsWith(runtimeDir + path.sep) || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.posix.join(relDir, name));
}
