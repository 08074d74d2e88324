// One kill/restart of the real server, timed phase by phase (issue 17: restart → serving was
// ~47 s after a SIGKILL against ~21 s for a first start). Starts `scripts/start.ts` on a fresh data
// folder (scripts/lib/crash-server.ts), starts three runs, waits until they stand at the version,
// QA and deploy fault points (so the kill catches a version step, Chromium and a deployment),
// kills the whole process tree with SIGKILL, starts it again on the same folder and prints, for
// both starts, when each start-up line appeared (ms since spawn) and the total to "Ready".
//   npx tsx scripts/time-restart.ts [--keep-build]
// The first start builds the app when the sources changed since the last build: that start is
// then not a fair "first start", so the script starts and stops once before timing (unless the
// build is current).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, prepareCrashDataDir, restClient, startCrashServer, type CrashServer, type TimedLine } from "./lib/crash-server";
import { isBuildCurrent } from "./lib/build-stamp";

const prompts = [
  "landing page for Rosie's Bakery with our menu and opening hours",
  "a todo list where I can add tasks and mark them done",
  "a portfolio site for a photographer with a gallery and a contact form",
];

/** Start-up lines worth a timestamp: start.ts's own, Next's, and the server's JSON log lines (their msg). */
function phases(lines: TimedLine[]): string[] {
  return lines
    .map(({ ms, line }) => {
      let text = line;
      if (line.startsWith("{")) {
        try {
          const parsed = JSON.parse(line) as { msg?: string; name?: string; faultPoint?: string };
          if (parsed.faultPoint) return null;
          text = `${parsed.name ? `${parsed.name}: ` : ""}${parsed.msg ?? line}`;
        } catch {
          // not JSON after all
        }
      }
      return `${(ms / 1000).toFixed(1).padStart(6)} s  ${text.slice(0, 160)}`;
    })
    .filter((line): line is string => line !== null);
}

const readyAt = (server: CrashServer) => server.lines.find(({ line }) => /\[epic\] Ready in/.test(line))?.ms ?? NaN;

const root = process.cwd();
const dataDir = mkdtempSync(path.join(tmpdir(), "epic-time-restart-data-"));
const tmpDir = mkdtempSync(path.join(tmpdir(), "epic-time-restart-tmp-"));
let server: CrashServer | undefined;
try {
  // E2E_PORT: a port of the caller's own (shared machines), else any free one.
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
  if (!isBuildCurrent(root)) {
    console.log("building first (sources changed since the last build); that start is not timed");
    const warmDir = mkdtempSync(path.join(tmpdir(), "epic-time-restart-warm-"));
    await prepareCrashDataDir(warmDir);
    const warm = await startCrashServer({ dataDir: warmDir, tmpDir, port });
    await warm.stop();
    rmSync(warmDir, { recursive: true, force: true });
  }
  const { token, workspaceId } = await prepareCrashDataDir(dataDir);
  server = await startCrashServer({ dataDir, tmpDir, port, faultPoints: ["version", "qa", "deploy"] });
  const first = server;
  const api = restClient(server.url, token);
  const runIds: string[] = [];
  for (const prompt of prompts) runIds.push((await api.createProject(workspaceId, prompt)).runId);
  for (const point of ["version", "qa", "deploy"] as const) await server.waitForFault(point);
  await server.kill();
  const restartedAt = performance.now();
  // RESTART_ENV="NAME=value,…": the restart's own environment, for experiments (e.g. INNGEST_DEV=1
  // starts it without the embedded executor, so no run resumes: what does resuming cost?).
  const restartEnv = Object.fromEntries((process.env.RESTART_ENV ?? "").split(",").filter(Boolean).map((pair) => pair.split("=", 2) as [string, string]));
  server = await startCrashServer({ dataDir, tmpDir, port, env: restartEnv });
  const ready = performance.now() - restartedAt;
  const second = server;
  const statuses = process.env.RESTART_ENV ? {} : await restClient(server.url, token).waitForRuns(runIds, 300_000);
  const finishedAfter = performance.now() - restartedAt;
  await server.stop();
  server = undefined;

  console.log("\nfirst start:");
  console.log(phases(first.lines.filter(({ ms }) => ms <= readyAt(first))).join("\n"));
  console.log("\nrestart after kill -9:");
  // And what followed for 20 s: work the restart resumed (takeovers, sweeps) shows there.
  console.log(phases(second.lines.filter(({ ms }) => ms <= readyAt(second) + 20_000)).join("\n"));
  console.log(`\nfirst start → Ready: ${(readyAt(first) / 1000).toFixed(1)} s`);
  console.log(`restart → Ready: ${(readyAt(second) / 1000).toFixed(1)} s (spawn → serving as the harness saw it: ${(ready / 1000).toFixed(1)} s)`);
  console.log(`restart → all ${runIds.length} runs finished: ${(finishedAfter / 1000).toFixed(1)} s (${Object.values(statuses).join(", ")})`);
} finally {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(tmpDir, { recursive: true, force: true });
}
