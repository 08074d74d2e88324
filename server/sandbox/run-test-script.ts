// Runs a generated app's test script over its working copy inside the QA sandbox, with a time
// limit and a heap limit. The script runs the way `npm test` would run it (`sh -c <script>` in
// the app's folder, node_modules/.bin on the PATH), minus npm itself: npm would need its own
// files, cache and config inside the sandbox, and it adds nothing to a zero-dependency app.
import { chownSync, lchownSync, readdirSync } from "node:fs";
import path from "node:path";
import { bwrapCommand, SANDBOX_APP_DIR } from "./bwrap-command";
import { findSandboxTools, NOBODY_ID } from "./detect-sandbox";
import { nodePermissionCommand } from "./node-permission-command";
import { runBounded } from "./run-bounded";
import type { SandboxStatus } from "./sandbox-status";

export type TestScriptResult = { ran: boolean; passed: boolean; output: string; durationMs: number };

export type TestScriptOptions = {
  copyDir: string;
  script: string;
  sandbox: SandboxStatus;
  timeoutMs: number;
  maxOldSpaceMb: number;
};

/** Gives the working copy to uid 65534, so code dropped to that uid on the host can write it. */
function handOver(dir: string): void {
  chownSync(dir, NOBODY_ID, NOBODY_ID);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) handOver(full);
    else lchownSync(full, NOBODY_ID, NOBODY_ID);
  }
}

function testEnv(home: string, maxOldSpaceMb: number): Record<string, string> {
  // Nothing of the platform's environment: no secrets, no database URL, no proxies.
  return { NODE_ENV: "test", HOME: home, CI: "1", NODE_OPTIONS: `--max-old-space-size=${maxOldSpaceMb}`, NO_COLOR: "1" };
}

function commandFor(options: TestScriptOptions): { command: string; args: string[]; env: Record<string, string> } | { error: string } {
  const { sandbox, copyDir, script } = options;
  switch (sandbox.kind) {
    case "bwrap": {
      const tools = findSandboxTools();
      if (!tools.bwrapPath) return { error: "bubblewrap was found at start but is gone now" };
      const setprivPath = sandbox.dropsHostUid ? tools.setprivPath : null;
      if (setprivPath) handOver(copyDir);
      const { command, args } = bwrapCommand({ bwrapPath: tools.bwrapPath, setprivPath, copyDir, argv: ["/bin/sh", "-c", script], env: testEnv(SANDBOX_APP_DIR, options.maxOldSpaceMb) });
      return { command, args, env: {} };
    }
    case "node-permission": {
      const built = nodePermissionCommand({ copyDir, script, maxOldSpaceMb: options.maxOldSpaceMb });
      if ("error" in built) return built;
      const env = testEnv(copyDir, options.maxOldSpaceMb);
      // The heap limit is on the command line; NODE_OPTIONS could not add to the permission flags anyway.
      delete env.NODE_OPTIONS;
      return { ...built, env };
    }
    case "none":
      return { command: "/bin/sh", args: ["-c", script], env: { ...testEnv(copyDir, options.maxOldSpaceMb), PATH: `${path.join(copyDir, "node_modules/.bin")}:${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin` } };
    default: {
      const never: never = sandbox.kind;
      throw new Error(`Unknown sandbox: ${String(never)}`);
    }
  }
}

export async function runTestScript(options: TestScriptOptions): Promise<TestScriptResult> {
  const header = `[${options.sandbox.summary}]\n`;
  if (!options.sandbox.canRunTests) return { ran: false, passed: false, output: header, durationMs: 0 };
  const built = commandFor(options);
  if ("error" in built) return { ran: false, passed: false, output: `${header}${built.error}`, durationMs: 0 };
  const result = await runBounded(built.command, built.args, { cwd: options.copyDir, env: built.env, timeoutMs: options.timeoutMs });
  return { ran: true, passed: result.exitCode === 0 && !result.isTimedOut, output: header + result.output, durationMs: result.durationMs };
}
