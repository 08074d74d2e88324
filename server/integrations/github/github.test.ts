// GitHub integration against a loopback fake GitHub (testing/fake-github.ts) through the real
// Octokit: verifying connections, creating a repository, pushing versions as commits, retries,
// and that the token never shows up in the database, an API response, a log line or an error.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProject } from "../../projects/create-project";
import { createTestUser } from "../../testing/callers";
import { expectTRPCError } from "../../testing/expect-trpc-error";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../testing/test-database";
import { createVersion } from "../../versions/create-version";
import { pushToGitHubStep } from "../../pipeline/pipeline-steps";
import { getConnectionOptions } from "../app-options";
import { getConnectionCredentials, reencryptConnections } from "../connections";
import { startFakeGitHub, type FakeGitHub } from "../testing/fake-github";
import { pushVersionToGitHub } from "./push-version";
import { createKeyRing } from "../../secrets/key-ring";
import { randomBytes } from "node:crypto";

const TOKEN = `ghp_${randomBytes(18).toString("hex")}`;
const REVOKED = `ghp_${randomBytes(18).toString("hex")}`;
const FORBIDDEN = `github_pat_${randomBytes(18).toString("hex")}`;
const NO_REPO_SCOPE = `ghp_${randomBytes(18).toString("hex")}`;
const secrets = [TOKEN, REVOKED, FORBIDDEN, NO_REPO_SCOPE];

/** Every row of every table as text: what someone with the database would see. */
async function dumpDatabase(database: TestDatabase): Promise<string> {
  const tables = await database.prisma.$queryRaw<Array<{ table_name: string }>>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await database.prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    parts.push(...rows.map((row) => row.row));
  }
  return parts.join("\n");
}

