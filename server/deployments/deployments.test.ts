import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../projects/create-project";
import { createTestUser } from "../testing/callers";
import { loopbackRequest } from "../testing/loopback-request";
import { serveFetchHandler } from "../testing/serve-fetch-handler";
import { createTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { createVersion } from "../versions/create-version";
import { deployPreview, rollbackToVersion } from "./deploy-preview";
import { matchPreviewHost, previewKeyFromLabel, resolvePreviewOrigins, type PreviewOrigins } from "./preview-origin";
import { findPreviewDataTarget, PREVIEW_PATH_HEADER, servePreview } from "./serve-preview";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("local preview deployments on %s", (kind) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveFetchHandler>>;
  let origins: PreviewOrigins;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // The test server does what proxy.ts does in the app: a request on a project's preview origin
    // goes to the preview route with its key (from the Host) and its original path.
    server = await serveFetchHandler((request) => {
      const host = matchPreviewHost(origins, request.headers.get("host"));
      if (!host.isPreviewDomain) {
        return servePreview(database.prisma, request, new URL(request.url).pathname.split("/")[2] ?? "", origins);
      }
      const headers = new Headers(request.headers);
      headers.set(PREVIEW_PATH_HEADER, request.url.replace(/^[a-z]+:\/\/[^/]+/, ""));
      return servePreview(database.prisma, new Request(request.url, { headers }), host.previewKey ?? "", origins);
    });
    // "localhost" is the platform; each project's previews are on <label>.preview.localhost.
    origins = resolvePreviewOrigins({ platformUrl: server.url.replace("127.0.0.1", "localhost") });
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  async function projectWithTwoVersions() {
    const owner = await createTestUser(database.prisma, "deployer");
    const { project, run } = await createProject(database.prisma, { workspaceId: owner.workspace.id, userId: owner.user.id, prompt: "A page" });
    const page = (title: string) => [
      { path: "index.html", content: `<!doctype html><title>${title}</title><script type="module" src="./src/app.js"></script>` },
      { path: "src/app.js", content: "document.title += '!'" },
    ];
    const v1 = await createVersion(database.prisma, { projectId: project.id, runId: run.id, files: page("One") });
    const v2 = await createVersion(database.prisma, { projectId: project.id, runId: run.id, parentVersionId: v1.id, files: page("Two") });
    return { project, run, v1, v2 };
  }

  it("moves a deployment queued → building → ready, logged and announced on the run", async () => {
    const { project, run, v1 } = await projectWithTwoVersions();
    const deployment = await deployPreview(database.prisma, { projectId: project.id, versionId: v1.id, runId: run.id, previewOrigins: origins });
    expect(deployment.status).toBe("READY");
    const port = new URL(server.url).port;
    expect(deployment.deploymentUrl).toMatch(new RegExp(`^http://[0-9a-f]{36}\\.preview\\.localhost:${port}/v1/$`));
    expect(deployment.logs).toMatch(/Queued version 1[\s\S]*Publishing 2 files[\s\S]*Ready at/);
    const events = await database.prisma.runEvent.findMany({ where: { runId: run.id, type: "deployment.status" }, orderBy: { seq: "asc" } });
    expect(events.map((event) => (event.payload as { status: string }).status)).toEqual(["QUEUED", "BUILDING", "READY"]);
    const updated = await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(updated).toMatchObject({ status: "READY", liveVersionId: v1.id });
    expect(updated.liveUrls[0]).toBe(deployment.deploymentUrl!.replace(/v1\/$/, ""));
    expect(previewKeyFromLabel(new URL(updated.liveUrls[0]!).hostname.split(".")[0]!)).toBe(updated.previewKey);
  });

  it("serves the live version and each version under a strict CSP, and rolls back", async () => {
    const { project, v1, v2 } = await projectWithTwoVersions();
    await deployPreview(database.prisma, { projectId: project.id, versionId: v1.id, previewOrigins: origins });
    await deployPreview(database.prisma, { projectId: project.id, versionId: v2.id, previewOrigins: origins });
    const live = (await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).liveUrls[0]!;

    const response = await loopbackRequest(live);
    expect(response.status).toBe(200);
    expect(response.text).toContain("<title>Two</title>");
    const csp = String(response.headers["content-security-policy"] ?? "");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`frame-ancestors ${origins.platform}`);
    expect(response.headers["x-frame-options"]).toBeUndefined();

    expect((await loopbackRequest(`${live}v1/`)).text).toContain("<title>One</title>");
    const script = await loopbackRequest(`${live}v1/src/app.js`);
    expect(script.headers["content-type"]).toContain("text/javascript");
    expect(script.headers["cache-control"]).toContain("immutable");

    const rollback = await rollbackToVersion(database.prisma, { projectId: project.id, versionId: v1.id, previewOrigins: origins });
    expect(rollback.logs).toContain("Rolled back");
    expect((await loopbackRequest(live)).text).toContain("<title>One</title>");
  });

  it("answers unknown keys, versions and files with 404, keeps traversal out, and says 400 for NUL and invalid UTF-8", async () => {
    const { project, v1 } = await projectWithTwoVersions();
    await deployPreview(database.prisma, { projectId: project.id, versionId: v1.id, previewOrigins: origins });
    const live = (await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).liveUrls[0]!;
    const port = new URL(server.url).port;
    expect((await loopbackRequest(`http://${"ab".repeat(18)}.preview.localhost:${port}/`)).status).toBe(404);
    expect((await loopbackRequest(`http://not-a-label.preview.localhost:${port}/`)).status).toBe(404);
    expect((await loopbackRequest(`${live}v9/`)).status).toBe(404);
    expect((await loopbackRequest(`${live}nope.js`)).status).toBe(404);
    expect((await loopbackRequest(`${live}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    for (const bad of ["index.html%00", "%00/x.js", "%FF%FE.js", "src/%C3%28.js"]) {
      const response = await loopbackRequest(`${live}${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.text).toMatch(/not valid UTF-8 or contains a NUL/);
    }
  });

  it("serves one project's files only on its own origin, never another project's", async () => {
    const first = await projectWithTwoVersions();
    const second = await projectWithTwoVersions();
    await deployPreview(database.prisma, { projectId: first.project.id, versionId: first.v1.id, previewOrigins: origins });
    await deployPreview(database.prisma, { projectId: second.project.id, versionId: second.v2.id, previewOrigins: origins });
    const [firstLive, secondLive] = await Promise.all(
      [first, second].map(async ({ project }) => (await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).liveUrls[0]!),
    );
    expect(new URL(firstLive!).origin).not.toBe(new URL(secondLive!).origin);
    const secondKey = (await database.prisma.project.findUniqueOrThrow({ where: { id: second.project.id } })).previewKey!;
    // The second project's key in the path of the first's origin is just a missing file there.
    expect((await loopbackRequest(`${firstLive}preview/${secondKey}/`)).status).toBe(404);
    expect((await loopbackRequest(secondLive!)).text).toContain("<title>Two</title>");
  });

  it("finds a preview's shared records by its own origin only", async () => {
    const first = await projectWithTwoVersions();
    const second = await projectWithTwoVersions();
    await deployPreview(database.prisma, { projectId: first.project.id, versionId: first.v1.id, previewOrigins: origins });
    await deployPreview(database.prisma, { projectId: second.project.id, versionId: second.v1.id, previewOrigins: origins });
    const keys = await Promise.all([first, second].map(async ({ project }) => (await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).previewKey!));
    const [firstKey, secondKey] = [keys[0]!, keys[1]!];
    const firstLive = (await database.prisma.project.findUniqueOrThrow({ where: { id: first.project.id } })).liveUrls[0]!;
    const onFirst = (path: string) => new Request(new URL(path, firstLive), { headers: { host: new URL(firstLive).host, [PREVIEW_PATH_HEADER]: path } });
    expect(await findPreviewDataTarget(database.prisma, onFirst("/_data/records"), firstKey, origins)).toEqual({ projectId: first.project.id, dataPath: "records" });
    expect(await findPreviewDataTarget(database.prisma, onFirst("/v1/_data/events"), firstKey, origins)).toEqual({ projectId: first.project.id, dataPath: "events" });
    expect(await findPreviewDataTarget(database.prisma, onFirst("/index.html"), firstKey, origins)).toBeNull();
    // Another project's key can never be reached from the first one's origin.
    const crossed = await findPreviewDataTarget(database.prisma, onFirst("/_data/records"), secondKey, origins);
    expect(crossed).toBeInstanceOf(Response);
    expect((crossed as Response).status).toBe(404);
    // Previews served sandboxed on the platform's origin (not isolated) have no shared records.
    const notIsolated = { ...origins, isIsolated: false };
    expect(await findPreviewDataTarget(database.prisma, onFirst("/_data/records"), firstKey, notIsolated)).toBeNull();
  });

  it("redirects old /preview/<key>/ links on the platform origin to the project's own origin", async () => {
    const key = "k".repeat(24);
    const { status, headers } = await loopbackRequest(`${origins.platform}/preview/${key}/v2/?x=1`);
    expect(status).toBe(307);
    expect(headers.location).toBe(`http://${previewLabelOf(key)}.preview.localhost:${new URL(server.url).port}/v2/?x=1`);
  });

  it("refuses to roll back to a version that was never deployed", async () => {
    const { project, v2 } = await projectWithTwoVersions();
    await expect(rollbackToVersion(database.prisma, { projectId: project.id, versionId: v2.id, previewOrigins: origins })).rejects.toThrow(
      /never deployed/,
    );
  });
});

function previewLabelOf(key: string): string {
  return Buffer.from(key, "base64url").toString("hex");
}
