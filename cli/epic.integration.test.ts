// The real `epic` binary (cli/bin/epic.mjs, package.json's bin), spawned as a separate process
// against the app's tRPC handler and run-event stream on a real loopback port, over a real
// database, with the embedded executor running the offline pipeline. Assertions are on what the
// process prints and its exit code. The machine's browser is hidden (EPIC_BROWSER_SEARCH_PATHS at
// an empty folder) so runs are quick and end the same way everywhere: deployed, READY_WITH_GAPS.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "epic-cli-"));
const noBrowserDir = mkdtempSync(path.join(tmpdir(), "epic-cli-no-browser-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_URL = "http://localhost:3996";
process.env.EPIC_BROWSER_SEARCH_PATHS = noBrowserDir;
delete process.env.CHROMIUM_PATH;
delete process.env.DATABASE_URL;

const { getMigratedDatabase } = await import("../server/db");
const { ensureAppExecutor } = await import("../inngest/embedded-executor");
const { callerAs, createTestUser } = await import("../server/testing/callers");
const { readVersionFiles } = await import("../server/versions/read-version");
const { createStreamSlots } = await import("../server/runs/stream-slots");
const { serveTestApp } = await import("./testing/serve-test-app");
const { waitForRun } = await import("../server/testing/wait-for-run");
const { buildCli } = await import("./build");
const { createApiToken } = await import("../server/users/api-tokens");
const { startFakeVercel } = await import("../server/integrations/testing/fake-vercel");
const { vercelTiming } = await import("../server/deployments/targets/vercel-target");
const { createProjectLiveOnVercel } = await import("../server/deployments/targets/target-test-kit");

type Db = Awaited<ReturnType<typeof getMigratedDatabase>>["prisma"];
let db: Db;
let server: Awaited<ReturnType<typeof serveTestApp>>;
let token: string;
let email: string;
const home = mkdtempSync(path.join(tmpdir(), "epic-cli-home-"));
const configFile = path.join(home, ".config", "epic", "config.json");
const bin = fileURLToPath(new URL("./bin/epic.mjs", import.meta.url));
// Two streams per user: enough for the commands, and few enough to hit the limit on purpose.
const streamLimit = 2;

type Result = { code: number | null; stdout: string; stderr: string };

/** Runs `epic args…` as its own process, from a folder outside the repository. */
function epic(args: string[], options: { env?: Record<string, string>; input?: string; onStdout?: (text: string, child: ReturnType<typeof spawn>) => void; binary?: string } = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.binary ?? bin, ...args], {
      cwd: home,
      env: { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"), NODE_ENV: "production", ...options.env } as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      options.onStdout?.(stdout, child);
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

const jsonLines = (text: string) => text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)],
  );
}

beforeAll(async () => {
  db = (await getMigratedDatabase()).prisma;
  await ensureAppExecutor();
  server = await serveTestApp(db, createStreamSlots(streamLimit));
  const { user, workspace } = await createTestUser(db, "cli");
  email = user.email;
  // Minted the way Settings does: a session calls user.createApiToken.
  const session = await callerAs(db, { id: user.id, email: user.email, name: user.name, image: null });
  token = (await session.user.createApiToken({ name: "laptop", workspaceId: workspace.id, scope: "WRITE" })).secret;
}, 300_000); // migrating a fresh PGlite is slow on a busy machine

afterAll(async () => {
  await server?.close();
  const executor = await ensureAppExecutor();
  await executor?.stop();
  await (await getMigratedDatabase()).close();
  for (const dir of [dataDir, noBrowserDir, home]) rmSync(dir, { recursive: true, force: true });
});