describe.each(testDatabaseKinds)("GitHub integration (%s)", (kind) => {
  let database: TestDatabase;
  let github: FakeGitHub;
  const logged: string[] = [];
  const errors: unknown[] = [];
  const responses: unknown[] = [];

  /** Runs a call, keeping its answer or its error for the leak check at the end. */
  async function kept<T>(promise: Promise<T>): Promise<T> {
    try {
      const value = await promise;
      responses.push(value);
      return value;
    } catch (error) {
      errors.push(error);
      throw error;
    }
  }

  beforeAll(async () => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
      });
    }
    database = await createTestDatabase(kind);
    github = await startFakeGitHub();
    github.tokens.set(TOKEN, { login: "octo", scopes: ["repo", "read:org"] });
    github.tokens.set(REVOKED, { login: "octo", isRevoked: true });
    github.tokens.set(FORBIDDEN, { login: "octo", isForbidden: true });
    github.tokens.set(NO_REPO_SCOPE, { login: "octo", scopes: ["read:user"] });
    github.orgs.add("acme");
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await github?.stop();
    await database?.cleanup();
  });

  async function team(name: string) {
    const owner = await createTestUser(database.prisma, name);
    const workspace = await owner.api.workspace.create({ name: `${name}'s team` });
    return { owner, workspaceId: workspace.id };
  }

  it("verifies a token when connecting, and explains a revoked token, a missing permission and an unknown owner", async () => {
    const { owner, workspaceId } = await team("verify");
    const save = (token: string, extra: Record<string, string> = {}) =>
      kept(owner.api.integration.save({ workspaceId, provider: "GITHUB", credentials: { token, owner: "octo", baseUrl: github.url, ...extra } }));

    await expectTRPCError(save(REVOKED), "BAD_REQUEST", /401 Bad credentials.*revoked/);
    await expectTRPCError(save(FORBIDDEN), "BAD_REQUEST", /403 Resource not accessible.*lacks a permission/);
    await expectTRPCError(save(NO_REPO_SCOPE), "BAD_REQUEST", /missing a permission.*read:user.*"repo"/);
    await expectTRPCError(save(TOKEN, { owner: "nobody" }), "BAD_REQUEST", /owner "nobody".*404/);
    await expectTRPCError(kept(owner.api.integration.save({ workspaceId, provider: "GITHUB", credentials: { token: TOKEN } })), "BAD_REQUEST", /check owner/);
    expect(await database.prisma.integrationConnection.count({ where: { workspaceId } })).toBe(0);

    const saved = await save(TOKEN, { owner: "acme" });
    expect(saved).toMatchObject({ provider: "GITHUB", accountLabel: "octo → acme", scopes: ["repo", "read:org"] });
    expect(saved.publicConfig).toEqual({ token: `ghp_…${TOKEN.slice(-4)}`, owner: "acme", baseUrl: github.url });
  });

  it("lets members list connections masked, and only owners and admins change them", async () => {
    const { owner, workspaceId } = await team("roles");
    await kept(owner.api.integration.save({ workspaceId, provider: "GITHUB", credentials: { token: TOKEN, owner: "octo", baseUrl: github.url } }));
    const member = await createTestUser(database.prisma, "member");
    const { token } = await owner.api.workspace.invite({ workspaceId, email: member.user.email, role: "MEMBER" });
    await member.api.workspace.acceptInvitation({ token });

    const listed = await kept(member.api.integration.list({ workspaceId }));
    expect(listed.available).toContain("GITHUB");
    expect(listed.connections).toHaveLength(1);
    expect(listed.connections[0]!.publicConfig.token).toBe(`ghp_…${TOKEN.slice(-4)}`);
    await expectTRPCError(kept(member.api.integration.save({ workspaceId, provider: "GITHUB", credentials: { token: TOKEN, owner: "octo", baseUrl: github.url } })), "FORBIDDEN");
    await expectTRPCError(kept(member.api.integration.remove({ workspaceId, provider: "GITHUB" })), "FORBIDDEN");
    await expectTRPCError(kept(owner.api.integration.save({ workspaceId, provider: "VERCEL", credentials: { teamId: "team_1" } })), "BAD_REQUEST", /Vercel credentials are incomplete or invalid: check token/);

    // Rotation keeps the owner and swaps the token; a bad new token leaves the old one in place.
    await expectTRPCError(kept(owner.api.integration.rotate({ workspaceId, provider: "GITHUB", secrets: { token: REVOKED } })), "BAD_REQUEST", /401/);
    expect((await getConnectionCredentials(database.prisma, workspaceId, "GITHUB", getConnectionOptions()))?.token).toBe(TOKEN);
    expect(await kept(owner.api.integration.remove({ workspaceId, provider: "GITHUB" }))).toEqual({ removed: true });
    expect((await kept(member.api.integration.list({ workspaceId }))).connections).toHaveLength(0);
  });

  it("creates a repository (refusing a taken name) and pushes two versions as two commits on the branch", async () => {
    const { owner, workspaceId } = await team("push");
    await kept(owner.api.integration.save({ workspaceId, provider: "GITHUB", credentials: { token: TOKEN, owner: "octo", baseUrl: github.url } }));
    const { project, run } = await createProject(database.prisma, { workspaceId, userId: owner.user.id, prompt: "A notes app with tags" });
    github.createRepo("octo", "taken");
    await expectTRPCError(kept(owner.api.integration.linkGitHubRepository({ projectId: project.id, name: "taken", isNew: true })), "CONFLICT", /already exists/);
    const link = await kept(owner.api.integration.linkGitHubRepository({ projectId: project.id, name: "notes", isNew: true }));
    expect(link).toMatchObject({ owner: "octo", name: "notes", branch: "main" });
    expect(github.repo("octo", "notes")?.isPrivate).toBe(true);

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const v1 = await createVersion(database.prisma, {
      projectId: project.id,
      runId: run.id,
      files: [
        { path: "index.html", content: "<h1>Notes</h1>" },
        { path: "src/old.js", content: "export const old = 1;" },
        { path: "icon.png", content: png },
      ],
    });
    const first = await pushToGitHubStep(database.prisma, run.id, v1.id);
    expect(first).toMatchObject({ status: "pushed", pullRequestUrl: null });
    const v2 = await createVersion(database.prisma, {
      projectId: project.id,
      runId: run.id,
      parentVersionId: v1.id,
      files: [
        { path: "index.html", content: "<h1>Notes, with tags</h1>" },
        { path: "src/tags.js", content: "export const tags = [];" },
        { path: "icon.png", content: png },
      ],
    });
    const second = await kept(pushVersionToGitHub(database.prisma, v2.id, getConnectionOptions()));
    expect(second.status).toBe("pushed");

    const history = github.history("octo", "notes", "main");
    expect(history.map((commit) => commit.message.split("\n", 1)[0])).toEqual(["A notes app with tags", "A notes app with tags", "Initial commit"]);
    expect(history[0]!.parents).toEqual([history[1]!.sha]);
    expect(history[1]!.parents).toEqual([history[2]!.sha]);
    expect(github.filesAt(history[1]!.sha)).toMatchObject({ "README.md": "# notes\n", "index.html": "<h1>Notes</h1>", "src/old.js": "export const old = 1;" });
    // The second commit drops the file the version dropped and keeps the README the repository began with.
    const latest = github.filesAt(history[0]!.sha);
    expect(Object.keys(latest).sort()).toEqual(["README.md", "icon.png", "index.html", "src/tags.js"]);
    expect(latest["index.html"]).toBe("<h1>Notes, with tags</h1>");
    expect(github.blobBytes(history[0]!.sha, "icon.png")).toEqual(png);

    const stored = await database.prisma.projectVersion.findMany({ where: { projectId: project.id }, orderBy: { number: "asc" }, select: { githubCommitSha: true, githubCommitUrl: true } });
    expect(stored).toEqual([
      { githubCommitSha: history[1]!.sha, githubCommitUrl: `https://github.example/octo/notes/commit/${history[1]!.sha}` },
      { githubCommitSha: history[0]!.sha, githubCommitUrl: `https://github.example/octo/notes/commit/${history[0]!.sha}` },
    ]);
    const events = await database.prisma.runEvent.findMany({ where: { runId: run.id, type: "github.pushed" } });
    expect(events).toHaveLength(1);

    // Pull-request mode: the follow-up goes to a branch of its own with a pull request; main stays.
    await kept(owner.api.integration.setGitHubPullRequestMode({ projectId: project.id, isPullRequestMode: true }));
    const v3 = await createVersion(database.prisma, { projectId: project.id, parentVersionId: v2.id, files: [{ path: "index.html", content: "<h1>v3</h1>" }] });
    const third = await kept(pushVersionToGitHub(database.prisma, v3.id, getConnectionOptions()));
    expect(third).toMatchObject({ status: "pushed", branch: "epic/version-3", pullRequestUrl: "https://github.example/octo/notes/pull/1" });
    expect(github.history("octo", "notes", "main")).toHaveLength(3);
    expect(github.history("octo", "notes", "epic/version-3")[0]!.parents).toEqual([history[0]!.sha]);
  });

  it("a retried push after a failure mid-way makes no second commit, and a failure is a warning on the run", async () => {
    const { owner, workspaceId } = await team("retry");
    await kept(owner.api.integration.save({ workspaceId, provider: "GITHUB", credentials: { token: TOKEN, owner: "octo", baseUrl: github.url } }));
    const { project, run } = await createProject(database.prisma, { workspaceId, userId: owner.user.id, prompt: "A todo list" });
    github.createRepo("octo", "todo");
    await kept(owner.api.integration.linkGitHubRepository({ projectId: project.id, name: "todo", isNew: false }));
    const version = await createVersion(database.prisma, { projectId: project.id, runId: run.id, files: [{ path: "index.html", content: "<h1>Todo</h1>" }] });

    // The commit is made, then moving the branch fails (as if the process died there).
    github.failNext("PATCH", /\/repos\/octo\/todo\/git\/refs\/heads\/main$/, 400, "Simulated failure");
    const failed = await pushToGitHubStep(database.prisma, run.id, version.id);
    expect(failed).toMatchObject({ status: "failed", message: expect.stringMatching(/Simulated failure/) });
    const warning = await database.prisma.runEvent.findFirstOrThrow({ where: { runId: run.id, type: "integration.warning" } });
    expect(warning.payload).toMatchObject({ provider: "GitHub", action: "push" });
    const commitsMade = () => github.requests.filter((request) => request.method === "POST" && request.path === "/repos/octo/todo/git/commits").length;
    expect(commitsMade()).toBe(1);

    const retried = await pushToGitHubStep(database.prisma, run.id, version.id);
    expect(retried.status).toBe("pushed");
    const again = await pushToGitHubStep(database.prisma, run.id, version.id);
    expect(again).toEqual(retried);
    expect(commitsMade()).toBe(1);
    const history = github.history("octo", "todo", "main");
    expect(history).toHaveLength(2);
    expect(github.filesAt(history[0]!.sha)["index.html"]).toBe("<h1>Todo</h1>");

    // A revoked token: the push fails with GitHub's message and what to do; nothing is pushed.
    await database.prisma.projectVersion.update({ where: { id: version.id }, data: { githubCommitSha: null, githubCommitUrl: null } });
    github.tokens.get(TOKEN)!.isRevoked = true;
    try {
      const revoked = await pushToGitHubStep(database.prisma, run.id, version.id);
      expect(revoked).toMatchObject({ status: "failed", message: expect.stringMatching(/401 Bad credentials.*rotate the GitHub connection/) });
    } finally {
      github.tokens.get(TOKEN)!.isRevoked = false;
    }
  });

  it("skips projects without a repository", async () => {
    const { owner, workspaceId } = await team("skip");
    const { project, run } = await createProject(database.prisma, { workspaceId, userId: owner.user.id, prompt: "A timer" });
    const version = await createVersion(database.prisma, { projectId: project.id, runId: run.id, files: [{ path: "index.html", content: "<p>t</p>" }] });
    expect(await pushToGitHubStep(database.prisma, run.id, version.id)).toEqual({ status: "skipped" });
  });

  it("re-encrypts every connection under a new key, and the token is nowhere in the database, responses, logs or errors", async () => {
    const options = getConnectionOptions();
    const rows = await database.prisma.integrationConnection.findMany({ select: { id: true, workspaceId: true, credentials: true } });
    expect(rows.length).toBeGreaterThan(0);
    const newRing = createKeyRing(randomBytes(32).toString("hex"), [process.env.ENCRYPTION_KEY!]);
    expect(await reencryptConnections(database.prisma, newRing)).toEqual({ total: rows.length, reencrypted: rows.length });
    expect(await reencryptConnections(database.prisma, newRing)).toEqual({ total: rows.length, reencrypted: 0 });
    for (const row of rows) {
      const after = await database.prisma.integrationConnection.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.credentials.startsWith(`${newRing.current.id}:`)).toBe(true);
      expect((await getConnectionCredentials(database.prisma, row.workspaceId, "GITHUB", { ...options, keyRing: newRing }))?.token).toBe(TOKEN);
    }

    const haystacks = {
      database: await dumpDatabase(database),
      responses: JSON.stringify(responses),
      logs: logged.join("\n"),
      errors: errors.map((error) => `${error instanceof Error ? `${error.message}\n${error.stack}` : ""}\n${JSON.stringify(error)}\n${JSON.stringify((error as { cause?: unknown }).cause ?? null)}`).join("\n"),
    };
    expect(errors.length).toBeGreaterThan(5);
    expect(haystacks.database).toContain("octo");
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret`).toBe(false);
    }
  });
});
