// The Vercel path, run locally (issue 15): the production build started the way `npm start`
// starts it, in serverless mode — EXECUTOR_MODE=tick (no worker loop: only GET /api/executor/tick
// drives runs, called here on a timer as Vercel Cron would, with CRON_SECRET), and
// BROWSER_WS_ENDPOINT pointing at a Chromium this test started apart, with --remote-debugging-port
// and cut off from every network, as a browser service on another machine is from our loopback.
// A prompt sent through the REST API must end in a live preview whose QA ran in that browser,
// without the server ever starting a Chromium of its own, and with nothing but the database left
// in its data folder and nothing of the steps left in its temporary folder.
//
// A Vitest file rather than a Playwright spec: nothing here is a page to click through, and the
// harness that spawns the real server (scripts/lib/crash-server.ts) and reads its database is here.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inspectCrashDataDir, leftoverScratch, prepareCrashDataDir, restClient, startCrashServer, type CrashServer } from "../../scripts/lib/crash-server";
import { startRemoteChromium, type RemoteChromium } from "../../scripts/lib/remote-chromium";
import { describeBrowserEndpoint } from "../../server/browser/remote-browser";
import { createDatabase } from "../../server/db/client";

// This helper's ports are 3113–3119 (see the worktree rules); the journey uses the first.
const port = Number(process.env.SERVERLESS_JOURNEY_PORT ?? 3113);
const dataDir = mkdtempSync(path.join(tmpdir(), "epic-serverless-data-"));
const tmpDir = mkdtempSync(path.join(tmpdir(), "epic-serverless-tmp-"));
const cronSecret = randomBytes(24).toString("hex");
// Marks every process the server starts (they inherit its environment): how a local Chromium of its own would be told from the remote one.
const marker = `EPIC_SERVERLESS_JOURNEY=${randomBytes(8).toString("hex")}`;
let server: CrashServer | undefined;
let remote: RemoteChromium | undefined;
let stopTicking = async () => {};
let stopWatching = () => {};

afterAll(async () => {
  await stopTicking();
  stopWatching();
  await server?.kill();
  await remote?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(tmpDir, { recursive: true, force: true });
}, 60_000);

