// The QA agent: checks a version for real. Static checks of the files, the app's own test
// command in a scratch directory (time- and memory-limited), then the plan's acceptance checks
// in headless Chromium with a screenshot. Failures come back as QaFailures for the repair loop.
// Without a browser the acceptance checks are "unverified": they are not failures (nothing to
// repair), and the run reports them as gaps instead of passing.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { QaFailure } from "../llm";
import type { TGeneratedFile, TPlan } from "~/server/plan/plan-schema";
import { checkFiles } from "./qa/check-files";
import { runAcceptanceChecks, type CheckResult } from "./qa/run-acceptance-checks";
import { serveDirectory } from "./qa/serve-directory";

export type QaReport = {
  /** Nothing failed: static checks, the app's tests, and every browser check that could run. */
  passed: boolean;
  /** False when no browser could be had: every acceptance check is then "unverified". */
  isBrowserVerified: boolean;
  browserUnavailableReason: string | null;
  failures: QaFailure[];
  checks: CheckResult[];
  staticProblems: string[];
  testCommand: { ran: boolean; passed: boolean; output: string; durationMs: number };
  consoleErrors: string[];
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

function runAppTests(cwd: string): Promise<QaReport["testCommand"]> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["test", "--silent"], {
      cwd,
      // The generated app's code is untrusted: no secrets from our environment, bounded memory.
      env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: cwd, NODE_OPTIONS: "--max-old-space-size=256", CI: "1", npm_config_update_notifier: "false" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      output += `\nKilled after ${TEST_TIMEOUT_MS / 1000} s`;
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, TEST_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ ran: true, passed: code === 0, output: output.slice(-8_000), durationMs: Math.round(performance.now() - started) });
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ ran: true, passed: false, output: String(error), durationMs: Math.round(performance.now() - started) });
    });
  });
}

function hasTestScript(files: TGeneratedFile[]): boolean {
  const manifest = files.find((file) => file.path === "package.json");
  if (!manifest) return false;
  try {
    return typeof (JSON.parse(manifest.content) as { scripts?: { test?: unknown } }).scripts?.test === "string";
  } catch {
    return false;
  }
}

export async function runQaAgent(input: { plan: TPlan; files: TGeneratedFile[] }): Promise<QaReport> {
  const staticProblems = await checkFiles(input.files);
  const root = await mkdtemp(path.join(tmpdir(), "epic-qa-"));
  try {
    await writeWorkingCopy(root, input.files);
    const testCommand = hasTestScript(input.files)
      ? await runAppTests(root)
      : { ran: false, passed: true, output: "No test script", durationMs: 0 };
    const served = await serveDirectory({ root, prefix: "/preview/qa/" });
    let report;
    try {
      report = await runAcceptanceChecks({ baseUrl: served.baseUrl, plan: input.plan });
    } finally {
      await served.close();
    }

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
      screenshot: report.screenshot,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
