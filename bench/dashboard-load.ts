// Dashboard load: first-load JavaScript and time to interactive of the main dashboard pages on a
// production build (`scripts/start.ts`, as `npm start` serves it), measured in headless Chromium.
//
// - First-load JS: the scripts the page's HTML references (what must arrive before the page can
//   hydrate), each gzipped here at the default level — the same number Next.js reports as
//   "First Load JS". Chunks fetched later by lazy imports (charts, the syntax highlighter) are
//   listed apart as "lazy JS".
// - TTI: Lighthouse's definition, simplified: the end of the last long task (>50 ms on the main
//   thread) before a quiet window of QUIET_MS, never before First Contentful Paint or
//   DOMContentLoaded. No CPU or network throttling: the figures are this machine's, loopback.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { parseBrowserEnv } from "../server/browser/browser-env";
import { browserSearchConfigFromEnv, chromiumArgs, findBrowser } from "../server/browser/find-browser";
import { formatTable } from "./pipeline-latency";
import { percentile } from "./stats";

const BUDGET_KB = 250;
const QUIET_MS = 5000;

export type PageLoadFigures = {
  page: string;
  firstLoadJsBytes: number;
  firstLoadScripts: number;
  lazyJsBytes: number;
  fcpMs: number;
  ttiMs: number;
  loads: number;
};

type Options = { port?: number; loadsPerPage?: number; log?: (line: string) => void };

export async function benchDashboardLoad({ port = 3190, loadsPerPage = 3, log = () => {} }: Options = {}): Promise<PageLoadFigures[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "epic-bench-dashboard-"));
  const baseURL = `http://localhost:${port}`;
  log(`starting the production server on ${baseURL} (builds first if the source changed)`);
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port), "--data-dir", dataDir], {
    env: { ...process.env, NEXTAUTH_URL: baseURL },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let browser: Browser | null = null;
  try {
    await waitForHealth(baseURL, 600_000);
    const found = findBrowser(browserSearchConfigFromEnv(parseBrowserEnv(process.env)));
    if (!found.isFound) throw new Error(`The dashboard bench needs a browser: ${found.reason}`);
    browser = await chromium.launch({ executablePath: found.executablePath, args: chromiumArgs });
    const signedIn = await browser.newContext({ baseURL });
    const projectId = await signUpAndBuildProject(signedIn, log);
    const storageState = await signedIn.storageState();
    await signedIn.close();

    const pages = ["/signin", "/projects", `/projects/${projectId}`, "/analytics", "/settings"];
    const results: PageLoadFigures[] = [];
    const gzipCache = new Map<string, number>();
    const fetcher = await browser.newContext({ baseURL, storageState });
    for (const pagePath of pages) {
      const samples: Array<{ firstLoad: string[]; lazy: string[]; fcp: number; tti: number }> = [];
      for (let load = 0; load < loadsPerPage; load++) {
        // A fresh context each time: an empty HTTP cache, like a first visit.
        const context = await browser.newContext({ baseURL, storageState: pagePath === "/signin" ? undefined : storageState });
        samples.push(await measureLoad(context, pagePath));
        await context.close();
      }
      const sizeOf = async (urls: string[]) => {
        let total = 0;
        for (const url of urls) {
          if (!gzipCache.has(url)) gzipCache.set(url, gzipSync(await (await fetcher.request.get(url)).body()).length);
          total += gzipCache.get(url)!;
        }
        return total;
      };
      const first = samples[0]!;
      const label = pagePath.replace(projectId, "[projectId]");
      results.push({
        page: label,
        firstLoadJsBytes: await sizeOf(first.firstLoad),
        firstLoadScripts: first.firstLoad.length,
        lazyJsBytes: await sizeOf(first.lazy),
        fcpMs: median(samples.map((sample) => sample.fcp)),
        ttiMs: median(samples.map((sample) => sample.tti)),
        loads: samples.length,
      });
      log(`${label}: measured ${samples.length} loads`);
    }
    await fetcher.close();
    return results;
  } finally {
    await browser?.close();
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForHealth(baseURL: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server at ${baseURL} did not become healthy in ${timeoutMs / 1000} s`);
}

/** A real account and a project built end to end, so the project page has a plan, files and deployments. */
async function signUpAndBuildProject(context: BrowserContext, log: (line: string) => void): Promise<string> {
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Bench");
  await page.getByLabel("Email").fill(`bench-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a-strong-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/projects$/);
  await page.getByLabel("Prompt", { exact: true }).fill("A todo app for tasks with priorities and due dates");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(/\/projects\/c[a-z0-9]+$/);
  log("building a project through the real pipeline (QA runs Chromium)…");
  await page.getByTestId("stages").locator('[data-stage="Deploy"][data-status="done"]').waitFor({ timeout: 240_000 });
  const projectId = page.url().split("/").at(-1)!;
  await page.close();
  return projectId;
}

async function measureLoad(context: BrowserContext, pagePath: string) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const box = window as unknown as { __longTasks: Array<[number, number]> };
    box.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) box.__longTasks.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  });
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  // Not "networkidle": the project page holds its SSE stream open for as long as it is shown.
  const response = await page.goto(pagePath, { waitUntil: "load" });
  const html = (await response?.text()) ?? "";
  const firstLoad = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => new URL(match[1]!, "http://x").pathname))];
  // Wait for the quiet window that closes TTI.
  let timing = await readTiming(page);
  while (timing.now - Math.max(timing.lastLongTaskEnd, timing.fcp, timing.domContentLoaded) < QUIET_MS) {
    await page.waitForTimeout(250);
    timing = await readTiming(page);
  }
  await page.close();
  const lazy = [...new Set(scripts)].filter((url) => !firstLoad.includes(url));
  return { firstLoad, lazy, fcp: timing.fcp, tti: Math.max(timing.fcp, timing.domContentLoaded, timing.lastLongTaskEnd) };
}

function readTiming(page: import("@playwright/test").Page) {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const tasks = (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks;
    return { now: performance.now(), fcp, domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0, lastLongTaskEnd: tasks.reduce((end, task) => Math.max(end, task[1]), 0) };
  });
}

function median(values: number[]) {
  return percentile([...values].sort((a, b) => a - b), 50);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function formatDashboardLoad(results: PageLoadFigures[]): string {
  const rows = [
    ["Page", "First-load JS (gzip)", "Scripts", `Under ${BUDGET_KB} kB`, "Lazy JS (gzip)", "FCP median", "TTI median", "Loads"],
    ...results.map((result) => [
      result.page,
      kb(result.firstLoadJsBytes),
      String(result.firstLoadScripts),
      result.firstLoadJsBytes <= BUDGET_KB * 1024 ? "yes" : "NO",
      kb(result.lazyJsBytes),
      `${Math.round(result.fcpMs)} ms`,
      `${Math.round(result.ttiMs)} ms`,
      String(result.loads),
    ]),
  ];
  return `Dashboard load (production build, headless Chromium, no throttling; TTI = last long task before ${QUIET_MS / 1000} s quiet)\n${formatTable(rows)}`;
}
