// The QA agent's browser run: every acceptance check of the plan in headless Chromium, in
// QA_CHECK_CONCURRENCY lanes (default one; each a context of its own whose storage is wiped
// between its checks), collecting console errors, page errors and failed requests.
// The browser reaches only the app under test: any other request is aborted and listed with the
// check that made it (a detail, not a failure — if the app needed it, its checks fail on their own).
// When no browser can be had, every check comes back "unverified" (never passed, never failed).
// A check that timed out (a busy machine, not necessarily a broken app) runs once more before it
// counts as failed, and one that timed out again says so (`isTimedOut`). So that a busy machine
// fails no app: each check's step timeout grows with the load (load-scaled-timeout.ts), and an
// instance runs at most QA_BROWSER_CONCURRENCY browser sessions at once, the rest waiting in line
// for a slot (browser-slots.ts).
// The browser is the process's warm one (server/browser/warm-browser.ts), leased for the session:
// the session's contexts are its own and closed when it ends.
// With a memo (`CheckMemo`, the pipeline's is server/pipeline/qa-check-memo.ts), each check that
// passes is stored as soon as it passed, and a run again of the same QA step (after a crash) uses
// the stored result of a check with the same fingerprint instead of running it again.
import { writeFile } from "node:fs/promises";
import { errors as playwrightErrors, type Browser, type BrowserContext, type Page } from "playwright-core";
import { BrowserUnavailableError } from "~/server/browser/browser-status";
import type { BrowserLease } from "~/server/browser/warm-browser";
import { isRemoteBrowser, launchBrowser, leaseBrowser } from "~/server/browser/launch-browser";
import { restrictionTo, type OriginRestriction } from "~/server/browser/restrict-to-origin";
import type { QaCheckStatus } from "~/server/events/run-events";
import { env } from "~/server/env";
import { getLogger } from "~/server/observability/logger";
import type { TAcceptanceCheck, TPlan } from "~/server/plan/plan-schema";
import { fingerprintCheck } from "./check-fingerprint";
import { createBrowserSlots, defaultBrowserConcurrency, type BrowserSlot, type BrowserSlots } from "./browser-slots";
import { describeTimeout, readLoad, scaleTimeout, type LoadReading } from "./load-scaled-timeout";
import { describeStep, runStep, type Step, type StepContext } from "./run-step";

const log = getLogger("qa");

const globalForSlots = globalThis as unknown as { __epicQaBrowserSlots?: BrowserSlots };

/** This process's browser slots (QA_BROWSER_CONCURRENCY, else one per core, at least two). */
export function getQaBrowserSlots(): BrowserSlots {
  globalForSlots.__epicQaBrowserSlots ??= createBrowserSlots(env.QA_BROWSER_CONCURRENCY ?? defaultBrowserConcurrency());
  return globalForSlots.__epicQaBrowserSlots;
}

/** The finder's browser, launched (server/browser/); the old name, kept for existing callers. */
export const launchChromium = launchBrowser;

export interface CheckResult {
  id: string;
  description: string;
  /** The requirements this check verifies (empty for baseline checks). */
  requirementIds: string[];
  /** True only when the check ran and passed. */
  passed: boolean;
  status: QaCheckStatus;
  /** Index of the failing step, when the check failed. */
  failedStepIndex?: number;
  failedStep?: Step;
  message?: string;
  /** The check failed because a step timed out, on its second try too (a first timeout is retried). */
  isTimedOut?: boolean;
  /** Requests outside the app under test that were blocked during this check. */
  blockedRequests: string[];
  durationMs: number;
  /**
   * Not run in this attempt: it had passed in an attempt of the same QA step that a crash cut off,
   * against the same app and check (its stored result, durationMs included, is that attempt's).
   */
  isFromEarlierAttempt?: boolean;
}

/** A passed check as a memo keeps it: what it found, and the console errors seen while it ran. */
export type StoredCheck = { checkId: string; fingerprint: string; result: CheckResult; consoleErrors: string[] };

/**
 * Where a QA step keeps the checks that passed, so an attempt cut off by a crash is not run
 * again in full. Injected by the caller (the pipeline's is database-backed); without one, every
 * check runs.
 */
export interface CheckMemo {
  /** The checks stored by earlier attempts of this same step under any of these fingerprints. */
  load(fingerprints: string[]): Promise<StoredCheck[]>;
  /** Stores one passed check; the same check under the same fingerprint is kept once. */
  store(check: StoredCheck): Promise<void>;
}

