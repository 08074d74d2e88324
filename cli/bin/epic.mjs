#!/usr/bin/env node
// The `epic` command as the repository runs it (`npx epic`, package.json's bin): the TypeScript
// sources through tsx, in this process (so Ctrl-C reaches the CLI itself, not a wrapper). The
// standalone package (cli/package.json) runs the esbuild bundle (`npm run cli:build`) instead.
import { fileURLToPath } from "node:url";

const { register } = await import("tsx/esm/api");
register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
await import("../epic.ts");
