// Crash recovery of the real server (issue 17): `scripts/start.ts` — what `npm start` runs — on a
// data folder of its own (PGlite on disk, embedded executor, offline provider), three projects
// created through the REST API, and the whole process tree killed with SIGKILL while one run is
// inside its version step, one inside QA (Chromium up, the working copy in the scratch folder), one
// inside QA after two acceptance checks passed, and one inside its deploy step
// (server/faults/fault-point.ts holds each there). Started again on the same folder, every run must
// finish with nothing left behind: no agent task or step attempt RUNNING, one resumed event per
// interrupted step ("agent.resumed" for an agent's, "step.resumed" for the version step, which runs
// no agent), nothing of the killed steps in the temporary folder, each version and deployment
// once — and the checks that had passed before the kill are kept, not run again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  freePort,
  inspectCrashDataDir,
  leftoverScratch,
  prepareCrashDataDir,
  readQaCheckMemo,
  restClient,
  startCrashServer,
  type CrashServer,
} from "../../scripts/lib/crash-server";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-crash-data-"));
const tmpDir = mkdtempSync(path.join(tmpdir(), "epic-crash-tmp-"));
let server: CrashServer | undefined;

afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(tmpDir, { recursive: true, force: true });
}, 60_000);

const prompts = [
  "landing page for Rosie's Bakery with our menu and opening hours",
  "a todo list where I can add tasks and mark them done",
  "a portfolio site for a photographer with a gallery and a contact form",
  "a tip calculator to split the bill",
];

// Starting the server may build the app first (when the sources changed since the last build).
describe("crash recovery of the real server (kill -9 inside the version, QA and deploy steps)", { timeout: 900_000 }, () => {
  it("finishes every run after a restart, with no task or step attempt RUNNING, one resumed event per interrupted step, no scratch left, each version and deployment once, passed checks kept", async () => {
    const { token, workspaceId } = await prepareCrashDataDir(dataDir);
    const port = await freePort();
    // Two runs are held inside QA, each with a browser slot: the run bound for the deploy step needs
    // a third (the default is one per core, at least 2, which the held runs would take forever).
    server = await startCrashServer({ dataDir, tmpDir, port, faultPoints: ["version", "qa", "qa-after-check", "deploy"], env: { QA_BROWSER_CONCURRENCY: "4" } });
    const api = restClient(server.url, token);
    const runIds: string[] = [];
    for (const prompt of prompts) runIds.push((await api.createProject(workspaceId, prompt)).runId);

    // Each point holds the first run that reaches it; the others pass on to the next point.
    const atVersion = await server.waitForFault("version");
    const atQa = await server.waitForFault("qa");
    const atQaCheck = await server.waitForFault("qa-after-check", 300_000);
    const atDeploy = await server.waitForFault("deploy", 300_000);
    expect(new Set([atVersion, atQa, atQaCheck, atDeploy]).size).toBe(4);
    expect(leftoverScratch(tmpDir).some((entry) => entry.includes(atQa) && entry.endsWith(`${path.sep}app`))).toBe(true);

    await server.kill();
    // What the killed QA steps had stored: two passed checks of the run held after them, nothing
    // of the run held before its first check.
    const memo = await readQaCheckMemo(dataDir);
    const passedBeforeKill = memo.filter((row) => row.runId === atQaCheck);
    expect(passedBeforeKill.map((row) => row.stepKey)).toEqual(["qa-1", "qa-1"]);
    expect(memo.filter((row) => row.runId === atQa)).toEqual([]);
    const restartedAt = performance.now();
    server = await startCrashServer({ dataDir, tmpDir, port });
    const statuses = await restClient(server.url, token).waitForRuns(runIds, 240_000);
    console.log(`crash recovery: restart → all ${runIds.length} runs finished in ${((performance.now() - restartedAt) / 1000).toFixed(1)} s`);
    await server.stop();
    server = undefined;

    // Every run finished, and went live (with or without gaps), despite the crash.
    for (const runId of runIds) expect(["SUCCEEDED", "READY_WITH_GAPS"], `run ${runId}`).toContain(statuses[runId]);
    const report = await inspectCrashDataDir(dataDir);
    expect(report.staleTasks).toBe(0);
    expect(report.staleStepAttempts).toBe(0);
    expect(report.duplicateVersions).toBe(0);
    expect(report.duplicateDeployments).toBe(0);
    expect(report.duplicateSteps).toBe(0);
    for (const runId of runIds) {
      expect(report.versions[runId], `versions of run ${runId}`).toBeGreaterThanOrEqual(1);
      expect(report.deployments[runId], `preview deployments of run ${runId}`).toBe(1);
    }
    // One resumed event per interruption: the agent's for QA and deploy, the step's for the version
    // step (it runs no agent; its re-run reused the version the killed try had stored).
    expect(report.resumed[atQa]).toEqual(["QA/verify/1"]);
    expect(report.resumed[atQaCheck]).toEqual(["QA/verify/1"]);
    expect(report.resumed[atDeploy]).toEqual(["Deploy/local-preview"]);
    expect(report.resumed[atVersion]).toEqual(["step create-version reused version"]);
    expect(report.interruptedTasks).toBe(3);
    // The QA step cut off after two checks kept exactly those two (their results as stored, not a
    // new run of them) and ran the others; one qa.result per QA round, and the memo is cleared.
    const firstQa = report.qaResults[atQaCheck]!.filter((qa) => qa.attempt === 1);
    expect(firstQa).toHaveLength(1);
    expect(firstQa[0]!.kept).toBe(2);
    const kept = firstQa[0]!.checks.filter((check) => check.isFromEarlierAttempt);
    expect(kept.map((check) => [check.id, check.status, check.durationMs])).toEqual(passedBeforeKill.map((row) => [row.checkId, "passed", row.durationMs]));
    expect(firstQa[0]!.checks.length).toBeGreaterThan(2);
    expect(report.qaResults[atQa]!.every((qa) => qa.kept === 0)).toBe(true);
    for (const runId of runIds) {
      const rounds = report.qaResults[runId]!.map((qa) => qa.attempt);
      expect(new Set(rounds).size, `qa.result events of run ${runId}`).toBe(rounds.length);
    }
    expect(report.qaCheckMemoRows).toBe(0);
    // Nothing of the killed steps (nor of any other) is left in the temporary folder.
    expect(leftoverScratch(tmpDir)).toEqual([]);
  });
});
