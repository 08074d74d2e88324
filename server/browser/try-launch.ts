// Starting Chromium at a known path, for every caller that launches one: QA (launch-browser.ts),
// and the start-up and test scripts that check the browser they found really starts — a file
// can exist and still not run (Ubuntu's snap stub, missing shared libraries).
// Chromium keeps its own sandbox unless we run as root; if it cannot start with it (no user
// namespaces and no setuid helper, as in some containers), it is started without and that is
// remembered and reported (chromiumSandboxStatus, /api/ready) instead of failing QA.
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { canUseChromiumSandbox, chromiumArgs } from "./find-browser";
import { getLogger } from "../observability/logger";

const log = getLogger("browser");

const LAUNCH_TIMEOUT_MS = 60_000;

export type ChromiumSandboxStatus = { isSandboxed: true } | { isSandboxed: false; reason: string };

// On globalThis, like browser-status.ts: every route graph of the server shares what a launch taught.
type State = { sandboxProblem?: string };
const state = ((globalThis as unknown as { __epicChromiumSandbox?: State }).__epicChromiumSandbox ??= {});

/** Whether the browser QA launches runs inside Chromium's own sandbox, and why not. */
export function chromiumSandboxStatus(): ChromiumSandboxStatus {
  if (!canUseChromiumSandbox()) return { isSandboxed: false, reason: "the platform runs as root, where Chromium cannot keep its sandbox; run it as an ordinary user" };
  if (state.sandboxProblem) return { isSandboxed: false, reason: `Chromium did not start with its sandbox (${state.sandboxProblem}); allow unprivileged user namespaces or install its setuid sandbox helper` };
  return { isSandboxed: true };
}

function isSandboxFailure(message: string): boolean {
  return /sandbox|namespace|zygote/i.test(message);
}

// Chromium binds a Unix socket at $TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket and aborts
// ("Socket path too long") past the 107 bytes such a path may have.
const SOCKET_PATH_MAX = 107;
const SINGLETON_SOCKET_SUFFIX = "/org.chromium.Chromium.XXXXXX/SingletonSocket".length;
/** Chromium's own temporary folder when the step's is too deep: `<tmpdir>/epic-chromium-p<pid>-…`, swept by pid like a step's (server/scratch/). */
export const CHROMIUM_TMP_PREFIX = "epic-chromium-p";

/** Short folders of browsers still running: removed when the process exits, whose browsers go with it. */
const liveShortDirs = new Set<string>();
let isExitHookSet = false;

function removeAtExit(dir: string): void {
  liveShortDirs.add(dir);
  if (isExitHookSet) return;
  isExitHookSet = true;
  // A clean stop exits while a warm browser (server/browser/warm-browser.ts) still runs: its
  // "disconnected" never comes, so its folder is removed here (a kill leaves it to the start-up sweep).
  process.once("exit", () => {
    for (const live of liveShortDirs) {
      try {
        rmSync(live, { recursive: true, force: true, maxRetries: 5 });
      } catch {
        // Left for the start-up sweep (its pid is in the name).
      }
    }
  });
}

/** The step's folder when Chromium's socket fits under it, else a short one of its own (removed by `release`, or at exit). */
async function chromiumTmpDir(scratchDir: string): Promise<{ dir: string; release: () => Promise<void> }> {
  if (scratchDir.length + SINGLETON_SOCKET_SUFFIX <= SOCKET_PATH_MAX) return { dir: scratchDir, release: async () => {} };
  const base = [tmpdir(), "/tmp"].find((candidate) => candidate.length + CHROMIUM_TMP_PREFIX.length + 16 + SINGLETON_SOCKET_SUFFIX <= SOCKET_PATH_MAX) ?? "/tmp";
  const dir = await mkdtemp(path.join(base, `${CHROMIUM_TMP_PREFIX}${process.pid}-`));
  removeAtExit(dir);
  return {
    dir,
    release: async () => {
      liveShortDirs.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `scratchDir`: a folder of the step (server/scratch/) for Playwright's artifacts and Chromium's
 * own temporary files, so a process killed mid-QA leaves them where start-up sweeps.
 */
export async function launchChromiumAt(executablePath: string, { scratchDir }: { scratchDir?: string } = {}): Promise<Browser> {
  const chromiumTmp = scratchDir ? await chromiumTmpDir(scratchDir) : null;
  const scratch = scratchDir && chromiumTmp ? { artifactsDir: path.join(scratchDir, "playwright-artifacts"), env: { ...process.env, TMPDIR: chromiumTmp.dir } } : {};
  const launch = (chromiumSandbox: boolean) => chromium.launch({ executablePath, args: chromiumArgs, chromiumSandbox, timeout: LAUNCH_TIMEOUT_MS, ...scratch });
  try {
    const browser = await launchTrying(launch);
    if (chromiumTmp) browser.on("disconnected", () => void chromiumTmp.release());
    return browser;
  } catch (error) {
    await chromiumTmp?.release();
    throw error;
  }
}

async function launchTrying(launch: (chromiumSandbox: boolean) => Promise<Browser>): Promise<Browser> {
  const isSandboxed = chromiumSandboxStatus().isSandboxed;
  if (!isSandboxed) return launch(false);
  try {
    return await launch(true);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const sandboxLine = message.split("\n").find(isSandboxFailure);
    if (!sandboxLine) throw error;
    const browser = await launch(false);
    state.sandboxProblem = sandboxLine.trim().slice(0, 300);
    log.warn((chromiumSandboxStatus() as { reason: string }).reason);
    return browser;
  }
}

export function firstErrorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim() !== "")?.trim().slice(0, 300) ?? "unknown error";
}

/** Launches and closes the browser; the first line of the error when it does not start, else null. */
export async function tryLaunchAt(executablePath: string): Promise<string | null> {
  try {
    await (await launchChromiumAt(executablePath)).close();
    return null;
  } catch (error) {
    return firstErrorLine(error);
  }
}
