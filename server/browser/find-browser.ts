// The one place that decides which Chromium-family browser the platform drives: `npm start`,
// `npm test`, the Playwright config, the QA agent and the benches all ask this module. Order:
//   1. CHROMIUM_PATH, when set — and then nothing else, so an explicit choice is never second-guessed;
//   2. EPIC_BROWSER_SEARCH_PATHS, when set — instead of every automatic location below (tests point
//      it at an empty folder to be "a machine without a browser");
//   3. the usual system locations: the PATH and well-known install folders for Chromium, Chrome,
//      Chrome for Testing and Edge (Linux, macOS application bundles, Windows Program Files);
//   4. Playwright's own browser cache (PLAYWRIGHT_BROWSERS_PATH or its per-OS default).
// Pure apart from the file-system probe it is given: no product imports, cheap enough (a few dozen
// stat calls) to run before every QA run, which is how a browser installed later is picked up.
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Headless flags for every launch (QA, tests, benches): without the networking ones Chromium keeps
 * dialling out. No --no-sandbox here: whether Chromium keeps its own sandbox is decided per launch
 * (Playwright's `chromiumSandbox`, see canUseChromiumSandbox).
 */
export const chromiumArgs = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

/**
 * Whether Chromium can keep its own sandbox for this process: not as root, where Chromium refuses
 * to start unless it is turned off ("Running as root without --no-sandbox is not supported").
 * Windows and macOS have no uid here and keep it.
 */
export function canUseChromiumSandbox(uid: number | null = process.getuid?.() ?? null): boolean {
  return uid !== 0;
}

export type BrowserSource = "CHROMIUM_PATH" | "EPIC_BROWSER_SEARCH_PATHS" | "system" | "playwright-cache";

export type BrowserSearchConfig = {
  /** CHROMIUM_PATH: the only candidate when set. */
  chromiumPath?: string;
  /** EPIC_BROWSER_SEARCH_PATHS: folders (or executables) searched instead of every automatic location. */
  searchPaths?: readonly string[];
  /** PLAYWRIGHT_BROWSERS_PATH: Playwright's browser cache ("0" means inside node_modules, as Playwright reads it). */
  playwrightBrowsersPath?: string;
};

/** What the finder needs to know about the machine; injectable so Windows and macOS rules are testable on Linux. */
export type BrowserHost = {
  platform: NodeJS.Platform;
  homedir: string;
  cwd: string;
  env: { PATH?: string; Path?: string; XDG_CACHE_HOME?: string; LOCALAPPDATA?: string; PROGRAMFILES?: string; "PROGRAMFILES(X86)"?: string };
};

export type BrowserFileSystem = {
  /** A regular file (after symlinks) the current user may execute. */
  isExecutable(file: string): boolean;
  /** Entry names of a folder; empty when it does not exist. */
  list(dir: string): string[];
};

export type BrowserCandidate = { executablePath: string; source: BrowserSource };

export type BrowserLookup =
  | { isFound: true; executablePath: string; source: BrowserSource; searched: string[] }
  | { isFound: false; reason: string; searched: string[] };

export const nodeBrowserFileSystem: BrowserFileSystem = {
  isExecutable(file) {
    try {
      if (!statSync(file).isFile()) return false;
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

export function currentBrowserHost(): BrowserHost {
  const { PATH, Path, XDG_CACHE_HOME, LOCALAPPDATA, PROGRAMFILES } = process.env;
  return { platform: process.platform, homedir: os.homedir(), cwd: process.cwd(), env: { PATH, Path, XDG_CACHE_HOME, LOCALAPPDATA, PROGRAMFILES, "PROGRAMFILES(X86)": process.env["PROGRAMFILES(X86)"] } };
}

/** Reads the three variables the finder knows from an environment (process.env or the validated env). */
export function browserSearchConfigFromEnv(env: {
  CHROMIUM_PATH?: string;
  EPIC_BROWSER_SEARCH_PATHS?: string | readonly string[];
  PLAYWRIGHT_BROWSERS_PATH?: string;
}): BrowserSearchConfig {
  const search = env.EPIC_BROWSER_SEARCH_PATHS;
  return {
    chromiumPath: env.CHROMIUM_PATH || undefined,
    searchPaths: typeof search === "string" ? splitSearchPaths(search) : search,
    playwrightBrowsersPath: env.PLAYWRIGHT_BROWSERS_PATH || undefined,
  };
}

/** EPIC_BROWSER_SEARCH_PATHS is a list like PATH: separated by the OS's delimiter (":" or ";"). */
export function splitSearchPaths(value: string, delimiter = path.delimiter): string[] | undefined {
  if (value.trim() === "") return undefined;
  return value.split(delimiter).map((entry) => entry.trim()).filter(Boolean);
}

// Executable names on the PATH and in searched folders, most specific first: Debian/Fedora/Arch's
// chromium, Ubuntu's chromium-browser, Google's packages, Edge's packages.
const linuxNames = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "google-chrome-beta",
  "google-chrome-unstable",
  "chrome",
  "microsoft-edge",
  "microsoft-edge-stable",
  "msedge",
];
const windowsNames = ["chrome.exe", "msedge.exe", "chromium.exe"];

function namesFor(platform: NodeJS.Platform): string[] {
  return platform === "win32" ? windowsNames : linuxNames;
}

function pathApi(platform: NodeJS.Platform) {
  return platform === "win32" ? path.win32 : path.posix;
}

/** Playwright's cache folder, as Playwright itself computes it. */
export function playwrightCacheDir(config: BrowserSearchConfig, host: BrowserHost): string {
  const p = pathApi(host.platform);
  const custom = config.playwrightBrowsersPath;
  if (custom === "0") return p.join(host.cwd, "node_modules", "playwright-core", ".local-browsers");
  if (custom) return p.resolve(host.cwd, custom);
  if (host.platform === "darwin") return p.join(host.homedir, "Library", "Caches", "ms-playwright");
  if (host.platform === "win32") return p.join(host.env.LOCALAPPDATA || p.join(host.homedir, "AppData", "Local"), "ms-playwright");
  return p.join(host.env.XDG_CACHE_HOME || p.join(host.homedir, ".cache"), "ms-playwright");
}

// Where each Playwright build keeps its executable, per OS (newest layout first; older
// Playwright versions used chrome-linux / chrome-mac / chrome-win).
const playwrightLayouts: Record<"linux" | "darwin" | "win32", { chromium: string[][]; headlessShell: string[][] }> = {
  linux: {
    chromium: [["chrome-linux64", "chrome"], ["chrome-linux-arm64", "chrome"], ["chrome-linux", "chrome"]],
    headlessShell: [
      ["chrome-headless-shell-linux64", "chrome-headless-shell"],
      ["chrome-headless-shell-linux-arm64", "chrome-headless-shell"],
      ["chrome-linux", "headless_shell"],
    ],
  },
  darwin: {
    chromium: [
      ["chrome-mac-arm64", "Google Chrome for Testing.app", "Contents", "MacOS", "Google Chrome for Testing"],
      ["chrome-mac-x64", "Google Chrome for Testing.app", "Contents", "MacOS", "Google Chrome for Testing"],
      ["chrome-mac", "Chromium.app", "Contents", "MacOS", "Chromium"],
    ],
    headlessShell: [
      ["chrome-headless-shell-mac-arm64", "chrome-headless-shell"],
      ["chrome-headless-shell-mac-x64", "chrome-headless-shell"],
      ["chrome-mac", "headless_shell"],
    ],
  },
  win32: {
    chromium: [["chrome-win64", "chrome.exe"], ["chrome-win", "chrome.exe"]],
    headlessShell: [["chrome-headless-shell-win64", "chrome-headless-shell.exe"], ["chrome-win", "headless_shell.exe"]],
  },
};

function layoutFor(platform: NodeJS.Platform) {
  return platform === "darwin" || platform === "win32" ? playwrightLayouts[platform] : playwrightLayouts.linux;
}

/** Full Chromium builds first, newest revision first; then the headless shells. */
function playwrightCandidates(dir: string, host: BrowserHost, fs: BrowserFileSystem): string[] {
  const p = pathApi(host.platform);
  const layout = layoutFor(host.platform);
  const byRevision = (prefix: string) =>
    fs
      .list(dir)
      .map((name) => ({ name, revision: Number(name.match(new RegExp(`^${prefix}-(\\d+)$`))?.[1] ?? Number.NaN) }))
      .filter((entry) => Number.isFinite(entry.revision))
      .sort((a, b) => b.revision - a.revision)
      .map((entry) => p.join(dir, entry.name));
  return [
    ...byRevision("chromium").flatMap((build) => layout.chromium.map((parts) => p.join(build, ...parts))),
    ...byRevision("chromium_headless_shell").flatMap((build) => layout.headlessShell.map((parts) => p.join(build, ...parts))),
  ];
}

/** Chrome for Testing installed with `npx @puppeteer/browsers install chrome@stable` (Puppeteer's cache). */
function puppeteerCandidates(host: BrowserHost, fs: BrowserFileSystem): string[] {
  const p = pathApi(host.platform);
  const root = p.join(host.homedir, ".cache", "puppeteer");
  const layout = layoutFor(host.platform);
  const builds = (product: string) => fs.list(p.join(root, product)).sort().reverse().map((name) => p.join(root, product, name));
  return [
    ...builds("chrome").flatMap((build) => layout.chromium.slice(0, 2).map((parts) => p.join(build, ...parts))),
    ...builds("chrome-headless-shell").flatMap((build) => layout.headlessShell.slice(0, 2).map((parts) => p.join(build, ...parts))),
  ];
}

function onPath(host: BrowserHost): string[] {
  const p = pathApi(host.platform);
  const value = host.env.PATH ?? host.env.Path ?? "";
  return value.split(host.platform === "win32" ? ";" : ":").filter((dir) => dir && p.isAbsolute(dir));
}

function systemCandidates(host: BrowserHost, fs: BrowserFileSystem): string[] {
  const p = pathApi(host.platform);
  const names = namesFor(host.platform);
  const fromPath = (dirs: string[]) => dirs.flatMap((dir) => names.map((name) => p.join(dir, name)));
  switch (host.platform) {
    case "darwin": {
      const bundles = [
        ["Google Chrome.app", "Google Chrome"],
        ["Chromium.app", "Chromium"],
        ["Google Chrome for Testing.app", "Google Chrome for Testing"],
        ["Microsoft Edge.app", "Microsoft Edge"],
        ["Google Chrome Canary.app", "Google Chrome Canary"],
      ];
      const apps = ["/Applications", p.join(host.homedir, "Applications")];
      return [
        ...apps.flatMap((folder) => bundles.map(([bundle, binary]) => p.join(folder, bundle!, "Contents", "MacOS", binary!))),
        ...fromPath([...onPath(host), "/opt/homebrew/bin", "/usr/local/bin"]),
        ...puppeteerCandidates(host, fs),
      ];
    }
    case "win32": {
      const roots = [host.env.PROGRAMFILES ?? "C:\\Program Files", host.env["PROGRAMFILES(X86)"] ?? "C:\\Program Files (x86)", host.env.LOCALAPPDATA].filter(
        (root): root is string => Boolean(root),
      );
      return [
        ...roots.flatMap((root) => [
          p.join(root, "Google", "Chrome", "Application", "chrome.exe"),
          p.join(root, "Chromium", "Application", "chrome.exe"),
          p.join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
        ]),
        ...fromPath(onPath(host)),
        ...puppeteerCandidates(host, fs),
      ];
    }
    default:
      return [
        ...fromPath([...onPath(host), "/usr/bin", "/usr/local/bin", "/snap/bin"]),
        "/usr/lib/chromium/chromium",
        "/opt/google/chrome/chrome",
        "/opt/google/chrome-beta/chrome",
        "/opt/microsoft/msedge/msedge",
        ...puppeteerCandidates(host, fs),
      ];
  }
}

/** Every place looked at, in order (duplicates removed); the first executable one wins. */
export function browserCandidates(config: BrowserSearchConfig, host: BrowserHost, fs: BrowserFileSystem): BrowserCandidate[] {
  const p = pathApi(host.platform);
  if (config.chromiumPath) return [{ executablePath: p.resolve(host.cwd, config.chromiumPath), source: "CHROMIUM_PATH" }];
  let candidates: BrowserCandidate[];
  if (config.searchPaths) {
    candidates = config.searchPaths.flatMap((entry) => {
      const resolved = p.resolve(host.cwd, entry);
      return [resolved, ...namesFor(host.platform).map((name) => p.join(resolved, name)), ...playwrightCandidates(resolved, host, fs)].map((executablePath) => ({
        executablePath,
        source: "EPIC_BROWSER_SEARCH_PATHS" as const,
      }));
    });
  } else {
    candidates = [
      ...systemCandidates(host, fs).map((executablePath) => ({ executablePath, source: "system" as const })),
      ...playwrightCandidates(playwrightCacheDir(config, host), host, fs).map((executablePath) => ({ executablePath, source: "playwright-cache" as const })),
    ];
  }
  const byPath = new Map<string, BrowserCandidate>();
  for (const candidate of candidates) if (!byPath.has(candidate.executablePath)) byPath.set(candidate.executablePath, candidate);
  return [...byPath.values()];
}

export function findBrowser(config: BrowserSearchConfig, host: BrowserHost = currentBrowserHost(), fs: BrowserFileSystem = nodeBrowserFileSystem): BrowserLookup {
  const candidates = browserCandidates(config, host, fs);
  const searched = candidates.map((candidate) => candidate.executablePath);
  const found = candidates.find((candidate) => fs.isExecutable(candidate.executablePath));
  if (found) return { isFound: true, executablePath: found.executablePath, source: found.source, searched };
  return { isFound: false, reason: describeMissing(config, host), searched };
}

function describeMissing(config: BrowserSearchConfig, host: BrowserHost): string {
  if (config.chromiumPath) return `CHROMIUM_PATH is set to ${config.chromiumPath}, which is not an executable file`;
  if (config.searchPaths) return `no Chromium, Chrome or Edge in EPIC_BROWSER_SEARCH_PATHS (${config.searchPaths.join(pathApi(host.platform).delimiter)})`;
  return `no Chromium, Chrome or Edge found on this machine (system locations and Playwright's cache at ${playwrightCacheDir(config, host)})`;
}
