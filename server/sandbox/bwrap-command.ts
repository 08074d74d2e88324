// The bubblewrap command line for running untrusted code over one working copy: nothing of the
// host but the system's programs and libraries (read-only), the working copy read-write at
// /app, a small private /tmp, its own (empty) network, PID, IPC and UTS namespaces, a clear
// environment and uid/gid 65534 without capabilities. No /etc at all: no passwd, no hosts, no
// resolver config, no certificates (there is no network to use them on).
import { existsSync, lstatSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";

export const SANDBOX_APP_DIR = "/app";
const SANDBOX_NODE_DIR = "/opt/node/bin";
const NOBODY = "65534";
const TMP_BYTES = 64 * 1024 * 1024;

/** Top-level system folders a dynamically linked node (and /bin/sh) may need; merged-/usr systems have them as symlinks. */
const SYSTEM_DIRS = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

export type BwrapCommand = { command: string; args: string[] };

export type BwrapOptions = {
  bwrapPath: string;
  /** The working copy on the host, bound read-write at /app. */
  copyDir: string;
  /** Run inside the sandbox, with /app as its working directory. */
  argv: readonly string[];
  env: Record<string, string>;
  /**
   * Wrap bwrap in `setpriv` as uid/gid 65534: when the platform runs as root, the sandboxed code
   * is then unprivileged on the host too, not only inside its user namespace. The working copy
   * must be owned by 65534 for this (the caller hands it over).
   */
  setprivPath?: string | null;
};

/** The folder node lives in (its real path), and where the sandbox sees it. */
export function nodeBinding(execPath = process.execPath): { hostPath: string; sandboxDir: string } {
  const hostPath = realpathSync(execPath);
  // Under /usr it is already visible at its own path; elsewhere (nvm, /opt) only the binary is bound.
  return { hostPath, sandboxDir: hostPath.startsWith("/usr/") ? path.dirname(hostPath) : SANDBOX_NODE_DIR };
}

function systemDirArgs(): string[] {
  const args: string[] = [];
  for (const dir of SYSTEM_DIRS) {
    if (!existsSync(/*turbopackIgnore: true*/ dir)) continue;
    const stat = lstatSync(dir);
    if (stat.isSymbolicLink()) args.push("--symlink", readlinkSync(dir), dir);
    else if (stat.isDirectory()) args.push("--ro-bind", dir, dir);
  }
  return args;
}

export function bwrapCommand(options: BwrapOptions): BwrapCommand {
  const node = nodeBinding();
  const args = [
    "--unshare-all",
    "--unshare-user",
    "--uid", NOBODY,
    "--gid", NOBODY,
    "--cap-drop", "ALL",
    "--die-with-parent",
    // Its own session: the code cannot reach our terminal (TIOCSTI) or signal our process group.
    "--new-session",
    "--clearenv",
    "--ro-bind", "/usr", "/usr",
    ...systemDirArgs(),
    ...(node.sandboxDir === SANDBOX_NODE_DIR ? ["--ro-bind", node.hostPath, `${SANDBOX_NODE_DIR}/node`] : []),
    "--proc", "/proc",
    "--dev", "/dev",
    "--size", String(TMP_BYTES),
    "--tmpfs", "/tmp",
    "--bind", options.copyDir, SANDBOX_APP_DIR,
    "--chdir", SANDBOX_APP_DIR,
  ];
  const env = { ...options.env, PATH: `${SANDBOX_APP_DIR}/node_modules/.bin:${node.sandboxDir}:/usr/local/bin:/usr/bin:/bin` };
  for (const [name, value] of Object.entries(env)) args.push("--setenv", name, value);
  args.push("--", ...options.argv);
  if (options.setprivPath) {
    return { command: options.setprivPath, args: [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--", options.bwrapPath, ...args] };
  }
  return { command: options.bwrapPath, args };
}
