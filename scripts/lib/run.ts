import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command, inheriting stdio; rejects with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

export const nextBin = "node_modules/next/dist/bin/next";
export const prismaBin = "node_modules/prisma/build/index.js";

/** `prisma generate` works offline only with the schema engine switched off (it is not needed to generate). */
export function generatePrismaClient(): Promise<void> {
  return run(process.execPath, [prismaBin, "generate"], {
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
