// The QA agent's browser run: every acceptance check of the plan in headless Chromium, each in a
// isolated context; storage is wiped between checks, collecting console errors, page errors and failed requests.
import { writeFile } from "node:fs/promises";
import { env } from "~/server/env";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { TAcceptanceCheck, TPlan } from "~/server/plan/plan-schema";
import { describeStep, runStep, type Step, type StepContext } from "./run-step";

export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: env.CHROMIUM_PATH, args: chromiumArgs });
}

export interface CheckResult {
  id: string;
  description: string;
  /** The requirements this check verifies (empty for baseline checks). */
  requirementIds: string[];
  passed: boolean;
  /** Index of the failing step, when the check failed. */
  failedStepIndex?: number;
  failedStep?: Step;
  message?: string;
  durationMs: number;
}

export interface AcceptanceReport {
  passed: boolean;
  checks: CheckResult[];
  /** Console errors, uncaught page errors and failed requests, deduplicated, in order. */
  consoleErrors: string[];
  screenshot: Buffer | null;
}

export interface RunAcceptanceChecksOptions {
  baseUrl: string;
  plan: Pick<TPlan, "acceptanceChecks">;
  screenshotPath?: string;
  /** Reuse a running browser (tests share one); otherwise one is launched and closed. */
  browser?: Browser;
  stepTimeoutMs?: number;
}

function watch(page: Page, sink: (message: string) => void): void {
  page.on("console", (msg) => {
    if (msg.type() === "error") sink(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => sink(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "unknown";
    // ERR_ABORTED means the page navigated away mid-request (e.g. between checks), not a broken app.
    if (reason !== "net::ERR_ABORTED") sink(`request failed: ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) sink(`HTTP ${response.status()}: ${response.url()}`);
  });
}

/**
 * Gives the next check a clean slate without the cost of a new page (spawning a renderer takes
 * about a second on a busy machine): wipe the origin's storage, then leave the document so the
 * next "goto" loads the app from scratch.
 */
async function resetPage(page: Page): Promise<void> {
  if (page.url().startsWith("http")) {
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    }).catch(() => undefined);
  }
  await page.goto("about:blank");
}

async function runCheck(page: Page, baseUrl: string, check: TAcceptanceCheck, timeout: number, capture: boolean): Promise<{ result: CheckResult; screenshot: Buffer | null }> {
  const started = performance.now();
  let screenshot: Buffer | null = null;
  const requirementIds = check.requirementIds ?? [];
  const context: StepContext = { baseUrl, timeout, clockAt: null };
  await resetPage(page);
  for (const [index, step] of check.steps.entries()) {
    try {
      await runStep(page, context, step);
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      if (capture) screenshot = await page.screenshot({ fullPage: true, type: "png" }).catch(() => null);
      return {
        result: { id: check.id, description: check.description, requirementIds, passed: false, failedStepIndex: index, failedStep: step, message: `step ${index + 1} (${describeStep(step)}): ${message}`, durationMs: Math.round(performance.now() - started) },
        screenshot,
      };
    }
  }
  if (capture) screenshot = await page.screenshot({ fullPage: true, type: "png" }).catch(() => null);
  return { result: { id: check.id, description: check.description, requirementIds, passed: true, durationMs: Math.round(performance.now() - started) }, screenshot };
}

export async function runAcceptanceChecks(options: RunAcceptanceChecksOptions): Promise<AcceptanceReport> {
  const baseUrl = options.baseUrl.endsWith("/") || options.baseUrl.includes("#") ? options.baseUrl : `${options.baseUrl}/`;
  const timeout = options.stepTimeoutMs ?? 5_000;
  const browser = options.browser ?? (await launchChromium());
  const errors: string[] = [];
  const sink = (message: string): void => {
    if (!errors.includes(message)) errors.push(message);
  };
  const checks = options.plan.acceptanceChecks;
  // The screenshot comes from the first check that exercises the app (after "app loads"), so it shows data.
  const captureIndex = Math.min(1, checks.length - 1);
  let screenshot: Buffer | null = null;
  const results: CheckResult[] = [];
  let context: BrowserContext | undefined;
  try {
    const contextOptions = { viewport: { width: 1280, height: 800 }, serviceWorkers: "block" as const };
    context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    watch(page, sink);
    for (const [index, check] of checks.entries()) {
      // A fake clock belongs to a whole browser context: such a check gets a context of its own.
      const needsOwnContext = check.steps.some((step) => step.action === "clock");
      const own = needsOwnContext ? await browser.newContext(contextOptions) : null;
      try {
        const checkPage = own ? await own.newPage() : page;
        if (own) watch(checkPage, sink);
        const run = await runCheck(checkPage, baseUrl, check, timeout, index === captureIndex);
        results.push(run.result);
        screenshot ??= run.screenshot;
      } finally {
        await own?.close().catch(() => undefined);
      }
    }
  } finally {
    await context?.close().catch(() => undefined);
    if (!options.browser) await browser.close().catch(() => undefined);
  }
  if (screenshot && options.screenshotPath) await writeFile(options.screenshotPath, screenshot);
  return { passed: results.every((r) => r.passed) && errors.length === 0, checks: results, consoleErrors: errors, screenshot };
}
