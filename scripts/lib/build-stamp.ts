// Decides whether the production build in .next matches the sources, so `npm start` rebuilds
// only when something changed (a content hash: clones and checkouts change mtimes, not content).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { nextBin, run } from "./run";

const SOURCE_ROOTS = ["app", "components", "lib", "server", "inngest", "public", "prisma/schema.prisma"];
const SOURCE_FILES = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "instrumentation.ts", "instrumentation-node.ts", "tsconfig.json"];
const SKIP = new Set(["generated", "node_modules"]);

function* walk(target: string): Generator<string> {
  if (!existsSync(target)) return;
  if (statSync(target).isFile()) {
    yield target;
    return;
  }
  for (const entry of readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

export function hashSources(root: string): string {
  const hash = createHash("sha256");
  for (const relative of [...SOURCE_ROOTS, ...SOURCE_FILES]) {
    for (const file of walk(path.join(root, relative))) {
      hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

const stampPath = (root: string) => path.join(root, ".next", "epic-build-stamp");

export function isBuildCurrent(root: string): boolean {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stampPath(root))) return false;
  return readFileSync(stampPath(root), "utf8") === hashSources(root);
}

export function writeBuildStamp(root: string): void {
  writeFileSync(stampPath(root), hashSources(root));
}

/** Builds for production unless the build in .next matches the sources; true when it built. */
export async function ensureProductionBuild(root: string, log: (line: string) => void): Promise<boolean> {
  if (isBuildCurrent(root)) return false;
  log("Building the app for production (first start, or sources changed)…");
  await run(process.execPath, [nextBin, "build"], { env: { ...process.env, SKIP_ENV_VALIDATION: "1", NODE_ENV: "production" } });
  writeBuildStamp(root);
  return true;
}
