// Scratch space for steps: one folder the platform owns, `<tmpdir>/epic-scratch/<runId>/<step>-p<pid>-…/`,
// for whatever a step writes to disk while it runs (QA's working copy of the app, Chromium's
// temporary files and Playwright's artifacts). A step's folder is removed when the step ends,
// however it ends; a process killed mid-step leaves its folder behind, so start-up sweeps every
// folder whose owner process (the pid in its name) is gone, and any older than the longest step
// (a live process's folder is kept: it may be another instance's step on the same machine).
import { chmod, mkdir, mkdtemp, readdir, readlink, rm, rmdir, stat } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { getLogger } from "../observability/logger";

/**
 * Longer than any step runs (QA: app tests ≤ 60 s, browser launch ≤ 60 s, every check with its
 * retry): a folder this old belongs to no live step.
 */
export const LONGEST_STEP_MS = 60 * 60_000;

/** Temporary folders of earlier releases and of Playwright, left behind by a process killed mid-QA. */
const LEGACY_PREFIXES = ["epic-qa-", "playwright_chromiumdev_profile-", "playwright-artifacts-"];
/** Chromium's own temporary folder when a step's is too deep for its socket (server/browser/try-launch.ts): `epic-chromium-p<pid>-…`. */
const CHROMIUM_TMP = /^epic-chromium-p(\d+)-/;

export function scratchRoot(base: string = tmpdir()): string {
  return path.join(base, "epic-scratch");
}

/** Run ids become folder names: anything but letters, digits, `-` and `_` is replaced. */
function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 100) || "_";
}

/**
 * Runs `work` with a fresh folder of its own under the run's scratch folder and removes it
 * afterwards (and the run's folder once empty), whether `work` returned or threw.
 */
export async function withStepScratch<T>(runId: string, step: string, work: (dir: string) => Promise<T>, base?: string): Promise<T> {
  const runDir = path.join(scratchRoot(base), safeName(runId));
  const makeDir = async () => {
    await mkdir(runDir, { recursive: true });
    return mkdtemp(path.join(runDir, `${safeName(step)}-p${process.pid}-`));
  };
  // A sweep (of another instance) may remove the empty run folder between the two calls: once more.
  const dir = await makeDir().catch(makeDir);
  // mkdtemp makes it 0700: others may pass through (not list) to a subfolder handed to them, as
  // QA's sandbox, which runs the app's tests as uid 65534, does with the working copy.
  await chmod(dir, 0o711);
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
    // Another step of the same run may be using the folder: only an empty one goes.
    await rmdir(runDir).catch(() => undefined);
  }
}

export type ScratchSweep = { removed: string[]; bytes: number };

async function sizeOf(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(target).catch(() => []);
  let total = 0;
  for (const entry of entries) total += await sizeOf(path.join(target, entry));
  return total;
}

/** The process that made a step folder, from its name (`<step>-p<pid>-…`); null for folders of earlier releases. */
export function scratchOwnerPid(folderName: string): number | null {
  const match = /-p(\d+)-[^-]*$/.exec(folderName);
  return match ? Number(match[1]) : null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The Chromium that used a profile folder, from its `SingletonLock` (a symlink to
 * `<hostname>-<pid>` that a killed Chromium leaves behind); null when there is none or it names
 * another machine. Playwright makes the profile in the server's own temporary folder, outside
 * the step's, so this is how a killed QA step's profile is told from a live one.
 */
async function chromiumProfileOwnerPid(profileDir: string): Promise<number | null> {
  const lock = await readlink(path.join(profileDir, "SingletonLock")).catch(() => null);
  const match = lock ? /^(.*)-(\d+)$/.exec(lock) : null;
  return match && match[1] === hostname() ? Number(match[2]) : null;
}

async function isOlderThan(target: string, cutoff: number): Promise<boolean> {
  const info = await stat(target).catch(() => null);
  return info !== null && info.mtimeMs < cutoff;
}

/**
 * Removes step folders whose process is gone or that were last touched more than `olderThanMs`
 * ago (and legacy temporary folders of QA that old), and run folders left empty. Logs one line
 * when it removed anything. `isAlive` is for tests.
 */
export async function sweepScratch({
  base = tmpdir(),
  olderThanMs = LONGEST_STEP_MS,
  now = Date.now(),
  isAlive = isProcessAlive,
}: { base?: string; olderThanMs?: number; now?: number; isAlive?: (pid: number) => boolean } = {}): Promise<ScratchSweep> {
  const cutoff = now - olderThanMs;
  const stale: string[] = [];
  const root = scratchRoot(base);
  for (const run of await readdir(root).catch(() => [])) {
    const runDir = path.join(root, run);
    for (const step of await readdir(runDir).catch(() => [])) {
      const owner = scratchOwnerPid(step);
      const isOrphan = owner !== null && owner !== process.pid && !isAlive(owner);
      if (isOrphan || (await isOlderThan(path.join(runDir, step), cutoff))) stale.push(path.join(runDir, step));
    }
  }
  // The temp folder is only known at run time; tell Turbopack not to trace it into the build.
  for (const entry of await readdir(/*turbopackIgnore: true*/ base).catch(() => [])) {
    const legacy = path.join(/*turbopackIgnore: true*/ base, entry);
    const chromiumOwner = CHROMIUM_TMP.exec(entry)?.[1];
    const profileOwner = entry.startsWith("playwright_chromiumdev_profile-") ? await chromiumProfileOwnerPid(legacy) : null;
    if (chromiumOwner && Number(chromiumOwner) !== process.pid && !isAlive(Number(chromiumOwner))) stale.push(legacy);
    else if (profileOwner !== null && !isAlive(profileOwner)) stale.push(legacy);
    else if ((chromiumOwner || LEGACY_PREFIXES.some((prefix) => entry.startsWith(prefix))) && (await isOlderThan(legacy, cutoff))) stale.push(legacy);
  }
  let bytes = 0;
  for (const target of stale) {
    bytes += await sizeOf(target);
    await rm(target, { recursive: true, force: true });
  }
  for (const run of await readdir(root).catch(() => [])) await rmdir(path.join(root, run)).catch(() => undefined);
  if (stale.length > 0) {
    getLogger("scratch").info({ folders: stale.length, megabytes: Number((bytes / 1024 / 1024).toFixed(1)), base }, "swept folders left by interrupted steps");
  }
  return { removed: stale, bytes };
}
