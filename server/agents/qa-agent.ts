// The QA agent: checks a version for real. Static checks of the files, the app's own test
// command in a scratch directory inside the QA sandbox (time- and memory-limited), then the plan's acceptance checks
// in headless Chromium with a screenshot. Failures come back as QaFailures for the repair loop.
// Without a browser the acceptance checks are "unverified": they are not failures (nothing to
// repair), and the run reports them as gaps instead of passing.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { QaFailure } from "../llm";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { getQaSandbox } from "~/server/sandbox/qa-sandbox";
import { runTestScript } from "~/server/sandbox/run-test-script";
import type { SandboxKind } from "~/server/sandbox/sandbox-status";
import { withStepScratch } from "~/server/scratch/scratch-space";
import { checkFiles } from "./qa/check-files";
import type { BrowserSlot } from "./qa/browser-slots";
import { fingerprintApp } from "./qa/check-fingerprint";
import { runAcceptanceChecks, type CheckMemo, type CheckResult, type RunAcceptanceChecksOptions } from "./qa/run-acceptance-checks";
import { serveDirectory } from "./qa/serve-directory";
import { createMemoryRecordStore } from "~/server/app-data/memory-record-store";

export type QaReport = {
  /** Nothing failed: static checks, the app's tests, and every browser check that could run. */
  passed: boolean;
  /** False when no browser could be had: every acceptance check is then "unverified". */
  isBrowserVerified: boolean;
  browserUnavailableReason: string | null;
  failures: QaFailure[];
  checks: CheckResult[];
  staticProblems: string[];
  /** `sandbox`: what the tests ran in (null when there was nothing to run). */
  testCommand: { ran: boolean; passed: boolean; output: string; durationMs: number; sandbox: SandboxKind | null };
  consoleErrors: string[];
  /** Requests outside the app under test that the browser blocked (each check lists its own too). */
  blockedRequests: string[];
  screenshot: Buffer | null;
};

const TEST_TIMEOUT_MS = 60_000;

