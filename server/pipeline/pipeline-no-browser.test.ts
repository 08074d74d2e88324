// The pipeline on a machine without a browser, for real: the finder is pointed at an empty
// folder (EPIC_BROWSER_SEARCH_PATHS), nothing else is faked. A run still deploys what passed the
// static checks and the app's own tests, marks every browser check "unverified" and ends
// READY_WITH_GAPS; once a browser appears in that folder, the next run — same process, no
// restart — runs every check and SUCCEEDS.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEventPayloads } from "../events/run-events";
import { findBrowser } from "../browser/find-browser";
import { waitForRun } from "../testing/wait-for-run";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-pipeline-no-browser-"));
const browserDir = mkdtempSync(path.join(tmpdir(), "epic-no-browser-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3998";
process.env.EPIC_BROWSER_SEARCH_PATHS = browserDir;
delete process.env.CHROMIUM_PATH;
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../db");
const { ensureAppExecutor } = await import("../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../testing/callers");
const { sendWithInngest } = await import("./send-event");
const { fetchPreview } = await import("../testing/fetch-preview");
const { getBrowserStatus } = await import("../browser/browser-status");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;

async function qaResults(runId: string) {
  const events = await db.runEvent.findMany({ where: { runId, type: "qa.result" }, orderBy: { seq: "asc" } });
  return events.map((event) => event.payload as RunEventPayloads["qa.result"]);
}

beforeAll(async () => {
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
});

afterAll(async () => {
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(browserDir, { recursive: true, force: true });
});

describe("the pipeline without a browser", { timeout: 300_000 }, () => {
  it("deploys with every browser check not verified (READY_WITH_GAPS), then checks fully once a browser appears", async () => {
    // The machine's real browser, found with the default search, is what later "appears".
    const real = findBrowser({});
    if (!real.isFound) throw new Error(`This test needs a browser to make appear: ${real.reason}`);
    expect(getBrowserStatus()).toMatchObject({ isAvailable: false, problem: "not-found" });

    const { user, workspace } = await createTestUser(db, "no-browser");
    const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
    const { project, run } = await api.project.create({ workspaceId: workspace.id, prompt: "landing page for Rosie's Bakery with our menu and opening hours" });

    const gapped = await waitForRun(db, run.id);
    expect(gapped.status).toBe("READY_WITH_GAPS");
    expect(gapped.error).toBeNull();

    // QA ran once (no repair: nothing failed), the app's tests ran and passed, no check passed or failed.
    const [qa, ...more] = await qaResults(run.id);
    expect(more).toEqual([]);
    expect(qa).toMatchObject({ passed: true, isBrowserVerified: false, screenshotSha: null, testCommand: { ran: true, passed: true }, staticProblems: [] });
    expect(qa!.browserUnavailableReason).toBe(`no Chromium, Chrome or Edge in EPIC_BROWSER_SEARCH_PATHS (${browserDir})`);
    expect(qa!.checks.length).toBeGreaterThan(0);
    expect(qa!.checks.every((check) => check.status === "unverified" && !check.passed)).toBe(true);

    const finished = await db.runEvent.findFirstOrThrow({ where: { runId: run.id, type: "run.ready_with_gaps" } });
    const payload = finished.payload as RunEventPayloads["run.ready_with_gaps"];
    expect(payload.gaps.every((gap) => gap.status === "unverified")).toBe(true);
    // Each requirement of the plan is a gap of its own (none could be verified); checks tied to no
    // requirement are reported as checks.
    const requirements = qa!.requirements ?? [];
    expect(requirements.every((result) => result.outcome === "unverified")).toBe(true);
    expect(payload.gaps.filter((gap) => gap.kind === "requirement").map((gap) => gap.id)).toEqual(requirements.map((result) => result.id));
    const checkGaps = payload.gaps.filter((gap) => gap.kind === "acceptance-check");
    expect(checkGaps.every((gap) => gap.reason === qa!.browserUnavailableReason && qa!.checks.some((check) => check.id === gap.id))).toBe(true);
    if (requirements.length === 0) {
      expect(checkGaps).toHaveLength(qa!.checks.length);
      expect(payload.summary).toBe(`${qa!.checks.length} checks not verified: ${qa!.browserUnavailableReason}`);
    } else {
      expect(payload.summary).toMatch(new RegExp(`^${requirements.length} of ${requirements.length} requirements? not verified`));
    }
    expect(await db.runEvent.count({ where: { runId: run.id, type: "run.succeeded" } })).toBe(0);

    // The preview is deployed and live.
    const ready = await api.project.get({ projectId: project.id });
    expect(ready.status).toBe("READY");
    const deployments = await db.deployment.findMany({ where: { projectId: project.id } });
    expect(deployments.map((deployment) => deployment.status)).toEqual(["READY"]);
    const liveUrl = ready.liveUrls[0]!;
    const page = await fetchPreview(db, liveUrl);
    expect(page.status).toBe(200);

    // A browser appears where the finder looks; the next run picks it up without a restart.
    symlinkSync(real.executablePath, path.join(browserDir, "chromium"));
    const retry = await api.run.retry({ runId: run.id });
    const checked = await waitForRun(db, retry.id);
    expect(checked.status).toBe("SUCCEEDED");
    const [verified] = await qaResults(retry.id);
    expect(verified).toMatchObject({ passed: true, isBrowserVerified: true, browserUnavailableReason: null });
    expect(verified!.checks.every((check) => check.status === "passed" && check.passed)).toBe(true);
    expect(verified!.screenshotSha).toMatch(/^[0-9a-f]{64}$/);
    expect(getBrowserStatus()).toMatchObject({ isAvailable: true, executablePath: path.join(browserDir, "chromium"), source: "EPIC_BROWSER_SEARCH_PATHS" });
  });
});
