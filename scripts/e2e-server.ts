// Serves the app for the Playwright suite: the quick-start path on a brand-new data folder.
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { run } from "./lib/run";

const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });
const dataDir = path.resolve(".data", `e2e-${values.port}`);
rmSync(dataDir, { recursive: true, force: true });

await run(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", values.port!, "--data-dir", dataDir], {
  env: { ...process.env, NEXTAUTH_URL: `http://localhost:${values.port}` },
});
