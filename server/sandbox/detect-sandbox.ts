// Which sandbox QA can give generated code on this machine, found by trying it for real: a file
// can exist and still not work (bwrap without user namespaces, an old Node). Detected once per
// process (at start, from instrumentation.ts) and logged once when it is weaker than bubblewrap.
import { accessSync, chownSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bwrapCommand } from "./bwrap-command";
import { permissionFlag } from "./node-permission-command";
import { runBounded } from "./run-bounded";
import { BWRAP_FIX, type QaSandboxSetting, type SandboxStatus } from "./sandbox-status";

const PROBE_TIMEOUT_MS = 20_000;
export const NOBODY_ID = 65534;

export type SandboxTools = {
  bwrapPath: string | null;
  /** Used only when the platform runs as root, to drop to 65534 on the host too. */
  setprivPath: string | null;
};

function findExecutable(name: string): string | null {
  const dirs = ["/usr/bin", "/bin", "/usr/local/bin", ...(process.env.PATH ?? "").split(path.delimiter)];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

export function findSandboxTools(): SandboxTools {
  const isRoot = process.getuid?.() === 0;
  return { bwrapPath: findExecutable("bwrap"), setprivPath: isRoot ? findExecutable("setpriv") : null };
}

// Inside, node checks that the host's files and network are really out of sight.
const PROBE = "const fs = require('node:fs'); if (fs.existsSync('/etc/passwd') || fs.existsSync('/root') || process.getuid() !== 65534) process.exit(3); if (Object.keys(require('node:os').networkInterfaces()).some((name) => name !== 'lo')) process.exit(4); console.log('sandbox-probe-ok');";

/** Null when bubblewrap runs and isolates as expected; otherwise what went wrong. */
async function probeBwrap(bwrapPath: string, setprivPath: string | null): Promise<string | null> {
  const dir = mkdtempSync(path.join(tmpdir(), "epic-sandbox-probe-"));
  try {
    if (setprivPath) chownSync(dir, NOBODY_ID, NOBODY_ID);
    const { command, args } = bwrapCommand({ bwrapPath, setprivPath, copyDir: dir, argv: ["node", "-e", PROBE], env: {} });
    const result = await runBounded(command, args, { cwd: dir, env: {}, timeoutMs: PROBE_TIMEOUT_MS });
    if (result.exitCode === 0 && result.output.includes("sandbox-probe-ok")) return null;
    return result.output.trim().split("\n").find(Boolean)?.slice(0, 300) ?? `exit code ${String(result.exitCode)}`;
  } catch (error) {
    // E.g. chown refused on this tmpdir: that variant cannot work, the next one may.
    return error instanceof Error ? error.message : String(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const weak = {
  nodePermission: "QA sandbox: Node's permission model only — the generated app's tests cannot read files outside their working copy or start processes, but they CAN open network connections (the platform's database, internal services).",
  none: "QA sandbox: NONE — the generated app's tests run on this host as the platform's own user, with a scrubbed environment only: they can read the platform's files and reach its network.",
};

async function bwrapStatus(setting: QaSandboxSetting, tools: SandboxTools): Promise<SandboxStatus | string> {
  if (!tools.bwrapPath) return "bubblewrap (bwrap) is not installed";
  // As root, prefer being nobody on the host as well; fall back to the user namespace alone.
  for (const setprivPath of tools.setprivPath ? [tools.setprivPath, null] : [null]) {
    const problem = await probeBwrap(tools.bwrapPath, setprivPath);
    if (problem && setprivPath) continue;
    if (problem) return `bubblewrap (${tools.bwrapPath}) did not run: ${problem}`;
    const hostUser = setprivPath ? "uid 65534 on the host too" : "uid 65534 in its own user namespace";
    return {
      kind: "bwrap",
      setting,
      isolatesNetwork: true,
      isolatesFiles: true,
      dropsHostUid: setprivPath !== null,
      canRunTests: true,
      summary: `QA sandbox: bubblewrap — no network, only the working copy and system libraries visible, ${hostUser}.`,
      warning: null,
    };
  }
  return "unreachable";
}

function nodePermissionStatus(setting: QaSandboxSetting, why: string | null): SandboxStatus | string {
  const flag = permissionFlag();
  if (!flag) return `this Node (${process.version}) has no permission model`;
  return {
    kind: "node-permission",
    setting,
    isolatesNetwork: false,
    isolatesFiles: true,
    dropsHostUid: false,
    canRunTests: true,
    summary: weak.nodePermission,
    warning: `${weak.nodePermission}${why ? ` (${why})` : ""} ${BWRAP_FIX}`,
  };
}

function refused(setting: QaSandboxSetting, problem: string): SandboxStatus {
  return {
    kind: "none",
    setting,
    isolatesNetwork: false,
    isolatesFiles: false,
    dropsHostUid: false,
    canRunTests: false,
    summary: `QA sandbox: QA_SANDBOX=${setting} is unavailable (${problem}); the generated app's tests are not run.`,
    warning: `QA_SANDBOX=${setting} but ${problem}: QA will not run generated apps' tests until it is fixed. ${BWRAP_FIX}`,
  };
}

function unsandboxed(setting: QaSandboxSetting, why: string): SandboxStatus {
  return {
    kind: "none",
    setting,
    isolatesNetwork: false,
    isolatesFiles: false,
    dropsHostUid: false,
    canRunTests: true,
    summary: weak.none,
    warning: `${weak.none} (${why}) ${BWRAP_FIX}`,
  };
}

/** Tries the sandbox QA_SANDBOX asks for (auto: the strongest that works). */
export async function detectSandbox(setting: QaSandboxSetting, tools: SandboxTools = findSandboxTools()): Promise<SandboxStatus> {
  switch (setting) {
    case "off":
      return unsandboxed(setting, "QA_SANDBOX=off");
    case "bwrap": {
      const status = await bwrapStatus(setting, tools);
      return typeof status === "string" ? refused(setting, status) : status;
    }
    case "node-permission": {
      const status = nodePermissionStatus(setting, null);
      return typeof status === "string" ? refused(setting, status) : status;
    }
    case "auto": {
      const bwrap = await bwrapStatus(setting, tools);
      if (typeof bwrap !== "string") return bwrap;
      const node = nodePermissionStatus(setting, bwrap);
      return typeof node === "string" ? unsandboxed(setting, `${bwrap}; ${node}`) : node;
    }
    default: {
      const never: never = setting;
      throw new Error(`Unknown QA_SANDBOX: ${String(never)}`);
    }
  }
}
