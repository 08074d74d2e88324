// QA's browser, kept running between the QA sessions of this process. Launching Chromium (and
// spawning its first renderer) was a fixed cost of every QA run: about half a second of a run
// that takes a few on an idle 2-core machine, several seconds on a busy one. A session now leases
// the running browser and works in browser contexts of its own (separate storage, cookies, cache
// and service workers), which it closes when it ends; nothing of one session is visible to the next.
//
// The browser is replaced when it disconnects (a crash), when the browser the platform would
// launch now is another one (installed or configured since), after `maxSessions` sessions or
// `maxAgeMs` (so one browser's memory does not grow for the life of the process, and its
// temporary folder never outlives the scratch sweep's longest step), and it is closed once no
// session has used it for `idleMs`. An idle time of 0 turns the keeping off: each session gets a
// browser of its own, launched and closed with it (the behaviour before).
import { mkdirSync, mkdtempSync, rmSync, rmdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { scratchRoot } from "../scratch/scratch-space";

export type BrowserLease = { browser: Browser; release: () => Promise<void> };

export type WarmBrowserOptions = {
  /** Launches a browser keeping its temporary files in `scratchDir` (launch-browser.ts's launchBrowser). */
  launch: (options: { scratchDir?: string }) => Promise<Browser>;
  /** Which browser a launch would start now (an executable path, a remote endpoint): a change retires the warm one. */
  currentKey: () => string;
  idleMs: number;
  maxSessions: number;
  maxAgeMs: number;
  /** Where the warm browser's temporary folder goes (default: the platform's scratch space). */
  scratchBase?: string;
  /**
   * Whether the browser runs here and so needs a temporary folder (default: yes). A remote browser
   * (BROWSER_WS_ENDPOINT) writes nothing on this machine: no folder is made for it.
   */
  isLocal?: () => boolean;
};

type Warm = {
  key: string;
  browser: Promise<Browser>;
  leases: number;
  sessions: number;
  startedAt: number;
  isRetired: boolean;
  idleTimer: NodeJS.Timeout | null;
  /** Its temporary folder; null for a remote browser. */
  dir: string | null;
};

export type WarmBrowser = {
  /** The running browser (launched if there is none fit to reuse), for one session; release it when the session ends. */
  lease(options?: { scratchDir?: string }): Promise<BrowserLease>;
  /** Closes the warm browser once its sessions end (tests; shutdown). */
  close(): Promise<void>;
};

/** `<scratch>/browser/chromium-p<pid>-…`: named like a step's folder, so start-up sweeps it if this process dies. */
function makeBrowserDir(base: string | undefined): string {
  const parent = path.join(scratchRoot(base), "browser");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, `chromium-p${process.pid}-`));
}

function removeBrowserDir(dir: string): void {
  try {
    // At exit the browser may still be writing there for a moment: retried, and never thrown.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  } catch {
    // Left for the start-up sweep (its pid is in the name).
  }
  // Another warm browser (another module graph of this process) may use the parent: only an empty one goes.
  try {
    rmdirSync(path.dirname(dir));
  } catch {
    // Not empty, or gone.
  }
}

export function createWarmBrowser(options: WarmBrowserOptions): WarmBrowser {
  let current: Warm | null = null;
  // A process ending (a clean stop exits from its signal handler) leaves no temporary folder:
  // Playwright kills the browser on exit, and this removes what it wrote.
  const dirs = new Set<string>();
  process.once("exit", () => {
    for (const dir of dirs) removeBrowserDir(dir);
  });

  const shutDown = async (warm: Warm): Promise<void> => {
    if (warm.idleTimer) clearTimeout(warm.idleTimer);
    warm.idleTimer = null;
    warm.isRetired = true;
    if (current === warm) current = null;
    const browser = await warm.browser.catch(() => null);
    await browser?.close().catch(() => undefined);
    if (warm.dir) {
      removeBrowserDir(warm.dir);
      dirs.delete(warm.dir);
    }
  };

  const isFit = (warm: Warm, key: string): boolean =>
    !warm.isRetired && warm.key === key && warm.sessions < options.maxSessions && Date.now() - warm.startedAt < options.maxAgeMs;

  const start = (key: string): Warm => {
    const dir = (options.isLocal?.() ?? true) ? makeBrowserDir(options.scratchBase) : null;
    if (dir) dirs.add(dir);
    const warm: Warm = { key, browser: options.launch(dir ? { scratchDir: dir } : {}), leases: 0, sessions: 0, startedAt: Date.now(), isRetired: false, idleTimer: null, dir };
    warm.browser.then(
      (browser) => browser.on("disconnected", () => void shutDown(warm)),
      () => void shutDown(warm),
    );
    return warm;
  };

  const release = async (warm: Warm): Promise<void> => {
    warm.leases -= 1;
    if (warm.leases > 0) return;
    if (warm.isRetired || current !== warm || !isFit(warm, warm.key)) return shutDown(warm);
    warm.idleTimer = setTimeout(() => void shutDown(warm), options.idleMs);
    warm.idleTimer.unref();
  };

  return {
    async lease(leaseOptions = {}) {
      if (options.idleMs <= 0) {
        const browser = await options.launch(leaseOptions);
        return { browser, release: () => browser.close().catch(() => undefined) };
      }
      const key = options.currentKey();
      if (current && !isFit(current, key)) {
        const old = current;
        old.isRetired = true;
        current = null;
        if (old.leases === 0) void shutDown(old);
      }
      current ??= start(key);
      const warm = current;
      if (warm.idleTimer) clearTimeout(warm.idleTimer);
      warm.idleTimer = null;
      warm.leases += 1;
      warm.sessions += 1;
      let browser: Browser;
      try {
        browser = await warm.browser;
      } catch (error) {
        warm.leases -= 1;
        throw error;
      }
      let isReleased = false;
      return {
        browser,
        release: async () => {
          if (isReleased) return;
          isReleased = true;
          await release(warm);
        },
      };
    },
    async close() {
      const warm = current;
      if (!warm) return;
      warm.isRetired = true;
      current = null;
      if (warm.leases === 0) await shutDown(warm);
    },
  };
}
