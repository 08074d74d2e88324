// The real pipeline pushing to a loopback fake GitHub through the real Octokit: a project linked
// to a repository gets one commit per run (the prompt as message, the previous run's commit as
// parent), the commit URL on the version, and a revoked token is a warning, not a failed run.
// Runs without a browser (EPIC_BROWSER_SEARCH_PATHS → an empty folder) to stay quick.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../testing/fake-github";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-github-pipeline-"));
const browserDir = mkdtempSync(path.join(tmpdir(), "epic-no-browser-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3997";
process.env.EPIC_BROWSER_SEARCH_PATHS = browserDir;
delete process.env.CHROMIUM_PATH;
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../../db");
const { ensureAppExecutor } = await import("../../../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../../testing/callers");
const { sendWithInngest } = await import("../../pipeline/send-event");
const { waitForRun } = await import("../../testing/wait-for-run");

const TOKEN = "ghp_pipelinetoken0123456789abcdef";
type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;
let github: FakeGitHub;

beforeAll(async () => {
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
  github = await startFakeGitHub();
  github.tokens.set(TOKEN, { login: "octo", scopes: ["repo"] });
  // Migrating a fresh PGlite and starting the executor is slow on a busy machine.
}, 600_000);

afterAll(async () => {
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await github?.stop();
  await (await getMigratedDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(browserDir, { recursive: true, force: true });
});

/** Approves the run's plan once it waits for review (every run of the project does). */
async function approveWhenWaiting(api: Awaited<ReturnType<typeof callerAs>>, runId: string) {
  for (let waited = 0; (await db.run.findUniqueOrThrow({ where: { id: runId } })).status !== "WAITING"; waited++) {
    if (waited > 1200) throw new Error("The plan never waited for approval");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await api.run.reviewPlan({ runId, isApproved: true });
}

describe("the pipeline pushes to GitHub", { timeout: 2_700_000 }, () => {
  it("pushes each run's version as one commit, and a revoked token warns without failing the run", async () => {
    const { user, workspace } = await createTestUser(db, "github-pipeline");
    const api = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null }, {}, sendWithInngest);
    await api.integration.save({ workspaceId: workspace.id, provider: "GITHUB", credentials: { token: TOKEN, owner: "octo", baseUrl: github.url } });

    // The plan waits for approval, so the repository is linked before anything is built.
    const prompt = "landing page for Rosie's Bakery with our menu and opening hours";
    const { project, run } = await api.project.create({ workspaceId: workspace.id, prompt, requiresPlanApproval: true });
    await api.integration.linkGitHubRepository({ projectId: project.id, name: "rosies-bakery", isNew: true });
    await approveWhenWaiting(api, run.id);
    const first = await waitForRun(db, run.id, undefined, 900_000);
    expect(first.status).toBe("READY_WITH_GAPS");

    const history = github.history("octo", "rosies-bakery", "main");
    expect(history).toHaveLength(2);
    expect(history[0]!.message.split("\n", 1)[0]).toBe(prompt);
    const live = await db.project.findUniqueOrThrow({ where: { id: project.id }, select: { liveVersion: { select: { id: true, githubCommitSha: true, githubCommitUrl: true } } } });
    expect(live.liveVersion).toMatchObject({ githubCommitSha: history[0]!.sha, githubCommitUrl: `https://github.example/octo/rosies-bakery/commit/${history[0]!.sha}` });
    const files = await db.versionFile.findMany({ where: { versionId: live.liveVersion!.id }, select: { path: true } });
    expect(Object.keys(github.filesAt(history[0]!.sha)).sort()).toEqual([...new Set(["README.md", ...files.map((file) => file.path)])].sort());
    expect(await db.runEvent.count({ where: { runId: run.id, type: "github.pushed" } })).toBe(1);

    // A follow-up: one more commit on top of the first.
    const followUp = await api.project.followUp({ projectId: project.id, prompt: "add a contact form" });
    await approveWhenWaiting(api, followUp.id);
    const second = await waitForRun(db, followUp.id, undefined, 900_000);
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(second.status);
    const after = github.history("octo", "rosies-bakery", "main");
    expect(after).toHaveLength(3);
    expect(after[0]!.parents).toEqual([history[0]!.sha]);
    expect(after[0]!.message.split("\n", 1)[0]).toBe("add a contact form");

    // The token is revoked at GitHub: the next run still deploys, with a warning naming what to do.
    github.tokens.get(TOKEN)!.isRevoked = true;
    const third = await api.project.followUp({ projectId: project.id, prompt: "add opening hours for Sundays" });
    await approveWhenWaiting(api, third.id);
    const revoked = await waitForRun(db, third.id, undefined, 900_000);
    expect(["SUCCEEDED", "READY_WITH_GAPS"]).toContain(revoked.status);
    const warning = await db.runEvent.findFirstOrThrow({ where: { runId: third.id, type: "integration.warning" } });
    expect(JSON.stringify(warning.payload)).toMatch(/401 Bad credentials.*rotate the GitHub connection/);
    expect(github.history("octo", "rosies-bakery", "main")).toHaveLength(3);
  });
});
