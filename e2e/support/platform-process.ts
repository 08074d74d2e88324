// A platform of a spec's own, started the way `npm start` starts it (scripts/start.ts), for specs
// that need a different environment than the main e2e server (no browser, a Sentry DSN, …).
import { spawn, type ChildProcess } from "node:child_process";

export type PlatformProcess = {
  /** Everything the platform has printed so far (stdout and stderr). */
  output: () => string;
  waitForOutput: (text: string, timeoutMs: number) => Promise<void>;
  stop: () => Promise<void>;
};

export async function startPlatform({ port, dataDir, env }: { port: number; dataDir: string; env: NodeJS.ProcessEnv }): Promise<PlatformProcess> {
  // Its own process group, so the server `npm start` spawns is stopped with it.
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port), "--data-dir", dataDir], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const waitForOutput = async (text: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(text)) {
      if (server.exitCode !== null) throw new Error(`The platform exited with ${server.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`No "${text}" from the platform within ${timeoutMs / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const stop = async () => {
    if (!server.pid || server.exitCode !== null) return;
    process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  };
  // The build is already current (the main e2e server built it), so this is migrations and boot.
  await waitForOutput("[epic] Ready in", 300_000);
  return { output: () => output, waitForOutput, stop };
}