export interface AcceptanceReport {
  /** No check failed and the page logged no errors; see isBrowserVerified for whether they ran. */
  passed: boolean;
  isBrowserVerified: boolean;
  /** Why the checks could not run (no browser, or one that does not start). */
  browserUnavailableReason: string | null;
  checks: CheckResult[];
  /** Console errors, uncaught page errors and failed requests, deduplicated, in order. */
  consoleErrors: string[];
  /** Every request outside the app under test that was blocked, deduplicated, in order. */
  blockedRequests: string[];
  screenshot: Buffer | null;
  /** How long the session waited for a browser slot (0: one was free; absent when no browser was asked for). */
  browserWaitMs?: number;
}

export interface RunAcceptanceChecksOptions {
  baseUrl: string;
  plan: Pick<TPlan, "acceptanceChecks">;
  screenshotPath?: string;
  /** Reuse a running browser (tests share one); otherwise one is launched and closed. */
  browser?: Browser;
  stepTimeoutMs?: number;
  /**
   * Run a check that timed out once more before it counts (default true): on a busy machine a
   * page can time out for no fault of the app. Off where a failure is expected and certain (the
   * block suites' planted bugs), so it is not waited for twice.
   */
  retryTimedOutChecks?: boolean;
  /** The step's scratch folder (server/scratch/): where a browser launched here keeps its temporary files. */
  scratchDir?: string;
  /** Called once the browser is up, before the first check (crash tests stop the process there). */
  onBrowserReady?: () => Promise<void>;
  /** Passed checks are stored here and reused from here; `appFingerprint`: fingerprintApp of the app's files. */
  memo?: { checks: CheckMemo; appFingerprint: string };
  /** Called after each passed check was stored in the memo, with how many this attempt stored so far (crash tests stop there). */
  onCheckStored?: (storedCount: number) => Promise<void>;
  /** The bound on concurrent sessions to queue in (default: the process's, getQaBrowserSlots). */
  slots?: BrowserSlots;
  /** Called once this session has its browser slot (with how long it waited for it), before the browser starts. */
  onBrowserSlot?: (slot: BrowserSlot) => void | Promise<void>;
  /** The machine's load, read once per check to scale its step timeout (tests fix it). */
  readLoad?: () => LoadReading;
  /** How many checks run at once, each in its own context (default QA_CHECK_CONCURRENCY, else defaultCheckConcurrency). */
  checkConcurrency?: number;
  /**
   * Where each run of a check opens the app (default `baseUrl`): QA gives each its own data
   * scope (serve-directory.ts), so shared records of one check never show in another.
   */
  baseUrlForRun?: (run: number) => string;
}

/**
 * Checks run at once in one QA session. One: on a 2-core machine two lanes measured no faster
 * (todo app's 7 checks: 8.4 s median one at a time, 8.9 s two at a time, quiet machine) since
 * Chromium's work, not waiting, is what a check costs there. Machines with more cores may set
 * QA_CHECK_CONCURRENCY higher.
 */
export const defaultCheckConcurrency = 1;