/** Live processes whose executable looks like Chromium and whose environment carries the marker. */
function markedChromiums(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
      if (!/chrom|headless_shell/i.test(path.basename(command))) continue;
      if (readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(marker)) found.push(`${pid} ${command}`);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Vercel Cron's part: GET /api/executor/tick with the secret, again a second after each answer. */
function tickOnATimer(baseUrl: string): { answers: { status: number; body: Record<string, unknown> }[]; stop: () => Promise<void> } {
  const answers: { status: number; body: Record<string, unknown> }[] = [];
  let isStopped = false;
  const loop = (async () => {
    while (!isStopped) {
      try {
        const response = await fetch(`${baseUrl}/api/executor/tick`, { headers: { authorization: `Bearer ${cronSecret}` } });
        answers.push({ status: response.status, body: (await response.json()) as Record<string, unknown> });
      } catch (error) {
        answers.push({ status: 0, body: { error: String(error) } });
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  return {
    answers,
    stop: async () => {
      isStopped = true;
      await loop;
    },
  };
}

/** GET of a preview URL (http://<project>.localhost:<port>/…) on loopback, with its own Host header, as a browser would send it. */
function fetchPreviewPage(url: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port: target.port, path: target.pathname, headers: { host: target.host } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("serverless mode: the production build, driven by the tick route, with a remote browser", { timeout: 1_200_000 }, () => {
  it("takes a prompt to a ready preview, QA in the remote browser, no local Chromium, nothing durable on local disk but the database", async () => {
    const { token, workspaceId } = await prepareCrashDataDir(dataDir);
    remote = await startRemoteChromium({ isCutOff: true });
    const seen = new Set<string>();
    const watcher = setInterval(() => markedChromiums().forEach((line) => seen.add(line)), 250);
    stopWatching = () => clearInterval(watcher);

    server = await startCrashServer({
      dataDir,
      tmpDir,
      port,
      env: {
        [marker.split("=")[0]!]: marker.split("=")[1]!,
        EXECUTOR_MODE: "tick",
        CRON_SECRET: cronSecret,
        BROWSER_WS_ENDPOINT: remote.wsEndpoint,
        // Given, as on Vercel: else `npm start` would generate and keep it in the data folder.
        // (ENCRYPTION_KEY is given too: Vitest's, passed on by the harness.)
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      },
    });
    expect(server.output()).toContain(`Browser: ${describeBrowserEndpoint(remote.wsEndpoint)} (BROWSER_WS_ENDPOINT, cdp) — browser checks on`);

    // The tick route: refused without the secret.
    expect((await fetch(`${server.url}/api/executor/tick`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/executor/tick`, { headers: { authorization: "Bearer wrong-secret-of-some-length" } })).status).toBe(401);

    const api = restClient(server.url, token);
    const { projectId, runId } = await api.createProject(workspaceId, "a todo list where I can add tasks and mark them done");
    // No worker loop: nothing moves until something ticks.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await api.runStatus(runId)).toBe("QUEUED");

    const ticker = tickOnATimer(server.url);
    stopTicking = ticker.stop;
    const startedAt = performance.now();
    const statuses = await api.waitForRuns([runId], 900_000);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    // The tick under way when the run finished answers once nothing is ready any more.
    await ticker.stop();
    console.log(`serverless journey: prompt → finished run in ${seconds} s; ticks: ${JSON.stringify(ticker.answers)}`);
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(statuses[runId]);
    expect(ticker.answers.every((answer) => answer.status === 200), JSON.stringify(ticker.answers.filter((answer) => answer.status !== 200))).toBe(true);
    expect(ticker.answers.some((answer) => Number(answer.body.drivenRuns) > 0)).toBe(true);

    // The preview is live, served from the database.
    const preview = await api.call<{ liveUrl: string | null }>("GET", `/projects/${projectId}/preview`);
    expect(preview.status).toBe(200);
    const page = await fetchPreviewPage(preview.json.liveUrl!);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html/i);

    // QA browsed in the remote browser: its pages were the app QA served (relayed to it).
    expect(remote.visitedUrls().filter((url) => url.includes("/preview/qa/"))).not.toEqual([]);
    expect(remote.isRunning()).toBe(true);
    // …and the server never started a Chromium of its own (watched from before it started).
    expect([...seen, ...markedChromiums()]).toEqual([]);

    await server.stop();
    server = undefined;

    // What QA reported: every check ran in a browser (none "not verified").
    const database = createDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    try {
      const results = await database.prisma.runEvent.findMany({ where: { runId, type: "qa.result" }, orderBy: { seq: "asc" } });
      expect(results.length).toBeGreaterThan(0);
      const last = results.at(-1)!.payload as { isBrowserVerified?: boolean; browserUnavailableReason?: string | null; checks: { status: string }[] };
      expect(last).toMatchObject({ isBrowserVerified: true, browserUnavailableReason: null });
      expect(last.checks.length).toBeGreaterThan(0);
      expect(last.checks.filter((check) => check.status === "unverified")).toEqual([]);
    } finally {
      await database.close();
    }
    const report = await inspectCrashDataDir(dataDir);
    expect(report.versions[runId]).toBeGreaterThanOrEqual(1);
    expect(report.deployments[runId]).toBe(1);

    // Nothing durable on local disk: the data folder holds the database alone (PGlite here; Postgres
    // on Vercel), and the steps' scratch (QA's working copy) is gone from the temporary folder.
    expect(readdirSync(dataDir)).toEqual(["pglite"]);
    expect(leftoverScratch(tmpDir)).toEqual([]);
  });
});
