// Runs one command with a time limit and a cap on the output kept, killing its whole process
// group on timeout. The sandboxes build the command; this only runs it.
import { spawn } from "node:child_process";

export type BoundedResult = {
  exitCode: number | null;
  /** The last part of stdout and stderr interleaved (the end says why a test run failed). */
  output: string;
  isTimedOut: boolean;
  durationMs: number;
};

const KEEP_CHARS = 8_000;

export function runBounded(command: string, args: readonly string[], options: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<BoundedResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let output = "";
    let isTimedOut = false;
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4 * KEEP_CHARS);
    };
    const finish = (exitCode: number | null, extra = "") => {
      clearTimeout(timer);
      resolve({ exitCode, output: (output + extra).slice(-KEEP_CHARS), isTimedOut, durationMs: Math.round(performance.now() - started) });
    };
    // detached: its own process group, so a timeout kills everything it started, not just the leader.
    // The cast: this project types ProcessEnv with a required NODE_ENV; the child gets exactly this env.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      isTimedOut = true;
      output += `\nKilled after ${options.timeoutMs / 1000} s`;
      if (child.pid) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }, options.timeoutMs);
    child.on("close", (code) => finish(code));
    child.on("error", (error) => finish(null, `\n${String(error)}`));
  });
}