function watch(page: Page, restriction: OriginRestriction, sink: (message: string) => void): void {
  page.on("console", (msg) => {
    // Chromium's own line for a request or socket we blocked: reported as a blocked request instead.
    if (msg.type() === "error" && !restriction.isBlockedNotice(msg)) sink(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => sink(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "unknown";
    // ERR_ABORTED means the page navigated away mid-request (e.g. between checks), not a broken app;
    // a request outside the app failed because we blocked it (listed as blocked).
    if (reason !== "net::ERR_ABORTED" && !restriction.isOutside(request.url())) sink(`request failed: ${request.url()} (${reason})`);
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

function blockedNote(blocked: string[]): string {
  const shown = blocked.slice(0, 5).join(", ");
  return `blocked ${blocked.length} request(s) outside the app under test: ${shown}${blocked.length > 5 ? ", …" : ""}`;
}

/** A second device for a check: a browser context of its own (no shared storage), with its page. */
type OpenDevice = () => Promise<{ page: Page; close: () => Promise<void> }>;

async function runCheck(
  page: Page,
  baseUrl: string,
  check: TAcceptanceCheck,
  baseTimeout: number,
  load: () => LoadReading,
  capture: boolean,
  blocked: string[],
  openDevice?: OpenDevice,
): Promise<{ result: CheckResult; screenshot: Buffer | null }> {
  const opened: Array<() => Promise<void>> = [];
  try {
    return await runCheckSteps(page, baseUrl, check, baseTimeout, load, capture, blocked, openDevice, opened);
  } finally {
    await Promise.all(opened.map((close) => close().catch(() => undefined)));
  }
}

async function runCheckSteps(
  firstPage: Page,
  baseUrl: string,
  check: TAcceptanceCheck,
  baseTimeout: number,
  load: () => LoadReading,
  capture: boolean,
  blocked: string[],
  openDevice: OpenDevice | undefined,
  opened: Array<() => Promise<void>>,
): Promise<{ result: CheckResult; screenshot: Buffer | null }> {
  const started = performance.now();
  let screenshot: Buffer | null = null;
  const requirementIds = check.requirementIds ?? [];
  // Once per check (a retry reads the load again): its steps share one timeout, so a slow step
  // reports the very timeout it had.
  const scaled = scaleTimeout(baseTimeout, load());
  const timeout = scaled.timeoutMs;
  // The page later steps act on: the check's own, or a second device's after a `device` step.
  let page = firstPage;
  const devices = new Map<string, Page>([["first", firstPage]]);
  const useDevice = openDevice
    ? async (name: "first" | "second") => {
        let devicePage = devices.get(name);
        if (!devicePage) {
          const device = await openDevice();
          opened.push(device.close);
          devicePage = device.page;
          devices.set(name, devicePage);
        }
        page = devicePage;
      }
    : undefined;
  const context: StepContext = { baseUrl, timeout, clockAt: null, ...(useDevice ? { useDevice } : {}) };
  await resetPage(page);
  for (const [index, step] of check.steps.entries()) {
    try {
      await runStep(page, context, step);
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      const isTimedOut = error instanceof playwrightErrors.TimeoutError;
      // Bounded: a page stuck loading would hold the default 30 s screenshot timeout.
      if (capture) screenshot = await page.screenshot({ fullPage: true, type: "png", timeout: timeout * 2 }).catch(() => null);
      // The blocked requests may be why it failed: the repair loop should know the app reached out.
      const note = blocked.length ? ` (${blockedNote(blocked)})` : "";
      return {
        result: {
          id: check.id,
          description: check.description,
          requirementIds,
          passed: false,
          status: "failed",
          failedStepIndex: index,
          failedStep: step,
          message: `step ${index + 1} (${describeStep(step)}): ${isTimedOut ? `timed out with a step timeout of ${describeTimeout(scaled)}: ` : ""}${message}${note}`,
          ...(isTimedOut ? { isTimedOut } : {}),
          blockedRequests: [...blocked],
          durationMs: Math.round(performance.now() - started),
        },
        screenshot,
      };
    }
  }
  if (capture) screenshot = await page.screenshot({ fullPage: true, type: "png" }).catch(() => null);
  const result: CheckResult = { id: check.id, description: check.description, requirementIds, passed: true, status: "passed", blockedRequests: [...blocked], durationMs: Math.round(performance.now() - started) };
  if (blocked.length) result.message = `passed; ${blockedNote(blocked)}`;
  return { result, screenshot };
}

type CheckRun = { result: CheckResult; screenshot: Buffer | null };

/** Runs a check; one that timed out runs once more (runCheck starts from a blank page), and its report says what happened. */
export async function runCheckRetryingTimeout(run: () => Promise<CheckRun>): Promise<CheckRun> {
  const first = await run();
  if (!first.result.isTimedOut) return first;
  const second = await run();
  const durationMs = first.result.durationMs + second.result.durationMs;
  if (second.result.passed) {
    return { ...second, result: { ...second.result, durationMs, message: `passed on a second try; the first timed out (${first.result.message})` } };
  }
  const verdict = second.result.isTimedOut ? "timed out twice" : "failed on a second try after a timeout";
  return { ...second, result: { ...second.result, durationMs, message: `${verdict}: ${second.result.message}` } };
}

/** Every check of the plan, marked as not run and why. */
export function unverifiedAcceptanceReport(plan: Pick<TPlan, "acceptanceChecks">, reason: string): AcceptanceReport {
  return {
    passed: true,
    isBrowserVerified: false,
    browserUnavailableReason: reason,
    checks: plan.acceptanceChecks.map((check) => ({
      id: check.id,
      description: check.description,
      requirementIds: check.requirementIds ?? [],
      passed: false,
      status: "unverified",
      message: `Not verified: ${reason}`,
      blockedRequests: [],
      durationMs: 0,
    })),
    consoleErrors: [],
    blockedRequests: [],
    screenshot: null,
  };
}

/** The stored passes of `memo` for these checks under their fingerprints, by the check's index (a failure is never reused). */
async function keptChecks(memo: CheckMemo | undefined, checks: TAcceptanceCheck[], fingerprints: string[]): Promise<Map<number, StoredCheck>> {
  const kept = new Map<number, StoredCheck>();
  if (!memo || checks.length === 0) return kept;
  const stored = await memo.load(fingerprints);
  for (const [index, check] of checks.entries()) {
    const match = stored.find((entry) => entry.checkId === check.id && entry.fingerprint === fingerprints[index] && entry.result.passed && entry.result.status === "passed");
    if (match) kept.set(index, match);
  }
  return kept;
}

/** A fresh load of the app for the screenshot, when no check that ran took one. */
async function captureApp(page: Page, baseUrl: string, timeout: number): Promise<Buffer | null> {
  try {
    await resetPage(page);
    await page.goto(baseUrl, { waitUntil: "load", timeout: timeout * 2 });
    await page.waitForLoadState("networkidle", { timeout }).catch(() => undefined);
    return await page.screenshot({ fullPage: true, type: "png", timeout: timeout * 2 });
  } catch {
    return null;
  }
}

/** The plan's checks in a browser session, once the session has one of the instance's browser slots. */
export async function runAcceptanceChecks(options: RunAcceptanceChecksOptions): Promise<AcceptanceReport> {
  const slots = options.slots ?? getQaBrowserSlots();
  const onQueued = (position: number) =>
    log.info({ position, running: slots.active(), limit: slots.limit }, "QA waits for a browser slot (QA_BROWSER_CONCURRENCY browser sessions already run on this instance)");
  return slots.withSlot(async (slot) => {
    if (slot.waitedMs > 0) log.info({ waitedMs: slot.waitedMs, queuedBehind: slot.queuedBehind, limit: slots.limit }, "QA got a browser slot after waiting");
    await options.onBrowserSlot?.(slot);
    return { ...(await runAcceptanceChecksInSlot(options)), browserWaitMs: slot.waitedMs };
  }, onQueued);
}

async function runAcceptanceChecksInSlot(options: RunAcceptanceChecksOptions): Promise<AcceptanceReport> {
  const baseUrl = options.baseUrl.endsWith("/") || options.baseUrl.includes("#") ? options.baseUrl : `${options.baseUrl}/`;
  const timeout = options.stepTimeoutMs ?? 5_000;
  let browser = options.browser;
  let lease: BrowserLease | null = null;
  let restriction: OriginRestriction;
  try {
    if (!browser) {
      lease = await leaseBrowser({ scratchDir: options.scratchDir });
      browser = lease.browser;
    }
    // A remote browser (BROWSER_WS_ENDPOINT) gets the app relayed from here: it is served on our loopback.
    restriction = await restrictionTo(baseUrl, { isRelayed: isRemoteBrowser(browser) });
  } catch (error) {
    await lease?.release();
    if (error instanceof BrowserUnavailableError) return unverifiedAcceptanceReport(options.plan, error.status.reason);
    throw error;
  }
  await options.onBrowserReady?.();
  const errors: string[] = [];
  // Off while the screenshot's own load of the app runs, which is no check and must not fail QA.
  let isCollecting = true;
  const addError = (message: string): void => {
    if (!errors.includes(message)) errors.push(message);
  };
  const checks = options.plan.acceptanceChecks;
  const fingerprints = options.memo ? checks.map((check) => fingerprintCheck(check, options.memo!.appFingerprint)) : [];
  let kept = new Map<number, StoredCheck>();
  let screenshot: Buffer | null = null;
  const results: CheckResult[] = [];
  let storedCount = 0;
  let runCount = 0;
  // Every request blocked (for the report); each lane also lists those of the check it runs.
  const allBlocked: string[] = [];
  const addBlocked = (url: string): void => {
    if (!allBlocked.includes(url)) allBlocked.push(url);
  };
  const contexts: BrowserContext[] = [];
  const newContext = async (onBlocked: (url: string) => void) => {
    const created = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block", ...restriction.contextOptions });
    contexts.push(created);
    await restriction.apply(created, onBlocked);
    // Functions handed to page.evaluate are sent as source text. Loaded through tsx or Vitest
    // (esbuild's keepNames), their inner functions call a `__name` helper the page lacks.
    await created.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
    return created;
  };
  // A lane: a context and a page of its own, reused check after check (runCheck wipes the
  // origin's storage first: a new page per check would spawn a renderer each time), with the
  // errors and blocked requests of the check it runs now.
  // `isClocked`: a check with a clock step ran in it, so its context has a fake clock.
  type Lane = { page: Page; checkErrors: string[]; blocked: string[]; isClocked: boolean; watchPage: (page: Page) => void; newOwnContext: () => Promise<BrowserContext> };
  const newLane = async (): Promise<Lane> => {
    const current: Pick<Lane, "checkErrors" | "blocked" | "isClocked"> = { checkErrors: [], blocked: [], isClocked: false };
    const onBlocked = (url: string): void => {
      if (!isCollecting) return;
      if (!current.blocked.includes(url)) current.blocked.push(url);
      addBlocked(url);
    };
    const watchPage = (page: Page) =>
      watch(page, restriction, (message) => {
        if (!isCollecting) return;
        addError(message);
        if (!current.checkErrors.includes(message)) current.checkErrors.push(message);
      });
    const page = await (await newContext(onBlocked)).newPage();
    watchPage(page);
    return Object.assign(current, { page, watchPage, newOwnContext: () => newContext(onBlocked) });
  };
  try {
    kept = await keptChecks(options.memo?.checks, checks, fingerprints);
    for (const [index, stored] of kept) {
      // What it saw then counts now, as if it had run: its errors still fail QA.
      results[index] = { ...stored.result, isFromEarlierAttempt: true };
      for (const message of stored.consoleErrors) addError(message);
      for (const url of stored.result.blockedRequests) addBlocked(url);
    }
    const toRun = checks.map((_, index) => index).filter((index) => !kept.has(index));
    // The screenshot comes from the first check that runs from "after app loads" on, so it shows data.
    const captureIndex = toRun.find((index) => index >= Math.min(1, checks.length - 1));
    const runOne = async (lane: Lane, index: number) => {
      const check = checks[index]!;
      lane.blocked = [];
      lane.checkErrors = [];
      // A fake clock belongs to the whole context and stays once installed (a new context and its
      // renderer would cost a check ~0.4 s): a check with a clock step sets its own time, and one
      // without gets the real time back, its timers then run as the real ones would.
      const usesClock = check.steps.some((step) => step.action === "clock");
      if (!usesClock && lane.isClocked) await lane.page.clock.setSystemTime(new Date());
      if (usesClock) lane.isClocked = true;
      const openDevice: OpenDevice = async () => {
        const device = await lane.newOwnContext();
        const devicePage = await device.newPage();
        lane.watchPage(devicePage);
        return { page: devicePage, close: () => device.close() };
      };
      const once = () =>
        runCheck(lane.page, options.baseUrlForRun?.(runCount++) ?? baseUrl, check, timeout, options.readLoad ?? readLoad, index === captureIndex, lane.blocked, openDevice);
      const run = options.retryTimedOutChecks === false ? await once() : await runCheckRetryingTimeout(once);
      results[index] = run.result;
      if (run.screenshot) screenshot = run.screenshot;
      // Only a pass is kept: a failed or timed-out check runs again in the next attempt.
      if (options.memo && results[index]!.passed) {
        await options.memo.checks.store({ checkId: check.id, fingerprint: fingerprints[index]!, result: results[index]!, consoleErrors: [...lane.checkErrors] });
        storedCount += 1;
        await options.onCheckStored?.(storedCount);
      }
    };
    // Checks are independent (each starts from a blank page and empty storage), so up to
    // QA_CHECK_CONCURRENCY may run at once, each lane taking the next check in plan order.
    let next = 0;
    const laneCount = Math.min(options.checkConcurrency ?? env.QA_CHECK_CONCURRENCY ?? defaultCheckConcurrency, toRun.length);
    const lanes = await Promise.all(Array.from({ length: Math.max(1, laneCount) }, () => newLane()));
    await Promise.all(
      lanes.map(async (lane) => {
        for (let index = toRun[next++]; index !== undefined; index = toRun[next++]) await runOne(lane, index);
      }),
    );
    // Every check from the screenshot's on was kept: one load of the app, so the report still shows it.
    if (captureIndex === undefined && checks.length > 0) {
      isCollecting = false;
      screenshot = await captureApp(lanes[0]!.page, baseUrl, timeout);
    }
  } finally {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await lease?.release();
  }
  if (screenshot && options.screenshotPath) await writeFile(options.screenshotPath, screenshot);
  return { passed: results.every((r) => r.passed) && errors.length === 0, isBrowserVerified: true, browserUnavailableReason: null, checks: results, consoleErrors: errors, blockedRequests: allBlocked, screenshot };
}