/** Writes files under `root`; paths were validated when the version was stored (no .., no absolute). */
async function writeWorkingCopy(root: string, files: Array<{ path: string; content: string | Uint8Array }>) {
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`Refusing to write outside the working copy: ${file.path}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: "wx" });
  }
}

/** The app's test script in the QA sandbox (server/sandbox/), time- and memory-limited. */
async function runAppTests(cwd: string, script: string): Promise<QaReport["testCommand"]> {
  const sandbox = await getQaSandbox();
  const result = await runTestScript({ copyDir: cwd, script, sandbox, timeoutMs: TEST_TIMEOUT_MS, maxOldSpaceMb: 256 });
  return { ...result, sandbox: sandbox.kind };
}

/** Whether any file of the app calls the server for its shared records (`_data/` beside the app, server/app-data/). */
function usesAppData(files: TGeneratedFile[]): boolean {
  return files.some((file) => typeof file.content === "string" && file.content.includes("_data/"));
}

function testScriptOf(files: TGeneratedFile[]): string | null {
  const manifest = files.find((file) => file.path === "package.json");
  if (!manifest) return null;
  try {
    const test = (JSON.parse(manifest.content) as { scripts?: { test?: unknown } }).scripts?.test;
    return typeof test === "string" ? test : null;
  } catch {
    return null;
  }
}

/**
 * `scratchDir`: the step's scratch folder (server/scratch/), which the caller removes; without one,
 * QA makes and removes its own under the platform's scratch root. `checkMemo`: where the step keeps
 * the acceptance checks that passed, so an attempt cut off by a crash runs only the others
 * (the static checks and the app's tests are quick, and always run again).
 */
export async function runQaAgent(input: {
  plan: TPlan;
  files: TGeneratedFile[];
  scratchDir?: string;
  onBrowserReady?: () => Promise<void>;
  checkMemo?: CheckMemo;
  onCheckStored?: (storedCount: number) => Promise<void>;
  /** Called once QA has its browser slot (run-acceptance-checks.ts): how long it waited in line. */
  onBrowserSlot?: (slot: BrowserSlot) => void | Promise<void>;
  /** How the checks time out and retry (tests of apps that must fail: testing/planted-bug.ts); QA's defaults otherwise. */
  checkTimeouts?: Pick<RunAcceptanceChecksOptions, "stepTimeoutMs" | "retryTimedOutChecks" | "readLoad">;
}): Promise<QaReport> {
  const { scratchDir } = input;
  if (!scratchDir) return withStepScratch("no-run", "qa", (dir) => runQaAgent({ ...input, scratchDir: dir }));
  const staticProblems = await checkFiles(input.files);
  // Two copies of the app: the one the browser is served, and one the app's own tests run in, so
  // both run at once (they are independent; on a small machine the tests' Node start-up overlaps
  // the browser's work) and nothing the tests write can change what the browser is served.
  const root = path.join(scratchDir, "app");
  const testsRoot = path.join(scratchDir, "app-tests");
  await mkdir(root);
  await writeWorkingCopy(root, input.files);
  const script = testScriptOf(input.files);
  const testRun: Promise<QaReport["testCommand"]> = script !== null
    ? mkdir(testsRoot).then(() => writeWorkingCopy(testsRoot, input.files)).then(() => runAppTests(testsRoot, script))
    : Promise.resolve({ ran: false, passed: true, output: "No test script", durationMs: 0, sandbox: null });
  // Settled here so a failure of the checks below cannot leave it unobserved.
  const testOutcome = testRun.then((value) => ({ value }), (error: unknown) => ({ error }));
  // The app's shared records, if it keeps them on its server: a store for this QA run only. The
  // files do not change while they are served: the browser may cache them between checks.
  const served = await serveDirectory({ root, prefix: "/preview/qa/", appData: createMemoryRecordStore(), isImmutable: true });
  let report;
  try {
    report = await runAcceptanceChecks({
      baseUrl: served.baseUrl,
      plan: input.plan,
      scratchDir,
      onBrowserReady: input.onBrowserReady,
      memo: input.checkMemo ? { checks: input.checkMemo, appFingerprint: fingerprintApp(input.files) } : undefined,
      onCheckStored: input.onCheckStored,
      onBrowserSlot: input.onBrowserSlot,
      // Each run of a check gets records of its own, as it gets empty storage. An app that never
      // calls its server for records needs no scope: its checks then load the same URLs, which the
      // browser's cache serves after the first.
      ...(usesAppData(input.files) ? { baseUrlForRun: (run: number) => served.scopedUrl(`c${run}`) } : {}),
      ...input.checkTimeouts,
    });
  } finally {
    await served.close();
    // Whatever happened above, the app's tests end before QA does: the caller removes the scratch
    // folder they run in, and a step that failed (the database gone, say) is tried again.
    await testOutcome;
  }
  const tested = await testOutcome;
  if ("error" in tested) throw tested.error;
  const testCommand = tested.value;

  const failures: QaFailure[] = [
    ...staticProblems.map((message) => ({ checkId: "static-checks", message })),
    ...(testCommand.passed ? [] : [{ checkId: "app-tests", message: "npm test failed", log: testCommand.output }]),
    ...report.checks.filter((check) => check.status === "failed").map((check) => ({ checkId: check.id, description: check.description, message: check.message ?? "failed" })),
    ...(report.consoleErrors.length ? [{ checkId: "console", message: "The app logged errors", log: report.consoleErrors.join("\n") }] : []),
  ];
  return {
    passed: failures.length === 0,
    isBrowserVerified: report.isBrowserVerified,
    browserUnavailableReason: report.browserUnavailableReason,
    failures,
    checks: report.checks,
    staticProblems,
    testCommand,
    consoleErrors: report.consoleErrors,
    blockedRequests: report.blockedRequests,
    screenshot: report.screenshot,
  };
}