describe("the epic CLI against a running server", { timeout: 300_000 }, () => {
  it("exits 2 on usage errors and 3 when not logged in or the token is bad, saving nothing", async () => {
    const unknown = await epic(["bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'bogus'");

    const missing = await epic(["diff", "only-a-project"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument/);

    const notLoggedIn = await epic(["whoami"]);
    expect(notLoggedIn.code).toBe(3);
    expect(notLoggedIn.stderr).toContain("Not logged in");

    const badLogin = await epic(["login", "--url", server.url, "--token", "epic_not-a-real-token"]);
    expect(badLogin.code).toBe(3);
    expect(badLogin.stderr).toContain("The server refused the token");
    expect(() => statSync(configFile)).toThrow();

    const badEnv = await epic(["projects", "--json"], { env: { EPIC_URL: server.url, EPIC_TOKEN: "epic_not-a-real-token" } });
    expect(badEnv.code).toBe(3);
    expect(badEnv.stdout).toBe("");
    expect(JSON.parse(badEnv.stderr)).toMatchObject({ error: { code: "UNAUTHORIZED", exitCode: 3 } });
  });

  it("logs in with a token from stdin, stores it 0600, and answers whoami, workspaces and tokens as JSON", async () => {
    const login = await epic(["login", "--url", `${server.url}/`], { input: `${token}\n` });
    expect(login.stderr).toBe("");
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(email);
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(configFile)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(configFile, "utf8"))).toEqual({ url: server.url, token });

    const whoami = await epic(["whoami", "--json"]);
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ url: server.url, user: { email }, token: { name: "laptop", scope: "WRITE" } });

    const workspaces = await epic(["--json", "workspaces"]);
    expect(workspaces.code).toBe(0);
    expect(JSON.parse(workspaces.stdout)).toHaveLength(1);

    const tokens = await epic(["tokens", "--json"]);
    expect(tokens.code).toBe(0);
    expect(JSON.parse(tokens.stdout)).toMatchObject({ current: { name: "laptop", prefix: token.slice(0, 9) }, manageUrl: `${server.url}/settings` });
    expect(JSON.stringify(JSON.parse(tokens.stdout))).not.toContain(token);
  });

  let projectId: string;

  it("`epic new` streams a run to its preview and exits 0; watch --json replays it as JSON lines", async () => {
    const result = await epic(["new", "a tip calculator to split the bill", "--name", "Tip Splitter"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const project = await db.project.findFirstOrThrow({ where: { name: "Tip Splitter" } });
    projectId = project.id;
    const run = await db.run.findFirstOrThrow({ where: { projectId } });
    expect(run.status).toBe("READY_WITH_GAPS");

    // Stages, agents and their log lines, each with the time since the run started.
    expect(result.stdout).toContain(`run ${run.id}`);
    for (const text of ["Plan: Tip", "▸ Building", "▸ Testing", "▸ Deploying", "✓ PromptCompiler", "✓ CodeGen", "Version v1", "Ready with gaps"]) {
      expect(result.stdout).toContain(text);
    }
    expect(result.stdout).toMatch(/^\[\s*\d+(\.\d)?m?s\] /m);
    // Whatever the agents logged is printed (the offline agents log little or nothing).
    const agentLogs = await db.runEvent.findMany({ where: { runId: run.id, type: "agent.log" } });
    for (const event of agentLogs) expect(result.stdout).toContain((event.payload as { line: string }).line);
    // No colour and no spinner when stdout is not a terminal.
    expect(result.stdout).not.toContain("\u001b[");

    const deployed = await db.runEvent.findMany({ where: { runId: run.id, type: "deployment.status" } });
    const previewUrl = deployed.map((event) => (event.payload as { status: string; url: string | null })).find((payload) => payload.status === "READY")!.url!;
    expect(result.stdout).toContain(`Preview ready: ${previewUrl}`);

    const watched = await epic(["watch", run.id, "--json"]);
    expect(watched.code).toBe(0);
    const lines = jsonLines(watched.stdout);
    expect(lines[0]).toMatchObject({ seq: 1, type: "run.queued" });
    expect(lines.slice(0, -1).map((line) => line.seq)).toEqual(lines.slice(0, -1).map((_, index) => index + 1));
    expect(lines.at(-1)).toMatchObject({ type: "result", runId: run.id, projectId, status: "READY_WITH_GAPS", previewUrl, version: 1 });

    const logs = await epic(["logs", run.id]);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain("Ready with gaps");
  });

  it("finds projects by name, id or slug; an unknown project is exit 4", async () => {
    const projects = await epic(["projects", "--json"]);
    expect(projects.code).toBe(0);
    expect(JSON.parse(projects.stdout)).toEqual([expect.objectContaining({ id: projectId, name: "Tip Splitter" })]);

    for (const query of ["Tip Splitter", "tip-splitter", projectId]) {
      const status = await epic(["status", query, "--json"]);
      expect(status.code).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ id: projectId, liveVersion: { number: 1 } });
    }

    const open = await epic(["open", "tip-splitter"]);
    expect(open.code).toBe(0);
    expect(open.stdout.trim()).toMatch(/^http:\/\/\S+$/);

    const unknown = await epic(["status", "no-such-project"]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('Project "no-such-project" not found');
    const unknownId = await epic(["versions", "cm0000000000000000000000000", "--json"]);
    expect(unknownId.code).toBe(4);
    expect(unknownId.stdout).toBe("");
  });

  it("a follow-up: Ctrl-C detaches without cancelling, watch re-attaches; then versions, diff, pull and rollback", async () => {
    const detached = await epic(["change", "Tip Splitter", "make it dark with a green accent"], {
      onStdout: (text, child) => {
        if (/Queued \(follow-up\)/.test(text) && !child.killed) child.kill("SIGINT");
      },
    });
    expect(detached.code).toBe(130);
    const runId = /follow-up run (\S+)/.exec(detached.stdout)![1]!;
    expect(detached.stderr).toContain(`Re-attach with: epic watch ${runId}`);
    expect((await db.run.findUniqueOrThrow({ where: { id: runId } })).status).not.toBe("CANCELLED");

    const reattached = await epic(["watch", runId]);
    expect(reattached.code).toBe(0);
    expect(reattached.stdout).toContain("Version v2");
    expect(reattached.stdout).toContain("Preview ready:");

    const versions = await epic(["versions", projectId, "--json"]);
    expect(versions.code).toBe(0);
    expect(JSON.parse(versions.stdout).map((version: { number: number; isLive: boolean }) => [version.number, version.isLive])).toEqual([
      [2, true],
      [1, false],
    ]);

    const diff = await epic(["diff", projectId, "v1", "v2", "--json"]);
    expect(diff.code).toBe(0);
    const changes = (JSON.parse(diff.stdout) as { changes: Array<{ path: string }> }).changes.map((change) => change.path);
    expect(changes).toContain("styles.css");
    const patch = await epic(["diff", projectId, "1", "2", "-p"]);
    expect(patch.code).toBe(0);
    expect(patch.stdout).toContain("+++ b/styles.css");
    expect(patch.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);

    // pull writes exactly the stored bytes of the version, and nothing else.
    const dir = path.join(home, "pulled-v1");
    const pull = await epic(["pull", "Tip Splitter", "--version", "v1", dir, "--json"]);
    expect(pull.code).toBe(0);
    const v1 = await db.projectVersion.findFirstOrThrow({ where: { projectId, number: 1 } });
    const stored = await readVersionFiles(db, v1.id);
    expect(listFiles(dir).sort()).toEqual(stored.map((file) => file.path).sort());
    for (const file of stored) expect(readFileSync(path.join(dir, file.path)).equals(file.content)).toBe(true);
    expect(JSON.parse(pull.stdout)).toMatchObject({ version: { number: 1 }, dir });
    const again = await epic(["pull", "Tip Splitter", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("not empty");

    const rollback = await epic(["rollback", "tip-splitter", "v1"]);
    expect(rollback.code).toBe(0);
    expect(rollback.stdout).toContain("v1 is live.");
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).liveVersionId).toBe(v1.id);
  });

  it("--review stops at the plan; an invalid edit is refused (exit 2), a valid one is approved and built; streams are rate limited (exit 5)", async () => {
    const started = await epic(["new", "A unit converter", "--name", "Converter", "--review"]);
    expect(started.code).toBe(0);
    const project = await db.project.findFirstOrThrow({ where: { name: "Converter" } });
    const run = await db.run.findFirstOrThrow({ where: { projectId: project.id } });
    expect(run.status).toBe("WAITING");
    expect(started.stdout).toContain(`epic plan ${project.id} --approve`);

    const shown = await epic(["plan", "Converter", "--json"]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ runId: run.id, status: "WAITING", plan: { appName: expect.any(String) } });

    const both = await epic(["plan", "Converter", "--approve", "--reject"]);
    expect(both.code).toBe(2);

    // The run is still active: hold every stream this user may open, and the next is refused.
    const held = Array.from({ length: streamLimit }, () => new AbortController());
    // Kept referenced (and their bodies locked by a reader) so garbage collection cannot close them early.
    const streams = await Promise.all(held.map((controller) => fetch(`${server.url}/api/runs/${run.id}/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal })));
    const readers = streams.map((response) => response.body!.getReader());
    const limited = await epic(["logs", run.id, "--json"]);
    expect(limited.code).toBe(5);
    expect(JSON.parse(limited.stderr)).toMatchObject({ error: { code: "TOO_MANY_REQUESTS", exitCode: 5, retryAfterSeconds: 5 } });
    for (const controller of held) controller.abort();
    await Promise.all(readers.map((reader) => reader.cancel().catch(() => {})));

    // $EDITOR gets the plan as JSON; these "editors" are small scripts that rewrite the file.
    const editor = (name: string, body: string) => {
      const file = path.join(home, `${name}.mjs`);
      writeFileSync(file, `import { readFileSync, writeFileSync } from "node:fs";\nconst file = process.argv[2];\nconst plan = JSON.parse(readFileSync(file, "utf8"));\n${body}\nwriteFileSync(file, JSON.stringify(plan));\n`);
      return `${process.execPath} ${file}`;
    };
    const invalid = await epic(["plan", "Converter", "--edit"], { env: { EDITOR: editor("empty-pages", "plan.pages = [];") } });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("pages");
    expect(invalid.stderr).toContain("nothing was sent");
    expect((await db.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("WAITING");

    const edited = await epic(["plan", "Converter", "--edit", "--watch"], { env: { EDITOR: editor("rename", 'plan.summary = "Edited from the terminal";') } });
    expect(edited.stderr).toBe("");
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain("Plan edited and approved.");
    expect(edited.stdout).toContain("Preview ready:");
    const finished = await waitForRun(db, run.id);
    expect(finished.status).toBe("READY_WITH_GAPS");
    expect((finished.plan as { summary: string }).summary).toBe("Edited from the terminal");
    expect(await db.runEvent.count({ where: { runId: run.id, type: "plan.edited" } })).toBe(1);
  });

  it("builds a standalone bundle that runs on its own", async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), "epic-cli-bundle-"));
    try {
      const outfile = await buildCli(path.join(outDir, "epic.mjs"));
      const result = await epic(["whoami", "--json"], { binary: outfile });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ user: { email } });
      const projects = await epic(["projects"], { binary: outfile, env: { NO_COLOR: "1" } });
      expect(projects.stdout).toContain("Tip Splitter");
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});


describe("epic rollback --target", { timeout: 300_000 }, () => {
  it("rolls one deploy target back through the same domain function as REST; bad targets, versions and tokens fail with their exit codes", async () => {
    const vercel = await startFakeVercel();
    vercelTiming.pollIntervalMs = 20;
    const vercelToken = `vcp_cli${Date.now()}`;
    vercel.tokens.set(vercelToken, { username: "rosie" });
    try {
      const owner = await createTestUser(db, "cli-targets");
      const { project, versions } = await createProjectLiveOnVercel(db, { userId: owner.user.id, workspaceId: owner.workspace.id, api: owner.api }, { url: vercel.url, token: vercelToken }, "Target Bakery");
      const served = vercel.servedUrl(versions[1]!.deploymentUrl);
      const env = { EPIC_URL: server.url, EPIC_TOKEN: (await createApiToken(db, { userId: owner.user.id, workspaceId: owner.workspace.id, name: "cli targets", scope: "WRITE" })).secret };

      const rolledBack = await epic(["rollback", project.id, "v1", "--target", "vercel"], { env });
      expect(rolledBack.stderr).toBe("");
      expect(rolledBack.code).toBe(0);
      expect(rolledBack.stdout).toContain(`v1 is live on Vercel. ${versions[0]!.deploymentUrl}`);
      expect(await (await fetch(served)).text()).toContain("Version one");
      const view = await owner.api.deployment.targets({ projectId: project.id });
      expect(view.statuses.find((status) => status.target === "vercel")?.live?.versionNumber).toBe(1);

      const json = await epic(["rollback", project.id, "2", "--target", "vercel", "--json"], { env });
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({ projectId: project.id, target: "vercel", version: { number: 2 }, url: versions[1]!.deploymentUrl });
      expect(await (await fetch(served)).text()).toContain("Version two");

      const unknownTarget = await epic(["rollback", project.id, "v1", "--target", "netlify"], { env });
      expect(unknownTarget.code).toBe(2);
      expect(unknownTarget.stderr).toContain('Unknown deploy target "netlify"');
      const neverThere = await epic(["rollback", project.id, "v1", "--target", "cloudflare"], { env });
      expect(neverThere.code).toBe(2);
      expect(neverThere.stderr).toContain("never went live on Cloudflare Workers");

      // The provider refusing: exit 1 with its message and what to do, never the token.
      vercel.tokens.get(vercelToken)!.isRevoked = true;
      const refused = await epic(["rollback", project.id, "v1", "--target", "vercel"], { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Rolling Vercel back to v1 failed: Vercel rejected the token.*rotate the Vercel connection/);
      expect(refused.stdout + refused.stderr).not.toContain(vercelToken);
    } finally {
      await vercel.stop();
    }
  });
});
